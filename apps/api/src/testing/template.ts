import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';

/*
 * The migrated database, built once per test run and copied for each test file: the committed
 * migrations and the security setup run exactly as on a fresh database, once, and every test file
 * starts from a copy of the result instead of repeating them (and, on PGlite, initdb).
 *
 * - PGlite: the data directory of a migrated in-memory database, as an uncompressed tarball
 *   (`dumpDataDir('none')`), opened by each test file with `loadDataDir`.
 * - PostgreSQL: a database migrated by the owner with the tests' request login, then closed to
 *   connections; each test file gets `CREATE DATABASE x TEMPLATE <it>`.
 *
 * The vitest global setup (global-setup.ts) starts the build in the background and names a folder
 * in TDS_TEST_TEMPLATE_DIR; test files wait there for the result. Without that variable (a bench, a
 * single script) createTestDb migrates a fresh database as before.
 */

/** The folder the global setup writes the template's description to. */
export const TEMPLATE_DIR_ENV = 'TDS_TEST_TEMPLATE_DIR';
const PGLITE_FILE = 'pglite.tar';
const POSTGRES_FILE = 'postgres.json';
const ERROR_FILE = 'error.txt';
const WAIT_MS = 300_000;

export type Template = { kind: 'pglite'; blob: Blob } | { kind: 'postgres'; database: string };

/** The login that tests' requests use on PostgreSQL: neither superuser nor owner, as in production. */
export const TEST_REQUEST_LOGIN = 'tds_test_web';

/**
 * URLs of a database on DATABASE_URL's server as production runs it: the owner (DATABASE_URL's own
 * user) for migrations and system work, and a separate request login, created here when missing.
 */
export async function requestLoginUrls(serverUrl: string, database: string): Promise<{ url: string; ownerUrl: string }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${TEST_REQUEST_LOGIN}') THEN
        CREATE ROLE ${TEST_REQUEST_LOGIN} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  } finally {
    await admin.end();
  }
  const owner = new URL(serverUrl);
  owner.pathname = `/${database}`;
  const web = new URL(owner.toString());
  web.username = TEST_REQUEST_LOGIN;
  web.password = '';
  return { url: web.toString(), ownerUrl: owner.toString() };
}

/** One statement on DATABASE_URL's own database (CREATE/DROP DATABASE). */
export async function adminQuery(serverUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

/** A migrated in-memory PGlite database, dumped as an uncompressed data-directory tarball. */
export async function buildPgliteTemplate(): Promise<Blob> {
  const database = await createDb({ dataDir: 'memory://' });
  try {
    await runMigrations(database);
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await client.exec('CHECKPOINT');
    return await client.dumpDataDir('none');
  } finally {
    await database.close();
  }
}

/**
 * A migrated database on `serverUrl`'s server, with the grants for the tests' request login, that
 * accepts no connections (so that it can always be copied). Returns its name.
 */
export async function buildPostgresTemplate(serverUrl: string): Promise<string> {
  const name = `tds_tpl_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  try {
    const urls = await requestLoginUrls(serverUrl, name);
    const database = await createDb({ databaseUrl: urls.url, ownerUrl: urls.ownerUrl, poolSize: 1 });
    try {
      await runMigrations(database);
    } finally {
      await database.close();
    }
    await adminQuery(serverUrl, `ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    return name;
  } catch (err) {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    throw err;
  }
}

/** Copy the PostgreSQL template into a new database `name` (retried while the server still counts a closing connection). */
export async function copyPostgresTemplate(serverUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (err) {
      // 55006 object_in_use: "source database is being accessed by other users".
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/**
 * Build the template for the configured database into `dir` (global setup). Resolves to a function
 * that removes it (the PostgreSQL template database; the folder is the caller's). A failure is
 * written to the folder, so that waiting test files report it.
 */
export async function writeTemplate(dir: string, serverUrl: string | undefined): Promise<() => Promise<void>> {
  try {
    if (!serverUrl) {
      const blob = await buildPgliteTemplate();
      const tmp = path.join(dir, `.${PGLITE_FILE}.tmp`);
      fs.writeFileSync(tmp, new Uint8Array(await blob.arrayBuffer()));
      fs.renameSync(tmp, path.join(dir, PGLITE_FILE));
      return async () => undefined;
    }
    const database = await buildPostgresTemplate(serverUrl);
    const tmp = path.join(dir, `.${POSTGRES_FILE}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify({ database }));
    fs.renameSync(tmp, path.join(dir, POSTGRES_FILE));
    return () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  } catch (err) {
    fs.writeFileSync(path.join(dir, ERROR_FILE), err instanceof Error ? (err.stack ?? err.message) : String(err));
    return async () => undefined;
  }
}

let waiting: Promise<Template | null> | null = null;

/**
 * The template of this test run, once the global setup has built it (read once per process), or
 * null outside such a run.
 */
export function testTemplate(): Promise<Template | null> {
  // The global setup hands its folder to the test processes through the environment; not config.
  const dir = process.env[TEMPLATE_DIR_ENV];
  if (!dir) return Promise.resolve(null);
  waiting ??= waitFor(dir);
  return waiting;
}

async function waitFor(dir: string): Promise<Template> {
  const started = Date.now();
  for (;;) {
    if (fs.existsSync(path.join(dir, ERROR_FILE))) {
      throw new Error(`Không dựng được cơ sở dữ liệu mẫu cho kiểm thử:\n${fs.readFileSync(path.join(dir, ERROR_FILE), 'utf8')}`);
    }
    if (fs.existsSync(path.join(dir, PGLITE_FILE))) return { kind: 'pglite', blob: new Blob([fs.readFileSync(path.join(dir, PGLITE_FILE))]) };
    if (fs.existsSync(path.join(dir, POSTGRES_FILE))) {
      return { kind: 'postgres', database: (JSON.parse(fs.readFileSync(path.join(dir, POSTGRES_FILE), 'utf8')) as { database: string }).database };
    }
    if (!fs.existsSync(dir)) throw new Error(`Thư mục cơ sở dữ liệu mẫu ${dir} không còn.`);
    if (Date.now() - started > WAIT_MS) throw new Error(`Cơ sở dữ liệu mẫu chưa sẵn sàng sau ${WAIT_MS / 1000} giây (${dir}).`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
