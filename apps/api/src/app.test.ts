import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/env';
import { createDb, takeLock } from './db/client';
import { createTestApp, testDbKind, type TestApp } from './testing/harness';

describe(`server platform (${testDbKind()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('answers /healthz and /readyz', async () => {
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().db).toBe(testDbKind());
    t.readiness.ready = false;
    expect((await t.app.inject('/readyz')).statusCode).toBe(503);
    t.readiness.ready = true;
  });

  it('publishes OpenAPI built from the Zod schemas', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./u);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/communes/{communeId}/units', '/api/auth/login']));
    expect(doc.paths['/api/communes/{communeId}/units'].post.requestBody).toBeTruthy();
    expect((await t.app.inject('/api/docs')).statusCode).toBeLessThan(400);
  });

  it('sends security headers and keeps CORS closed by default', async () => {
    const res = await t.app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('opens CORS only to configured origins', async () => {
    const t2 = await createTestApp({ CORS_ORIGINS: 'https://tinh.example' });
    try {
      const ok = await t2.app.inject({ url: '/healthz', headers: { origin: 'https://tinh.example' } });
      expect(ok.headers['access-control-allow-origin']).toBe('https://tinh.example');
      const no = await t2.app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } });
      expect(no.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await t2.close();
    }
  });

  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await t.app.inject('/api/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});

describe('configuration and the embedded database lock', () => {
  it('validates the environment once with defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, DATA_DIR: './data' });
    expect(c.DATABASE_URL).toBeUndefined();
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/u);
  });

  it('refuses a second process on the same data directory, and takes over a stale lock', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-lock-'));
    fs.writeFileSync(path.join(dir, 'tds.lock'), String(process.ppid));
    expect(() => takeLock(dir)).toThrow(/đang được tiến trình/u);
    fs.writeFileSync(path.join(dir, 'tds.lock'), '999999999');
    const release = takeLock(dir);
    expect(fs.readFileSync(path.join(dir, 'tds.lock'), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'tds.lock'))).toBe(false);
  });

  it('keeps data across restarts of the embedded database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-data-'));
    const first = await createDb({ dataDir: dir });
    await first.db.execute('create table keep_me (v text)' as never);
    await first.db.execute("insert into keep_me values ('còn đây')" as never);
    await expect(createDb({ dataDir: dir })).rejects.toThrow(/đang được tiến trình/u);
    await first.close();
    const second = await createDb({ dataDir: dir });
    const r = (await second.db.execute('select v from keep_me' as never)) as unknown as { rows: { v: string }[] };
    expect(r.rows[0]!.v).toBe('còn đây');
    await second.close();
  });
});
