import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Database } from './client';
import { applySecurity } from './security';

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Apply the committed SQL migrations (same files on both databases), then grants and RLS. */
export async function runMigrations(database: Database): Promise<void> {
  // Serialise concurrent starters on one PostgreSQL (several instances behind a proxy).
  if (database.kind === 'postgres') await database.db.execute(sql`select pg_advisory_lock(7424201)`);
  try {
    if (database.kind === 'pglite') await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    else await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
    await applySecurity(database.db);
  } finally {
    if (database.kind === 'postgres') await database.db.execute(sql`select pg_advisory_unlock(7424201)`);
  }
}
