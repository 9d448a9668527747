import type { z } from 'zod';
import type { provincePlanInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { inScope } from '../../platform/tenancy';
import { mapProvincePlan } from './province-plan.mapper';
import { mayWrite } from './province-plan.policy';
import { fields } from './province-plan.store';
import { provincePlan } from './plans.table';

/** Enter a province plan as a province record, so commune plans can name the plan they implement. */
export async function createProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; input: z.infer<typeof provincePlanInput> }) {
  const { actor, input } = opts;
  mayWrite(actor, input.provinceId);
  return inScope(opts.db, actor.scope, async (tx) => {
    const [row] = await tx
      .insert(provincePlan)
      .values({ provinceId: input.provinceId, ...fields(input) })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'province_plan',
      entityId: row!.id,
      provinceId: input.provinceId,
      summary: `Nhập kế hoạch cấp tỉnh: ${row!.title}`,
      after: row,
    });
    return mapProvincePlan(row!);
  });
}
