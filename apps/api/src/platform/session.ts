/** Session resolution, part of every request: a token to its actor through the SQL function that is the only way in. */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from './actor';
import { buildActor, type SessionActorRow } from './session-actor';
import { rowsOf } from '../db/security';

export const SESSION_COOKIE = 'tds_session';
export const CSRF_COOKIE = 'tds_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export const tokenId = (token: string) => createHash('sha256').update(token).digest('hex');

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
