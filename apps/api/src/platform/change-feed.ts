/**
 * The change feed: what lets an instance keep a value in memory and still answer as if it had
 * asked the database. Triggers announce on the channel `tds_change` every committed change that
 * could make such a value wrong (`session:<id>`, `user:<id>`, `unit:<commune id>`, `commune:*`;
 * migration 0013; `figures:*` for roll-ups, targets and the indicator catalogue, migration 0014; `scoring:<commune id>` for rubrics and frozen results, migration 0024; `training:<commune id>` for the records coverage counts, migration 0029). An instance listens, and a cache holds a value only while the feed is live and
 * no announcement for its key came between reading the value and storing it (`seq`).
 *
 * On PGlite the announcement arrives before the committing call returns. On PostgreSQL it arrives
 * on a dedicated connection a moment after the commit; while that connection is down nothing is
 * cached, and everything cached is dropped when it comes back.
 */
import pg from 'pg';
import type { Database, Db } from '../db/client';

export const CHANGE_CHANNEL = 'tds_change';

export type ChangeKind = 'session' | 'user' | 'unit' | 'commune' | 'figures' | 'scoring' | 'training';
type Listener = (kind: ChangeKind, key: string) => void;

export interface ChangeFeed {
  /** True while announcements are being received: caches may hold values. */
  readonly live: boolean;
  /** Grows with every announcement and every loss of the feed: compare before and after a read. */
  readonly seq: number;
  /** Called for each announcement, and with kind '*' when the feed was lost (drop everything). */
  on(fn: (kind: ChangeKind | '*', key: string) => void): () => void;
  /**
   * This instance has just committed a change (a request that changes data is answering). Where
   * announcements arrive after the commit (PostgreSQL), everything cached is dropped now, so the
   * user's next request reads what they wrote; on PGlite the announcement has already arrived.
   */
  wrote(): void;
  close(): Promise<void>;
}

class Feed implements ChangeFeed {
  live = false;
  seq = 0;
  private readonly listeners = new Set<(kind: ChangeKind | '*', key: string) => void>();

  on(fn: (kind: ChangeKind | '*', key: string) => void) {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  }

  receive: Listener = (kind, key) => {
    this.seq++;
    for (const fn of this.listeners) fn(kind, key);
  };

  /** Announcements arrive before the committing call returns (PGlite). */
  synchronous = false;
  wrote() {
    if (this.synchronous) return;
    this.seq++;
    for (const fn of this.listeners) fn('*', '*');
  }

  lost() {
    this.live = false;
    this.seq++;
    for (const fn of this.listeners) fn('*', '*');
  }

  closer: () => Promise<void> = async () => undefined;
  /** How many holders (apps on this database) started it; the last close stops listening. */
  refs = 1;
  constructor(private readonly forget: () => void) {}
  async close() {
    if (--this.refs > 0) return;
    this.forget();
    this.lost();
    await this.closer();
  }
}

const KINDS = new Set<string>(['session', 'user', 'unit', 'commune', 'figures', 'scoring', 'training']);

function parse(payload: string | undefined): [ChangeKind, string] | null {
  const at = payload?.indexOf(':') ?? -1;
  if (!payload || at < 0) return null;
  const kind = payload.slice(0, at);
  return KINDS.has(kind) ? [kind as ChangeKind, payload.slice(at + 1)] : null;
}

const feeds = new WeakMap<Db, Feed>();

/** The feed of a database, if one was started (caches ask this; without a feed they do not cache). */
export function changeFeedOf(db: Db): ChangeFeed | undefined {
  return feeds.get(db);
}

/**
 * Start listening (once per database: a later call shares the feed, and each caller closes it
 * once). `databaseUrl` is the PostgreSQL login to listen with; LISTEN needs no privilege.
 */
export async function startChangeFeed(database: Database, opts: { onError?: (err: Error) => void } = {}): Promise<ChangeFeed> {
  const known = feeds.get(database.db);
  if (known) {
    known.refs++;
    return known;
  }
  const feed = new Feed(() => {
    feeds.delete(database.db);
    feeds.delete(database.system);
  });
  feeds.set(database.db, feed);
  feeds.set(database.system, feed);
  const onMessage = (payload: string | undefined) => {
    const change = parse(payload);
    if (change) feed.receive(...change);
  };

  if (database.kind === 'pglite') {
    const client = database.embedded?.client ?? pgliteClientOf(database.db);
    if (!client) return feed;
    const unlisten = await client.listen(CHANGE_CHANNEL, onMessage);
    feed.synchronous = true;
    feed.live = true;
    feed.closer = async () => {
      await unlisten().catch(() => undefined);
    };
    return feed;
  }

  if (!database.listenUrl) return feed;
  const url = database.listenUrl;
  let client: pg.Client | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    retry = null;
    if (closed) return;
    const c = new pg.Client({ connectionString: url });
    const drop = (err?: Error) => {
      if (client !== c) return;
      client = null;
      feed.lost();
      if (err) opts.onError?.(err);
      c.end().catch(() => undefined);
      if (!closed) retry = setTimeout(() => void connect(), 1000).unref();
    };
    c.on('error', drop);
    c.on('end', () => drop());
    c.on('notification', (msg) => {
      if (msg.channel === CHANGE_CHANNEL) onMessage(msg.payload);
    });
    try {
      client = c;
      await c.connect();
      await c.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (client === c && !closed) {
        // Anything cached before (there is nothing on a first start) may have missed announcements.
        feed.lost();
        feed.live = true;
      }
    } catch (err) {
      drop(err as Error);
    }
  };
  await connect();
  feed.closer = async () => {
    closed = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
  return feed;
}

/** The PGlite client behind an in-memory drizzle database (drizzle keeps it as `$client`). */
function pgliteClientOf(db: Db): { listen(channel: string, fn: (payload: string) => void): Promise<() => Promise<void>> } | null {
  const client = (db as unknown as { $client?: { listen?: unknown } }).$client;
  return client && typeof client.listen === 'function' ? (client as never) : null;
}

/**
 * A value per key kept in memory while the change feed is live, dropped when an announcement names
 * its key (`keyOf` maps an announcement to the key it concerns, a prefix ending in '|' for every
 * key that starts with it, '*' for all, null for none).
 * Without a live feed every call reads.
 */
export function feedCache<V>(keyOf: (kind: ChangeKind, key: string) => string | '*' | null, max = 10_000) {
  const perFeed = new WeakMap<ChangeFeed, Map<string, V>>();
  return async function cached(db: Db, key: string, read: () => Promise<V>): Promise<V> {
    const feed = changeFeedOf(db);
    if (!feed?.live) return read();
    let values = perFeed.get(feed);
    if (!values) {
      const map = new Map<string, V>();
      perFeed.set(feed, (values = map));
      feed.on((kind, k) => {
        const drop = kind === '*' ? '*' : keyOf(kind, k);
        if (drop === '*') map.clear();
        else if (drop?.endsWith('|')) {
          for (const k of [...map.keys()]) if (k.startsWith(drop)) map.delete(k);
        } else if (drop !== null) map.delete(drop);
      });
    }
    if (values.has(key)) return values.get(key)!;
    const seq = feed.seq;
    const value = await read();
    if (feed.live && feed.seq === seq) {
      values.set(key, value);
      if (values.size > max) values.delete(values.keys().next().value!);
    }
    return value;
  };
}
