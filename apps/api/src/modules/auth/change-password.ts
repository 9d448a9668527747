import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { appUser } from '../users/users.table';
import { hashPassword, verifyPassword } from './passwords';
import { destroySessions } from './sessions';

/** A user changes their own password; other sessions of the user end. */
export async function changePassword(opts: { db: Db; actor: Actor; meta: RequestMeta; currentPassword: string; newPassword: string }): Promise<void> {
  const { db, actor, meta } = opts;
  const [user] = await inScope(db, SYSTEM_SCOPE, (tx) => tx.select().from(appUser).where(eq(appUser.id, actor.userId)));
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
  }
  if (opts.currentPassword === opts.newPassword) {
    throw new AppError('PASSWORD_REUSED', undefined, [{ field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
  }
  const passwordHash = await hashPassword(opts.newPassword);
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.update(appUser).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(appUser.id, actor.userId));
    await writeAudit(tx, actor, meta, { action: 'change_password', entityType: 'user', entityId: actor.userId, communeId: user.communeId, summary: `Đổi mật khẩu tài khoản ${user.username}` });
  });
  await destroySessions(db, { userId: actor.userId, exceptSessionId: actor.sessionId });
}
