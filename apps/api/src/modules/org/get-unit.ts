import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapUnit } from './org.mapper';
import { loadUnit } from './unit-store';

/** One unit. */
export async function getUnit(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'org.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => mapUnit(opts.actor, await loadUnit(tx, opts.communeId, opts.id)));
}
