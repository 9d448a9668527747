import pg from 'pg';
import { createDb, type Database } from '@tds/api/src/db/client';
import { runMigrations } from '@tds/api/src/db/migrate';
import { createTestDb } from '@tds/api/src/testing/harness';
import { BenchError, createEmptyDatabase } from './common';

/**
 * A fresh, migrated database for a bench: PGlite in memory, or a new database on DATABASE_URL's
 * server, dropped by `close()`. Like the tests' createTestDb, except that on PostgreSQL the pool
 * has the server's own size (createDb's default, 10; BENCH_POOL_SIZE overrides) rather than the
 * tests' 5, so the figures are those of a real deployment.
 */
export async function freshDatabase(url: string | undefined = process.env.DATABASE_URL): Promise<Database> {
  if (!url) return createTestDb();
  const empty = await createEmptyDatabase(url);
  const poolSize = process.env.BENCH_POOL_SIZE ? Number(process.env.BENCH_POOL_SIZE) : undefined;
  let database: Database;
  try {
    database = await createDb({ databaseUrl: empty.url, ownerUrl: empty.ownerUrl, ...(poolSize ? { poolSize } : {}) });
    await runMigrations(database);
  } catch (err) {
    await empty.drop().catch(() => undefined);
    throw err;
  }
  const opened = database;
  return {
    ...opened,
    close: async () => {
      await opened.close().catch(() => undefined);
      await empty.drop();
    },
  };
}

/** `url` without its password, for messages. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/u, '//***@');
}

/**
 * Throws a one-line, readable error when the PostgreSQL server of `url` cannot be reached (refused,
 * unknown host, wrong password...), instead of a driver stack trace halfway through a bench.
 */
export async function assertReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new BenchError(`cannot reach the PostgreSQL server at ${safeUrl(url)}: ${e.message || e.code || 'connection failed'}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}
