import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { loadPlan, mapDetail } from './plan-store';

/** One plan with its current content. */
export async function getPlan(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => mapDetail(tx, opts.actor, await loadPlan(tx, opts.communeId, opts.id)));
}
