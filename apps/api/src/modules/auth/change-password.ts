import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { findUserById, setPasswordHash } from '../users';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import { destroySessions } from './sessions';
import { assertNotThrottled, clearFailures, passwordChangeKey, recordFailures } from './throttle';

/** Wrong current passwords before delays start, and the longest delay. */
const CHANGE_RULE = { after: 5, maxSeconds: 15 * 60 };

/**
 * A user changes their own password; other sessions of the user end. Wrong current passwords are
 * throttled like logins, so a stolen session cannot be used to guess the password.
 */
export async function changePassword(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  currentPassword: string;
  newPassword: string;
  now?: Date;
}): Promise<void> {
  const { db, actor, meta } = opts;
  const now = opts.now ?? new Date();
  const key = passwordChangeKey(actor.userId);
  await assertNotThrottled(db, [key], now);
  const user = await inScope(db, SYSTEM_SCOPE, (tx) => findUserById(tx, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, opts.currentPassword))) {
    await recordFailures(db, [{ key, ...CHANGE_RULE }], now);
    throw new AppError('VALIDATION_FAILED', 'Mật khẩu hiện tại không đúng.', [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
  }
  if (opts.currentPassword === opts.newPassword) {
    throw new AppError('PASSWORD_REUSED', undefined, [{ field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
  }
  await clearFailures(db, [key]);
  const passwordHash = await hashPassword(opts.newPassword);
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await setPasswordHash(tx, actor.userId, passwordHash, { mustChange: false, now });
    await writeAudit(tx, actor, meta, {
      action: 'change_password',
      entityType: 'user',
      entityId: actor.userId,
      communeId: user.communeId,
      summary: `Đổi mật khẩu tài khoản ${user.username}`,
    });
  });
  await destroySessions(db, { userId: actor.userId, exceptSessionId: actor.sessionId });
}
