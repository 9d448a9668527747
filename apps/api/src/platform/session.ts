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

/**
 * Actors by token, with an index by session and by user: a session slides once a minute, so its
 * announcement must not scan every cached session (a unit change, which is rare, does).
 */
class SessionCache {
  private readonly entries = new Map<string, CachedActor>();
  private readonly bySession = new Map<string, string>();
  private readonly byUser = new Map<string, Set<string>>();
  constructor(feed: ChangeFeed) {
    feed.on((kind, key) => {
      if (kind === '*' || kind === 'commune') return this.clear();
      if (kind === 'session') {
        const token = this.bySession.get(key);
        if (token) this.delete(token);
      } else if (kind === 'user') {
        for (const token of [...(this.byUser.get(key) ?? [])]) this.delete(token);
      } else {
        for (const [token, { actor }] of this.entries) if (actor.roles.some((r) => r.unitId && r.communeId === key)) this.delete(token);
      }
    });
  }
  get(token: string): CachedActor | undefined {
    return this.entries.get(token);
  }
  set(token: string, entry: CachedActor): void {
    this.delete(token);
    this.entries.set(token, entry);
    this.bySession.set(entry.actor.sessionId, token);
    const mine = this.byUser.get(entry.actor.userId) ?? new Set<string>();
    this.byUser.set(entry.actor.userId, mine.add(token));
    if (this.entries.size > SESSION_CACHE_MAX) this.delete(this.entries.keys().next().value!);
  }
  delete(token: string): void {
    const entry = this.entries.get(token);
    if (!entry) return;
    this.entries.delete(token);
    this.bySession.delete(entry.actor.sessionId);
    const mine = this.byUser.get(entry.actor.userId);
    mine?.delete(token);
    if (mine?.size === 0) this.byUser.delete(entry.actor.userId);
  }
  private clear(): void {
    this.entries.clear();
    this.bySession.clear();
    this.byUser.clear();
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
  const hit = cache.get(token);
  if (hit && now - hit.at < SESSION_REUSE_MS) return hit.actor;
  const seq = feed.seq;
  const actor = await resolveSession(db, token, idleMinutes);
  // Stored only when no announcement came while it was read (it might have been about this session).
  if (actor && feed.live && feed.seq === seq) {
    cache.set(token, { actor, at: now });
  } else if (!actor) cache.delete(token);
  return actor;
}

/** End the session of a token (logout). */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.execute(sql`select tds_session_end(${token})`);
}
