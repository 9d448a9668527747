import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { loginThrottle } from './auth.table';

/**
 * One throttled key: after `after` failures inside the window, each further attempt must wait a
 * delay that doubles with every failure (1 s, 2 s, 4 s, ...) up to `maxSeconds`. Nobody is locked
 * out for long: the delay is the whole defence, and successes are never counted.
 */
export interface ThrottleRule {
  key: string;
  after: number;
  maxSeconds: number;
}

/** Failures older than this are forgotten. */
const WINDOW_MS = 15 * 60_000;

/** The delay after `failures` failures under a rule, in seconds (0 while under the threshold). */
export function delaySeconds(failures: number, rule: Pick<ThrottleRule, 'after' | 'maxSeconds'>): number {
  if (failures < rule.after) return 0;
  return Math.min(rule.maxSeconds, 2 ** Math.min(30, failures - rule.after));
}

/** Refuse with 429 (and when to retry) while any of the keys must still wait. */
export async function assertNotThrottled(db: Db, keys: string[], now = new Date()): Promise<void> {
  const rows = await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx.select({ nextAt: loginThrottle.nextAt, windowStart: loginThrottle.windowStart }).from(loginThrottle).where(inArray(loginThrottle.key, keys)),
  );
  let wait = 0;
  for (const r of rows) {
    if (!r.nextAt || r.windowStart.getTime() < now.getTime() - WINDOW_MS) continue;
    wait = Math.max(wait, Math.ceil((r.nextAt.getTime() - now.getTime()) / 1000));
  }
  if (wait > 0) {
    throw new AppError('TOO_MANY_REQUESTS', `Đã thử sai nhiều lần. Vui lòng thử lại sau ${formatWait(wait)}.`, undefined, { retryAfterSeconds: wait });
  }
}

/** Count one failure under each rule; returns the largest failure count reached. */
export async function recordFailures(db: Db, rules: ThrottleRule[], now = new Date()): Promise<number> {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    let most = 0;
    for (const rule of rules) {
      const stale = new Date(now.getTime() - WINDOW_MS);
      const [row] = await tx
        .insert(loginThrottle)
        .values({ key: rule.key, windowStart: now, attempts: 1, nextAt: null })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            attempts: sql`case when ${loginThrottle.windowStart} < ${stale} then 1 else ${loginThrottle.attempts} + 1 end`,
            windowStart: sql`case when ${loginThrottle.windowStart} < ${stale} then ${now} else ${loginThrottle.windowStart} end`,
          },
        })
        .returning({ attempts: loginThrottle.attempts });
      const failures = row?.attempts ?? 1;
      const delay = delaySeconds(failures, rule);
      if (delay > 0) {
        await tx
          .update(loginThrottle)
          .set({ nextAt: new Date(now.getTime() + delay * 1000) })
          .where(inArray(loginThrottle.key, [rule.key]));
      }
      most = Math.max(most, failures);
    }
    return most;
  });
}

/** Forget the failures of these keys (after a success, or when an administrator lifts a delay). */
export async function clearFailures(db: Db, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await inScope(db, SYSTEM_SCOPE, (tx) => tx.delete(loginThrottle).where(inArray(loginThrottle.key, keys)));
}

/** Forget every failure counted against a user: overall, from each address, and at the password change. */
export async function clearUserFailures(db: Db, username: string, userId: string): Promise<void> {
  const name = username.trim().toLowerCase();
  await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx
      .delete(loginThrottle)
      .where(sql`${loginThrottle.key} in (${userKey(name)}, ${passwordChangeKey(userId)}) or starts_with(${loginThrottle.key}, ${`pair:${name}@`})`),
  );
}

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const pairKey = (username: string, ip: string) => `pair:${username.trim().toLowerCase()}@${ip}`;
export const addressKey = (ip: string) => `ip:${ip}`;
export const passwordChangeKey = (userId: string) => `pw:${userId}`;

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} giây`;
  return `${Math.ceil(seconds / 60)} phút`;
}
