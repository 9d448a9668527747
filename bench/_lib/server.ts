import type { Database } from '@tds/api/src/db/client';
import { buildApp } from '@tds/api/src/app';
import { loadConfig } from '@tds/api/src/config/env';

/** The real server, in-process, listening on 127.0.0.1 (random port), as the benches run it. */
export interface BenchServer {
  address: string;
  close(): Promise<void>;
}

/**
 * Build the app on `database` (`NODE_ENV=production`, `LOG_LEVEL=silent`, `DEMO_SEED=false`), mark
 * it ready and listen. The database stays the caller's to close.
 */
export async function startServer(database: Database): Promise<BenchServer> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', DEMO_SEED: 'false' });
  const { app, readiness } = await buildApp({ config, database });
  readiness.ready = true;
  await app.ready();
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { address, close: () => app.close() };
}

/** A signed-in user: the session cookie, and the CSRF token state-changing requests must send. */
export interface Session {
  cookie: string;
  csrf: string;
}

/** Sign in through `POST /api/auth/login`; throws with the answer when it is not a 200 with a session. */
export async function login(address: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${address}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('tds_session='));
  if (!cookie) throw new Error(`login of ${username} answered 200 without a tds_session cookie`);
  const body = (await res.json()) as { csrfToken?: string };
  return { cookie, csrf: body.csrfToken ?? '' };
}

/** Headers of a request made as `session` (the CSRF header only matters to non-GET requests). */
export function sessionHeaders(session: Session, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: session.cookie, 'x-csrf-token': session.csrf, ...extra };
}

/** A JSON request as `session`; throws with the answer unless it is a 2xx. */
export async function apiJson<T>(address: string, session: Session, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${address}${path}`, {
    method,
    headers: sessionHeaders(session, body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : null) as T;
}
