import type { Config } from '../../config/env';
import type { Db } from '../../db/client';
import type { RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { findLoginUser, recordLogin } from '../users';
import { verifyPassword } from '../../platform/passwords';
import { createSession, type NewSession } from './sessions';
import { addressKey, assertNotThrottled, clearFailures, pairKey, recordFailures, userKey, type ThrottleRule } from './throttle';

/** Failures from one address (any usernames) before its attempts are delayed. */
const ADDRESS_FAILURES = 30;
/** A username's failures from every address before delays start, and their ceiling: short, so nobody can lock anyone out. */
const USER_FAILURES_FACTOR = 3;
const USER_MAX_DELAY_SECONDS = 60;

export interface LoginOptions {
  db: Db;
  config: Config;
  username: string;
  password: string;
  meta: RequestMeta & { userAgent?: string };
  /** The moment of the attempt (tests fix it); now by default. */
  now?: Date;
}

/**
 * Check credentials and open a session. Failures, never successes, are counted per address, per
 * username from that address and per username overall, each with delays that grow with the
 * failures (in the database, so every instance agrees). A known and an unknown username take the
 * same path, the same time and the same answers.
 */
export async function login({ db, config, username, password, meta, now = new Date() }: LoginOptions): Promise<{ userId: string; session: NewSession }> {
  const name = username.trim().toLowerCase();
  const ip = meta.ip ?? 'unknown';
  const rules: ThrottleRule[] = [
    { key: addressKey(ip), after: ADDRESS_FAILURES, maxSeconds: 15 * 60 },
    { key: pairKey(name, ip), after: config.LOGIN_MAX_FAILURES, maxSeconds: config.LOCKOUT_MINUTES * 60 },
    { key: userKey(name), after: config.LOGIN_MAX_FAILURES * USER_FAILURES_FACTOR, maxSeconds: USER_MAX_DELAY_SECONDS },
  ];
  await assertNotThrottled(
    db,
    rules.map((r) => r.key),
    now,
  );
  const user = await inScope(db, SYSTEM_SCOPE, (tx) => findLoginUser(tx, name));
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabled) {
    const failures = await recordFailures(db, rules, now);
    if (failures === config.LOGIN_MAX_FAILURES) {
      // Written for known and unknown names alike: the same work either way.
      await inScope(db, SYSTEM_SCOPE, (tx) =>
        writeAudit(tx, null, meta, {
          action: 'login_throttled',
          entityType: 'user',
          entityId: user?.id ?? null,
          communeId: user?.communeId ?? null,
          summary: `Đăng nhập sai ${failures} lần với tên "${name.slice(0, 64)}": các lần thử sau phải chờ lâu dần`,
        }),
      );
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearFailures(db, [pairKey(name, ip), userKey(name)]);
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await recordLogin(tx, user.id, now);
    await writeAudit(tx, { userId: user.id, fullName: user.fullName, username: user.username }, meta, {
      action: 'login',
      entityType: 'user',
      entityId: user.id,
      communeId: user.communeId,
      provinceId: user.provinceId,
      summary: `Đăng nhập: ${user.username}`,
    });
  });
  const session = await createSession(db, user.id, config.SESSION_IDLE_MINUTES, meta, now);
  return { userId: user.id, session };
}
