import { randomBytes } from 'node:crypto';
import { setClock } from '@tds/contracts';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type BuiltApp } from '../app';
import { loadConfig, type Config } from '../config/env';
import { createDb, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { adminQuery, copyPostgresTemplate, requestLoginUrls, TEST_REQUEST_LOGIN, testTemplate } from './template';

/** The database the tests run on: PGlite in memory, or a fresh database on DATABASE_URL's server. */
export function testDbKind(): 'pglite' | 'postgres' {
  return loadConfig().DATABASE_URL ? 'postgres' : 'pglite';
}

/**
 * A fresh, migrated database for one test file: a copy of the run's migrated template when the
 * global setup built one (testing/template.ts), else (or with `fromScratch`) migrated here. On
 * PostgreSQL it is a new database on the server of DATABASE_URL, dropped again by `close()`.
 */
export async function createTestDb(opts: { fromScratch?: boolean } = {}): Promise<Database> {
  const url = loadConfig().DATABASE_URL;
  const template = opts.fromScratch ? null : await testTemplate();
  if (template && template.kind !== (url ? 'postgres' : 'pglite'))
    throw new Error(`Cơ sở dữ liệu mẫu là ${template.kind}, nhưng kiểm thử chạy trên ${url ? 'postgres' : 'pglite'}.`);
  if (!url) {
    if (template?.kind === 'pglite') return createDb({ dataDir: 'memory://', loadDataDir: template.blob });
    const database = await createDb({ dataDir: 'memory://' });
    await runMigrations(database);
    return database;
  }
  const name = `tds_t_${randomBytes(6).toString('hex')}`;
  if (template?.kind === 'postgres') await copyPostgresTemplate(url, template.database, name);
  else await adminQuery(url, `CREATE DATABASE ${name}`);
  const drop = () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  let database: Database;
  try {
    const urls = await requestLoginUrls(url, name);
    database = await createDb({ databaseUrl: urls.url, ownerUrl: urls.ownerUrl, poolSize: 5 });
    if (template?.kind !== 'postgres') await runMigrations(database);
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
  const opened = database;
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await drop();
    },
  };
}

export { requestLoginUrls, TEST_REQUEST_LOGIN };

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
  return {
    ...built,
    database,
    config,
    close: async () => {
      await built.app.close();
      await database.close();
      // The clock is the process's: one file's CLOCK_AT must not reach the next file run in this worker.
      if (config.CLOCK_AT) setClock(null);
    },
  };
}

export interface Client {
  csrf: string;
  /** The session token of the cookie (for tests that call a use-case with this user's actor). */
  token: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
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
    put: (url, body) => request('PUT', url, body ?? {}),
  };
}
