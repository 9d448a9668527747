import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapPerson } from './people.mapper';
import { loadPerson } from './people.store';

/** One person of a commune. */
export async function getPerson(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'person.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const r = await loadPerson(tx, opts.communeId, opts.id);
    return mapPerson(opts.actor, r.p, { name: r.unitName, path: r.unitPath });
  });
}
