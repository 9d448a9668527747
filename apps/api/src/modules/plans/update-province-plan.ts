import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { provincePlanUpdateInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { inScope } from '../../platform/tenancy';
import { mapProvincePlan } from './province-plan.mapper';
import { fields, loadProvincePlan } from './province-plan.store';
import { provincePlan } from './plans.table';

/** Correct a province plan's title, number, date or issuer. */
export async function updateProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; input: z.infer<typeof provincePlanUpdateInput> }) {
  const { actor } = opts;
  return inScope(opts.db, actor.scope, async (tx) => {
    const before = await loadProvincePlan(tx, actor, opts.id);
    const [row] = await tx
      .update(provincePlan)
      .set(fields(opts.input))
      .where(and(eq(provincePlan.provinceId, before.provinceId), eq(provincePlan.id, before.id)))
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'province_plan',
      entityId: row!.id,
      provinceId: row!.provinceId,
      summary: `Sửa kế hoạch cấp tỉnh: ${row!.title}`,
      before,
      after: row,
    });
    return mapProvincePlan(row!);
  });
}
