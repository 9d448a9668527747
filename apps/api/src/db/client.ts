import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import { openEmbedded, type RecoveryReport } from './pglite-recovery';

/** Queries are written with the query builder over the modules' tables; no relational schema is registered. */
export type Schema = Record<string, never>;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or a transaction: what use-cases and helpers accept. */
export type Executor = Db | Tx;

export interface Database {
  /** Request work: on PostgreSQL the login of DATABASE_URL (neither superuser nor owner in production). */
  db: Db;
  /** System work (migrations, jobs, login, CLI): the owner's login; the same client on PGlite. */
  system: Db;
  kind: 'pglite' | 'postgres';
  /** The request login's role name on PostgreSQL when it differs from the owner's (granted tds_app). */
  requestRole: string | null;
  /** Human-readable location, for logs. */
  where: string;
  /** PostgreSQL: the request login's URL, for the connection that listens to the change feed (platform/change-feed.ts). */
  listenUrl?: string;
  /**
   * Hold a session-level advisory lock on one dedicated connection of the owner (PostgreSQL), so
   * that several instances starting at once migrate one at a time; resolves to its release.
   */
  exclusive?(key: number): Promise<() => Promise<void>>;
  /** The embedded database on disk (PGlite with a data directory): for snapshots and the recovery report. */
  embedded?: { client: PGlite; dataDir: string; recovery: RecoveryReport | null };
  /** Close; the embedded database is checkpointed first. */
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** The owner's login (migrations, system work); defaults to databaseUrl. */
  ownerUrl?: string | undefined;
  /** Embedded data directory; `memory://` for a throw-away in-memory database. */
  dataDir?: string;
  /** Embedded, in memory only: start from this data-directory tarball (PGlite `dumpDataDir`) instead of initdb. */
  loadDataDir?: Blob;
  poolSize?: number;
}

/** The one factory for database connections: PGlite by default, PostgreSQL when a URL is given. */
export async function createDb(opts: DbOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    pool.on('error', () => undefined);
    const db = drizzlePg({ client: pool }) as unknown as Db;
    const safe = opts.databaseUrl.replace(/\/\/[^@]*@/u, '//***@');
    const separateOwner = !!opts.ownerUrl && opts.ownerUrl !== opts.databaseUrl;
    const ownerPool = separateOwner ? new pg.Pool({ connectionString: opts.ownerUrl, max: 3 }) : pool;
    if (separateOwner) ownerPool.on('error', () => undefined);
    const system = separateOwner ? (drizzlePg({ client: ownerPool }) as unknown as Db) : db;
    registerSystemDb(db, system);
    const requestRole = separateOwner ? decodeURIComponent(new URL(opts.databaseUrl).username) || null : null;
    const exclusive = async (key: number) => {
      const client = await ownerPool.connect();
      await client.query('select pg_advisory_lock($1)', [key]);
      return async () => {
        try {
          await client.query('select pg_advisory_unlock($1)', [key]);
        } finally {
          client.release();
        }
      };
    };
    return {
      db,
      system,
      kind: 'postgres',
      where: safe,
      listenUrl: opts.databaseUrl,
      requestRole,
      exclusive,
      close: async () => {
        await pool.end();
        if (separateOwner) await ownerPool.end();
      },
    };
  }
  const dataDir = opts.dataDir ?? 'memory://';
  if (opts.loadDataDir && !dataDir.startsWith('memory://')) throw new Error('loadDataDir: chỉ dùng cho cơ sở dữ liệu trong bộ nhớ (memory://).');
  let release = () => undefined as void;
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = takeLock(dataDir);
  }
  try {
    const open = () => PGlite.create({ dataDir, extensions: { pg_trgm }, ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}) });
    // On disk: repair or restore after an unclean stop (db/pglite-recovery.ts).
    const { client, recovery } = dataDir.startsWith('memory://') ? { client: await open(), recovery: null } : await openEmbedded(dataDir, open);
    const db = drizzlePglite({ client }) as unknown as Db;
    registerSystemDb(db, db);
    return {
      db,
      system: db,
      kind: 'pglite',
      requestRole: null,
      where: dataDir,
      ...(dataDir.startsWith('memory://') ? {} : { embedded: { client, dataDir, recovery } }),
      close: async () => {
        if (!dataDir.startsWith('memory://')) await client.exec('CHECKPOINT').catch(() => undefined);
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

const systemDbs = new WeakMap<Db, Db>();

/** Remember which connection does system work for a request connection (the owner's login). */
function registerSystemDb(db: Db, system: Db): void {
  systemDbs.set(db, system);
  systemDbs.set(system, system);
}

/** The owner's connection belonging to `db` (itself when it is one, or on PGlite). */
export function systemDbOf(db: Db): Db {
  const s = systemDbs.get(db);
  if (!s) throw new Error('Kết nối cơ sở dữ liệu không được tạo bởi createDb().');
  return s;
}

/**
 * PGlite does not lock its data directory: a second process would open it and silently lose
 * writes. Take an exclusive lock file holding our pid; a stale lock (dead pid) is taken over.
 */
const heldLocks = new Set<string>();

export function takeLock(dataDir: string): () => void {
  const lockPath = path.resolve(dataDir, 'tds.lock');
  if (heldLocks.has(lockPath)) throw new Error(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${process.pid} sử dụng (chính tiến trình này).`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      heldLocks.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        heldLocks.delete(lockPath);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} sử dụng. Cơ sở dữ liệu nhúng chỉ cho phép một tiến trình; hãy dừng tiến trình kia trước.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Không lấy được khóa thư mục dữ liệu ${dataDir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
