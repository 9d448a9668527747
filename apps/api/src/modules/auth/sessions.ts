import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { session } from './auth.table';
import { buildActor, type SessionActorRow } from './load-actor';
import { rowsOf } from '../../db/security';

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
 * Resolve a session token to its actor in one statement, sliding the idle expiry (at most once a
 * minute) and honouring the absolute lifetime. Null when the session is unknown, expired or the
 * user disabled.
 */
export async function resolveSession(db: Db, token: string, idleMinutes: number): Promise<Actor | null> {
  const id = tokenId(token);
  const result = await db.execute(sql`select tds_session_actor(${id}) as a`);
  const raw = rowsOf<{ a: SessionActorRow | string | null }>(result)[0]?.a;
  if (!raw) return null;
  const row: SessionActorRow = typeof raw === 'string' ? JSON.parse(raw) : raw;
  const now = Date.now();
  const absoluteEnd = Number(row.createdAt) + ABSOLUTE_HOURS * 3_600_000;
  if (Number(row.expiresAt) <= now || absoluteEnd <= now || row.user.disabled) {
    await inScope(db, SYSTEM_SCOPE, (tx) => tx.delete(session).where(eq(session.id, id)));
    return null;
  }
  if (now - Number(row.lastSeenAt) > 60_000) {
    const expiresAt = new Date(Math.min(now + idleMinutes * 60_000, absoluteEnd));
    await inScope(db, SYSTEM_SCOPE, (tx) => tx.update(session).set({ lastSeenAt: new Date(now), expiresAt }).where(eq(session.id, id)));
  }
  return buildActor(row);
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
