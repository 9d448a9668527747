import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { hashPassword } from '../../platform/passwords';
import { inScope } from '../../platform/tenancy';
import { loadUser, presentUsers, setPasswordHash } from '../users';
import { destroySessions } from './sessions';
import { clearUserFailures } from './throttle';

/** An administrator sets a temporary password; the user must change it, and their sessions end. */
export async function resetPassword(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; newPassword: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const passwordHash = await hashPassword(opts.newPassword);
  const row = await inScope(opts.db, opts.actor.scope, async (tx) => {
    const cur = await loadUser(tx, opts.actor, opts.id, 'user.manage');
    const updated = await setPasswordHash(tx, cur.id, passwordHash, { mustChange: true, now });
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'reset_password',
      entityType: 'user',
      entityId: cur.id,
      communeId: cur.communeId,
      provinceId: cur.provinceId,
      summary: `Đặt lại mật khẩu cho ${cur.username}`,
    });
    return updated;
  });
  await destroySessions(opts.db, { userId: opts.id });
  await clearUserFailures(opts.db, row.username, row.id);
  return inScope(opts.db, opts.actor.scope, async (tx) => (await presentUsers(tx, opts.actor, [row]))[0]!);
}
