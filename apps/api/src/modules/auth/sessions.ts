import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { appUser } from '../users/users.table';
import { session } from './auth.table';
import { loadActor } from './load-actor';

export const SESSION_COOKIE = 'tds_session';
export const CSRF_COOKIE = 'tds_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const ABSOLUTE_HOURS = 12;

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** Create a session row; the raw token goes only to the cookie. */
export async function createSession(db: Db, userId: string, idleMinutes: number, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const expiresAt = new Date(Date.now() + idleMinutes * 60_000);
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.delete(session).where(lt(session.expiresAt, new Date()));
    await tx.insert(session).values({ id: tokenId(token), userId, csrfToken, expiresAt, ip: meta.ip ?? null, userAgent: meta.userAgent?.slice(0, 300) ?? null });
  });
  return { token, csrfToken, expiresAt };
}

/**
 * Resolve a session token to its actor, sliding the idle expiry (at most once a minute) and
 * honouring the absolute lifetime. Null when the session is unknown, expired or the user disabled.
 */
export async function resolveSession(db: Db, token: string, idleMinutes: number): Promise<Actor | null> {
  const id = tokenId(token);
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const [row] = await tx
      .select({ s: session, u: appUser })
      .from(session)
      .innerJoin(appUser, eq(appUser.id, session.userId))
      .where(eq(session.id, id));
    if (!row) return null;
    const now = Date.now();
    const absoluteEnd = row.s.createdAt.getTime() + ABSOLUTE_HOURS * 3_600_000;
    if (row.s.expiresAt.getTime() <= now || absoluteEnd <= now || row.u.disabled) {
      await tx.delete(session).where(eq(session.id, id));
      return null;
    }
    if (now - row.s.lastSeenAt.getTime() > 60_000) {
      const expiresAt = new Date(Math.min(now + idleMinutes * 60_000, absoluteEnd));
      await tx.update(session).set({ lastSeenAt: new Date(now), expiresAt }).where(eq(session.id, id));
    }
    return loadActor(tx, row.u, { id, csrfToken: row.s.csrfToken });
  });
}

/** End one session, or every session of a user (after a password change or reset). */
export async function destroySessions(db: Db, by: { sessionId?: string; userId?: string; exceptSessionId?: string }): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    if (by.sessionId) await tx.delete(session).where(eq(session.id, by.sessionId));
    if (by.userId) {
      await tx.delete(session).where(and(eq(session.userId, by.userId), by.exceptSessionId ? sql`${session.id} <> ${by.exceptSessionId}` : undefined));
    }
  });
}
