import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  // Migrations and security run on the owner's connection; requests use their own login.
  const db = database.system;
  const release = database.exclusive ? await database.exclusive(7424201) : null;
  try {
    if (database.kind === 'pglite') await migratePglite(db as unknown as PgliteDatabase, { migrationsFolder });
    else await migratePg(db as unknown as NodePgDatabase, { migrationsFolder });
    await applySecurity(db, { requestRole: database.requestRole });
  } finally {
    await release?.();
  }
}
