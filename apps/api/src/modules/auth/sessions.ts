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
 * Resolve a session token to its actor in one statement, which also slides the idle expiry (at
 * most once a minute) and ends a session past its idle or absolute lifetime or of a disabled user.
 * Null when the session is unknown or over. Runs as the request login: the function is the only
 * way it reaches the session table.
 */
export async function resolveSession(db: Db, token: string, idleMinutes: number): Promise<Actor | null> {
  const result = await db.execute(sql`select tds_session_actor(${token}, ${idleMinutes}) as a`);
  const raw = rowsOf<{ a: SessionActorRow | string | null }>(result)[0]?.a;
  if (!raw) return null;
  const row: SessionActorRow = typeof raw === 'string' ? JSON.parse(raw) : raw;
  return buildActor(row, token);
}

/** End the session of a token (logout). */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.execute(sql`select tds_session_end(${token})`);
}

/** End every session of a user (after a password change or reset, or when disabled): system work. */
export async function destroySessions(db: Db, by: { userId: string; exceptSessionId?: string }): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    await tx.delete(session).where(and(eq(session.userId, by.userId), by.exceptSessionId ? sql`${session.id} <> ${by.exceptSessionId}` : undefined));
  });
}
