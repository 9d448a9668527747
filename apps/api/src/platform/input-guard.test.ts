import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { createTestApp, createTestDb, loginAs, testDbKind, type Client, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, type World } from '../testing/world';
import { findBadInput } from './input-guard';
import { safeError } from './safe-error';

describe(`hostile input at the edge (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'sysadmin', PASSWORD);
  });
  afterAll(async () => t?.close());

  const fill = (url: string) => url.replace(/:(\w+)/gu, (_, k: string) => (k === 'communeId' ? w.a.id : k === 'version' ? '1' : w.aSchool.id));

  it('a NUL or other control character in ?q= of any list route is a 400 naming the parameter, never a 500', async () => {
    const lists = t.routeTable.filter((r) => r.method === 'GET' && r.access !== 'public');
    expect(lists.length).toBeGreaterThanOrEqual(20);
    for (const r of lists) {
      for (const bad of ['%00', '%01', '%1B', '%7F']) {
        const res = await admin.get(`${fill(r.url)}?q=ab${bad}c`);
        expect([r.url, bad, res.statusCode]).toEqual([r.url, bad, 400]);
        expect(res.json().error.details[0].field).toBe('q');
      }
    }
  });

  it('a control character anywhere in a JSON body is a 400 naming the field, on every write route', async () => {
    const writes = t.routeTable.filter((r) => r.method !== 'GET' && !r.url.includes('/auth/'));
    expect(writes.length).toBeGreaterThanOrEqual(20);
    for (const r of writes) {
      const res = await admin.request(r.method, fill(r.url), { name: 'Tên\u0000độc', nested: { list: ['ok', 'x\u0007'] } });
      expect([r.method, r.url, res.statusCode]).toEqual([r.method, r.url, 400]);
      expect(['name', 'nested.list.1']).toContain(res.json().error.details[0].field);
    }
    const unit = await admin.post(`/api/communes/${w.a.id}/units`, { code: 'NUL1', name: 'Phòng\u0000X', kind: 'office' });
    expect(unit.statusCode).toBe(400);
    expect(unit.json().error).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'name' }] });
    expect(unit.json().error.message).toMatch(/ký tự điều khiển/u);
    // Tab, line feed and carriage return are text.
    const ok = await admin.post(`/api/communes/${w.a.id}/units`, { code: 'TAB1', name: 'Phòng Văn hóa\tthông tin', kind: 'office' });
    expect(ok.statusCode).not.toBe(400);
  });

  it('a NUL in the path is a 400 (with or without a session), and a bad percent-encoding too', async () => {
    for (const url of ['/foo%00', '/api/foo%00', `/api/communes/${w.a.id}%00/units`, '/api/communes/%E0%A4%A']) {
      const anon = await t.app.inject({ method: 'GET', url });
      expect([url, anon.statusCode]).toEqual([url, 400]);
      expect(anon.json().error.code).toBe('VALIDATION_FAILED');
      expect((await admin.get(url)).statusCode).toBe(400);
    }
  });

  it('deeply nested bodies are refused before anything walks them', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 200; i++) deep = { a: deep };
    const res = await admin.post(`/api/communes/${w.a.id}/units`, deep);
    expect(res.statusCode).toBe(400);
    expect(findBadInput(deep, '')?.reason).toBe('depth');
  });

  it('a failed query logs no parameter values (hashes, personal data)', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const database = await createTestDb();
    const built = await buildApp({ config: { ...t.config, LOG_LEVEL: 'error' as const }, database, logger: { level: 'error', stream } });
    built.app.get('/api/boom', { config: { access: 'public' } }, async () => {
      await database.system.execute(sql`select ${'$argon2id$v=19$m=19456,t=2,p=1$SECRETHASH'}::text, ${'Nguyễn Văn Riêng Tư'}::text, 1 / ${0}::int`);
      return {};
    });
    await built.app.ready();
    const res = await built.app.inject({ method: 'GET', url: '/api/boom' });
    await built.app.close();
    await database.close();
    expect(res.statusCode).toBe(500);
    const log = lines.join('\n');
    expect(log).toContain('unhandled error');
    expect(log).toContain('division by zero');
    expect(log).not.toContain('SECRETHASH');
    expect(log).not.toContain('Riêng Tư');
  });

  it('safeError keeps what helps and drops parameters and driver detail', async () => {
    const err = Object.assign(new Error('Failed query: select $1\nparams: $argon2id$SECRET,Lê Thị Kín'), {
      cause: Object.assign(new Error('duplicate key'), {
        code: '23505',
        constraint: 'app_user_username_uq',
        detail: 'Key (username)=(le.kin) already exists.',
      }),
    });
    const safe = JSON.stringify(safeError(err));
    expect(safe).toContain('Failed query: select $1');
    expect(safe).toContain('app_user_username_uq');
    expect(safe).not.toMatch(/SECRET|Lê Thị Kín|le\.kin/u);
  });
});
