import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { loadProvincePlan } from './province-plan.store';
import { plan, provincePlan } from './plans.table';

/** Remove a province plan that no commune plan names (one that is named must be corrected instead). */
export async function deleteProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string }) {
  const { actor } = opts;
  await inScope(opts.db, actor.scope, async (tx) => {
    const before = await loadProvincePlan(tx, actor, opts.id);
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(plan)
      .where(eq(plan.provincePlanId, before.id));
    if ((used?.n ?? 0) > 0) {
      throw new AppError('IN_USE', `Kế hoạch cấp tỉnh này đang được ${used!.n} kế hoạch của xã/phường dẫn chiếu; hãy sửa thay vì xóa.`);
    }
    await tx.delete(provincePlan).where(and(eq(provincePlan.provinceId, before.provinceId), eq(provincePlan.id, before.id)));
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'province_plan',
      entityId: before.id,
      provinceId: before.provinceId,
      summary: `Xóa kế hoạch cấp tỉnh: ${before.title}`,
      before,
    });
  });
  return { ok: true as const };
}
