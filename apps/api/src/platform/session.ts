/** Session resolution, part of every request: a token to its actor through the SQL function that is the only way in. */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { Actor } from './actor';
import { buildActor, type SessionActorRow } from './session-actor';
import { rowsOf } from '../db/security';
import { changeFeedOf, type ChangeFeed } from './change-feed';

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

/**
 * How long a reading request may reuse the actor its session resolved to without asking the
 * database again. Every change that could alter the actor (the session ended or slid, the user
 * disabled or renamed, a role given or taken, a unit moved, a commune changed province) drops it
 * at once through the change feed; this bound only keeps the idle expiry (checked by the database,
 * minutes long) within seconds of exact.
 */
export const SESSION_REUSE_MS = 10_000;
const SESSION_CACHE_MAX = 10_000;

interface CachedActor {
  actor: Actor;
  at: number;
}

class SessionCache {
  readonly entries = new Map<string, CachedActor>();
  constructor(readonly feed: ChangeFeed) {
    feed.on((kind, key) => {
      if (kind === '*' || kind === 'commune') return this.entries.clear();
      for (const [token, { actor }] of this.entries) {
        if (
          (kind === 'session' && actor.sessionId === key) ||
          (kind === 'user' && actor.userId === key) ||
          (kind === 'unit' && actor.roles.some((r) => r.unitId && r.communeId === key))
        )
          this.entries.delete(token);
      }
    });
  }
}

const caches = new WeakMap<ChangeFeed, SessionCache>();

/**
 * The actor of a session for a reading request: the one resolved within the last few seconds when
 * the change feed has announced nothing about it since, otherwise from the database. A request
 * that changes data always resolves from the database (`resolveSession`).
 */
export async function resolveSessionForRead(db: Db, token: string, idleMinutes: number, now = Date.now()): Promise<Actor | null> {
  const feed = changeFeedOf(db);
  if (!feed?.live) return resolveSession(db, token, idleMinutes);
  let cache = caches.get(feed);
  if (!cache) caches.set(feed, (cache = new SessionCache(feed)));
  const hit = cache.entries.get(token);
  if (hit && now - hit.at < SESSION_REUSE_MS) return hit.actor;
  const seq = feed.seq;
  const actor = await resolveSession(db, token, idleMinutes);
  // Stored only when no announcement came while it was read (it might have been about this session).
  if (actor && feed.live && feed.seq === seq) {
    cache.entries.delete(token);
    cache.entries.set(token, { actor, at: now });
    if (cache.entries.size > SESSION_CACHE_MAX) cache.entries.delete(cache.entries.keys().next().value!);
  } else if (!actor) cache.entries.delete(token);
  return actor;
}

/** End the session of a token (logout). */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.execute(sql`select tds_session_end(${token})`);
}
