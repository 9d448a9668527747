import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';

describe(`audit log (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('records every write with who, when, which record, before and after', async () => {
    const u = (await admin.post(`/api/communes/${w.a.id}/units`, { code: 'AUD-1', name: 'Đơn vị nhật ký', kind: 'office' })).json();
    await admin.patch(`/api/communes/${w.a.id}/units/${u.id}`, { name: 'Đơn vị nhật ký 2', version: u.version });
    const log = (await admin.get(`/api/audit?communeId=${w.a.id}&entityType=unit`)).json();
    const [update, create] = log.items;
    expect(update).toMatchObject({ action: 'update', entityId: u.id, actorName: expect.stringContaining('a.admin') });
    expect(update.before.name).toBe('Đơn vị nhật ký');
    expect(update.after.name).toBe('Đơn vị nhật ký 2');
    expect(create).toMatchObject({ action: 'create', entityId: u.id, before: null });
    expect(Date.now() - Date.parse(update.at)).toBeLessThan(60_000);
  });

  it('a rolled-back write leaves no audit entry', async () => {
    const before = (await admin.get(`/api/audit?communeId=${w.a.id}`)).json().total;
    expect((await admin.post(`/api/communes/${w.a.id}/units`, { code: 'VHXH', name: 'Trùng', kind: 'office' })).statusCode).toBe(409);
    expect((await admin.get(`/api/audit?communeId=${w.a.id}`)).json().total).toBe(before);
  });

  it('filters by action, search text and date, and never shows passwords', async () => {
    await admin.post(`/api/users/${w.users['a.target']!.id}/reset-password`, { newPassword: 'DatLai2025abc' });
    const resets = (await admin.get(`/api/audit?action=reset_password`)).json();
    expect(resets.total).toBe(1);
    expect(JSON.stringify(resets.items)).not.toMatch(/DatLai|argon2/u);
    const search = (await admin.get(`/api/audit?q=${encodeURIComponent('don vi nhat ky')}`)).json();
    expect(search.total).toBeGreaterThanOrEqual(2);
    const future = (await admin.get(`/api/audit?from=2099-01-01`)).json();
    expect(future.total).toBe(0);
  });

  it('is scoped: other communes and roles without audit.read see nothing of it', async () => {
    const b = await loginAs(t, 'b.admin', PASSWORD);
    expect((await b.get(`/api/audit?communeId=${w.a.id}`)).statusCode).toBe(404);
    const own = (await b.get('/api/audit?pageSize=200')).json();
    expect(own.items.every((e: { communeId: string | null }) => e.communeId === w.b.id)).toBe(true);
    const viewer = await loginAs(t, 'a.viewer', PASSWORD);
    expect((await viewer.get('/api/audit')).statusCode).toBe(403);
    const chair = await loginAs(t, 'a.chair', PASSWORD);
    expect((await chair.get(`/api/audit?communeId=${w.a.id}`)).statusCode).toBe(200);
  });
});
