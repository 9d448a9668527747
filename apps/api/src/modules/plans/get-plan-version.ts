import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { loadPlan } from './plan-store';
import { planVersion } from './plans.table';

/** One earlier version with its content. */
export async function getPlanVersion(opts: { db: Db; actor: Actor; communeId: string; id: string; version: number }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadPlan(tx, opts.communeId, opts.id);
    const [v] = await tx
      .select()
      .from(planVersion)
      .where(and(eq(planVersion.communeId, row.communeId), eq(planVersion.planId, row.id), eq(planVersion.version, opts.version)));
    if (!v) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản kế hoạch.');
    return { version: v.version, createdAt: v.createdAt.toISOString(), createdByName: v.createdByName, note: v.note, doc: v.doc };
  });
}
