import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { loadPlan } from './plan-store';
import { planVersion } from './plans.table';

/** Every version of a plan, newest first. */
export async function listPlanVersions(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadPlan(tx, opts.communeId, opts.id);
    const items = await tx
      .select({ version: planVersion.version, createdAt: planVersion.createdAt, createdByName: planVersion.createdByName, note: planVersion.note })
      .from(planVersion)
      .where(and(eq(planVersion.communeId, row.communeId), eq(planVersion.planId, row.id)))
      .orderBy(desc(planVersion.version));
    return { items: items.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
  });
}
