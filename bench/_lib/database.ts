import { createDb, type Database } from '@tds/api/src/db/client';
import { runMigrations } from '@tds/api/src/db/migrate';
import { createTestDb } from '@tds/api/src/testing/harness';
import { createEmptyDatabase } from './common';

/**
 * A fresh, migrated database for a bench: PGlite in memory, or a new database on DATABASE_URL's
 * server, dropped by `close()`. Like the tests' createTestDb, except that on PostgreSQL the pool
 * has the server's own size (createDb's default, 10; BENCH_POOL_SIZE overrides) rather than the
 * tests' 5, so the figures are those of a real deployment.
 */
export async function freshDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return createTestDb();
  const empty = await createEmptyDatabase(url);
  const poolSize = process.env.BENCH_POOL_SIZE ? Number(process.env.BENCH_POOL_SIZE) : undefined;
  let database: Database;
  try {
    database = await createDb({ databaseUrl: empty.url, ...(poolSize ? { poolSize } : {}) });
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
