import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { loadUser, presentUsers } from './users.store';

/** One user, as the actor may see them. */
export async function getUser(opts: { db: Db; actor: Actor; id: string }) {
  return inScope(opts.db, opts.actor.scope, async (tx) => (await presentUsers(tx, opts.actor, [await loadUser(tx, opts.actor, opts.id, 'user.read')]))[0]!);
}
