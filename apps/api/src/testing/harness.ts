import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../app';
import { loadConfig, type Config } from '../config/env';
import { createDb, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';

/** The database the tests run on: PGlite in memory, or a fresh database on DATABASE_URL's server. */
export function testDbKind(): 'pglite' | 'postgres' {
  return loadConfig().DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file. On PostgreSQL it is a new database on the server
 * of DATABASE_URL, dropped again by `close()`.
 */
export async function createTestDb(): Promise<Database> {
  const url = loadConfig().DATABASE_URL;
  if (!url) {
    const database = await createDb({ dataDir: 'memory://' });
    await runMigrations(database);
    return database;
  }
  const name = `tds_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const urls = await requestLoginUrls(url, name);
  const database = await createDb({ databaseUrl: urls.url, ownerUrl: urls.ownerUrl, poolSize: 5 });
  await runMigrations(database);
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

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

export interface TestApp extends BuiltApp {
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The whole server on a fresh database, for `app.inject` tests. */
export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO_SEED: 'false', ...overrides });
  const database = await createTestDb();
  const built = await buildApp({ config, database });
  built.readiness.ready = true;
  await built.app.ready();
  return { ...built, database, config, close: async () => { await built.app.close(); await database.close(); } };
}

export interface Client {
  csrf: string;
  /** The session token of the cookie (for tests that call a use-case with this user's actor). */
  token: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** Log in through the API and return a client that carries the session cookie and CSRF header. */
export async function loginAs(t: BuiltApp, username: string, password: string): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tds_session')!.value;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const request = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: method as 'GET',
      url,
      cookies: { tds_session: cookie },
      headers: { 'x-csrf-token': csrf, ...headers },
      ...(body !== undefined ? { payload: body as string } : {}),
    });
  return {
    csrf,
    token: cookie,
    request,
    get: (url) => request('GET', url),
    post: (url, body) => request('POST', url, body ?? {}),
    patch: (url, body) => request('PATCH', url, body ?? {}),
  };
}
