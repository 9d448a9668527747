import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { inScope } from '../../platform/tenancy';
import { loadUser, presentUsers, touchUser } from '../users';
import { clearUserFailures } from './throttle';

/** Lift the sign-in delays of a user (after failed attempts, from any address). */
export async function unlockUser(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const row = await inScope(opts.db, opts.actor.scope, async (tx) => {
    const cur = await loadUser(tx, opts.actor, opts.id, 'user.manage');
    const updated = await touchUser(tx, cur.id, now);
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'unlock',
      entityType: 'user',
      entityId: cur.id,
      communeId: cur.communeId,
      provinceId: cur.provinceId,
      summary: `Mở khóa tài khoản ${cur.username}`,
    });
    return updated;
  });
  await clearUserFailures(opts.db, row.username, row.id);
  return inScope(opts.db, opts.actor.scope, async (tx) => (await presentUsers(tx, opts.actor, [row]))[0]!);
}
