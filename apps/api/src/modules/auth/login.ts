import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config/env';
import type { Db } from '../../db/client';
import type { RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { appUser } from '../users/users.table';
import { loginThrottle } from './auth.table';
import { verifyPassword } from './passwords';
import { createSession, type NewSession } from './sessions';

const IP_WINDOW_MS = 15 * 60_000;
const IP_MAX_ATTEMPTS = 30;

export interface LoginOptions {
  db: Db;
  config: Config;
  username: string;
  password: string;
  meta: RequestMeta & { userAgent?: string };
}

/**
 * Check credentials with a per-address throttle and a per-user temporary lockout (both in the
 * database, so every instance agrees), then open a session.
 */
export async function login({ db, config, username, password, meta }: LoginOptions): Promise<{ userId: string; session: NewSession }> {
  const name = username.trim().toLowerCase();
  await throttle(db, `ip:${meta.ip ?? 'unknown'}`);
  const user = await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [u] = await tx.select().from(appUser).where(sql`lower(${appUser.username}) = ${name}`);
    return u;
  });
  if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw new AppError('USER_LOCKED');
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabled) {
    if (user) await recordFailure(db, user.id, config, meta);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(appUser.id, user.id));
    await writeAudit(tx, { userId: user.id, fullName: user.fullName, username: user.username }, meta, {
      action: 'login', entityType: 'user', entityId: user.id, communeId: user.communeId, provinceId: user.provinceId, summary: `Đăng nhập: ${user.username}`,
    });
  });
  const session = await createSession(db, user.id, config.SESSION_IDLE_MINUTES, meta);
  return { userId: user.id, session };
}

async function recordFailure(db: Db, userId: string, config: Config, meta: RequestMeta): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [u] = await tx
      .update(appUser)
      .set({ failedLogins: sql`${appUser.failedLogins} + 1` })
      .where(eq(appUser.id, userId))
      .returning({ failed: appUser.failedLogins, communeId: appUser.communeId, username: appUser.username });
    if (u && u.failed >= config.LOGIN_MAX_FAILURES) {
      const lockedUntil = new Date(Date.now() + config.LOCKOUT_MINUTES * 60_000);
      await tx.update(appUser).set({ lockedUntil, failedLogins: 0 }).where(eq(appUser.id, userId));
      await writeAudit(tx, null, meta, {
        action: 'lock', entityType: 'user', entityId: userId, communeId: u.communeId,
        summary: `Khóa tạm tài khoản ${u.username} sau ${u.failed} lần đăng nhập sai`,
        after: { lockedUntil: lockedUntil.toISOString() },
      });
    }
  });
}

async function throttle(db: Db, key: string): Promise<void> {
  const allowed = await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(loginThrottle)
      .values({ key, windowStart: now, attempts: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          attempts: sql`case when ${loginThrottle.windowStart} < ${new Date(now.getTime() - IP_WINDOW_MS)} then 1 else ${loginThrottle.attempts} + 1 end`,
          windowStart: sql`case when ${loginThrottle.windowStart} < ${new Date(now.getTime() - IP_WINDOW_MS)} then ${now} else ${loginThrottle.windowStart} end`,
        },
      })
      .returning({ attempts: loginThrottle.attempts });
    return (row?.attempts ?? 0) <= IP_MAX_ATTEMPTS;
  });
  if (!allowed) throw new AppError('TOO_MANY_REQUESTS', 'Quá nhiều lần đăng nhập từ địa chỉ này. Vui lòng thử lại sau 15 phút.');
}
