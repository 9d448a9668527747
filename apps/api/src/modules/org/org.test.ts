import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/security';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';

describe(`organisation tree (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  const units = (c = w.a.id) => `/api/communes/${c}/units`;
  const count = async () => rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from unit`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('creates a village with its digital team, lists and searches without diacritics', async () => {
    const v = await admin.post(units(), {
      code: 'THON-9',
      name: 'Thôn Phú Lộc',
      kind: 'village',
      contactName: 'Trưởng thôn',
      phone: '0912 345 678',
      activeFrom: '2025-07-01',
    });
    expect(v.statusCode).toBe(201);
    const team = await admin.post(units(), { code: 'THON-9-CNS', name: 'Tổ công nghệ số cộng đồng thôn Phú Lộc', kind: 'digital_team', parentId: v.json().id });
    expect(team.statusCode).toBe(201);
    const found = (await admin.get(`${units()}?q=${encodeURIComponent('phu loc')}`)).json();
    expect(found.items.map((u: { code: string }) => u.code).sort()).toEqual(['THON-9', 'THON-9-CNS']);
    const tree = (await admin.get(`${units()}/tree`)).json();
    expect(tree.units.find((u: { id: string }) => u.id === team.json().id).parentId).toBe(v.json().id);
  });

  it('stores text as NFC', async () => {
    const res = await admin.post(units(), { code: 'NFC-1', name: 'Ho\u0302\u0323i Nông da\u0302n', kind: 'mass_org' });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Hội Nông dân');
  });

  it('refuses a digital team that is not under a village', async () => {
    const res = await admin.post(units(), { code: 'CNS-X', name: 'Tổ lạc', kind: 'digital_team', parentId: w.aSchool.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].field).toBe('parentId');
  });

  it('answers bad input with a 4xx naming the field, and writes nothing', async () => {
    const before = await count();
    const cases: [unknown, number, string][] = [
      [{ code: 'A B', name: 'X', kind: 'office' }, 400, 'code'],
      [{ code: 'OK1', name: 'X', kind: 'castle' }, 400, 'kind'],
      [{ code: 'OK2', name: 123, kind: 'office' }, 400, 'name'],
      [{ code: 'OK3', name: 'x'.repeat(201), kind: 'office' }, 400, 'name'],
      [{ code: 'OK4', name: 'X', kind: 'office', hacker: true }, 400, 'hacker'],
      [{ code: 'OK5', name: '   ', kind: 'office' }, 400, 'name'],
      [{ code: 'OK6', name: 'X', kind: 'office', activeFrom: '2025-02-30' }, 400, 'activeFrom'],
      [{ code: 'OK7', name: 'X', kind: 'office', activeFrom: '2026-01-01', activeTo: '2025-01-01' }, 400, 'activeTo'],
      [{ code: 'OK8', name: 'X', kind: 'office', email: 'không-phải-email' }, 400, 'email'],
      [{ code: 'OK9', name: 'X', kind: 'office', parentId: 'not-a-uuid' }, 400, 'parentId'],
      [{ code: 'OK10', name: 'X', kind: 'office', parentId: w.bOffice.id }, 400, 'parentId'],
      [{ code: 'vhxh', name: 'Trùng mã', kind: 'office' }, 409, 'code'],
    ];
    for (const [body, status, field] of cases) {
      const res = await admin.post(units(), body);
      expect([JSON.stringify(body).slice(0, 60), res.statusCode]).toEqual([JSON.stringify(body).slice(0, 60), status]);
      const err = res.json().error;
      expect(err.message.length).toBeGreaterThan(3);
      expect(err.details?.map((d: { field?: string }) => d.field).join(',')).toContain(field);
    }
    expect(await count()).toBe(before);
  });

  it('answers malformed JSON and a wrong content type with 4xx, never 500', async () => {
    const bad = await admin.request('POST', units(), '{"code": "X",', { 'content-type': 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_JSON');
    expect(bad.json().error.details[0].field).toBe('content');
    // JSON the parser refuses on purpose (prototype pollution) is answered the same way, naming the content.
    const proto = await admin.request('POST', units(), '{"code": "X", "__proto__": {"admin": true}}', { 'content-type': 'application/json' });
    expect([proto.statusCode, proto.json().error.code, proto.json().error.details[0].field]).toEqual([400, 'INVALID_JSON', 'content']);
    const xml = await admin.request('POST', units(), '<unit/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode).toBe(415);
    const huge = await admin.request('POST', units(), JSON.stringify({ code: 'H', name: 'x'.repeat(2_000_000), kind: 'office' }), {
      'content-type': 'application/json',
    });
    expect(huge.statusCode).toBe(413);
    const badQuery = await admin.get(`${units()}?pageSize=100000`);
    expect(badQuery.statusCode).toBe(400);
    const badParam = await admin.get(`/api/communes/not-a-uuid/units`);
    expect(badParam.statusCode).toBe(400);
  });

  it('refuses a cycle in the tree', async () => {
    const p = (await admin.post(units(), { code: 'CY-1', name: 'Cha', kind: 'office' })).json();
    const c = (await admin.post(units(), { code: 'CY-2', name: 'Con', kind: 'office', parentId: p.id })).json();
    const g = (await admin.post(units(), { code: 'CY-3', name: 'Cháu', kind: 'office', parentId: c.id })).json();
    const self = await admin.patch(`${units()}/${p.id}`, { parentId: p.id, version: p.version });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.code).toBe('UNIT_CYCLE');
    const deep = await admin.patch(`${units()}/${p.id}`, { parentId: g.id, version: p.version });
    expect(deep.statusCode).toBe(400);
    // Moving the middle node re-roots the grandchild's path.
    const moved = await admin.patch(`${units()}/${c.id}`, { parentId: null, version: c.version });
    expect(moved.statusCode).toBe(200);
    const again = await admin.patch(`${units()}/${p.id}`, { parentId: g.id, version: p.version });
    expect(again.statusCode).toBe(200);
  });

  it('uses optimistic locking: the second save of a stale version is refused', async () => {
    const u = (await admin.post(units(), { code: 'LOCK-1', name: 'Khóa', kind: 'office' })).json();
    expect((await admin.patch(`${units()}/${u.id}`, { name: 'Lần 1', version: u.version })).statusCode).toBe(200);
    const stale = await admin.patch(`${units()}/${u.id}`, { name: 'Lần 2', version: u.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await admin.get(`${units()}/${u.id}`)).json().name).toBe('Lần 1');
  });

  it('closes and merges units, keeping their history', async () => {
    const v1 = (await admin.post(units(), { code: 'M-1', name: 'Thôn Cũ', kind: 'village' })).json();
    const team = (await admin.post(units(), { code: 'M-1-CNS', name: 'Tổ CNSCĐ thôn Cũ', kind: 'digital_team', parentId: v1.id })).json();
    const v2 = (await admin.post(units(), { code: 'M-2', name: 'Thôn Mới', kind: 'village' })).json();
    const blocked = await admin.patch(`${units()}/${v1.id}`, { mergedIntoId: v2.id, version: v1.version });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('UNIT_HAS_CHILDREN');
    expect((await admin.patch(`${units()}/${team.id}`, { activeTo: '2025-12-31', version: team.version })).statusCode).toBe(200);
    const merged = await admin.patch(`${units()}/${v1.id}`, { mergedIntoId: v2.id, activeTo: '2025-12-31', version: v1.version });
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ mergedIntoId: v2.id, activeTo: '2025-12-31', active: false });
    const active = (await admin.get(`${units()}?q=thon cu`)).json();
    expect(active.items).toHaveLength(0);
    const all = (await admin.get(`${units()}?q=thon cu&includeInactive=true`)).json();
    expect(all.items.map((u: { code: string }) => u.code).sort()).toEqual(['M-1', 'M-1-CNS']);
    const audit = (await admin.get(`/api/audit?communeId=${w.a.id}&entityType=unit&action=merge`)).json();
    expect(audit.items[0].before.mergedIntoId).toBeNull();
    expect(audit.items[0].after.mergedIntoId).toBe(v2.id);
  });

  it('a served list reflects every change at once, including one committed by another instance', async () => {
    const q = `${units()}?q=${encodeURIComponent('tuoi moi')}&pageSize=50`;
    const u = (await admin.post(units(), { code: 'CACHE-1', name: 'Tươi mới', kind: 'office' })).json();
    expect((await admin.get(q)).json().items.map((x: { name: string }) => x.name)).toEqual(['Tươi mới']);
    expect((await admin.get(q)).json().items).toHaveLength(1);
    await admin.patch(`${units()}/${u.id}`, { name: 'Tươi mới hơn', version: u.version });
    expect((await admin.get(q)).json().items.map((x: { name: string }) => x.name)).toEqual(['Tươi mới hơn']);
    // Another instance writes straight to the database: the trigger bumps the commune's counter, and
    // its announcement arrives a moment after that commit (at once on PGlite; on a loaded PostgreSQL,
    // within the poll).
    await t.database.system.execute(sql`update unit set name = 'Tươi mới nhất' where id = ${u.id}`);
    await expect
      .poll(async () => (await admin.get(q)).json().items.map((x: { name: string }) => x.name), { timeout: 5000, interval: 50 })
      .toEqual(['Tươi mới nhất']);
  });

  it('paginates', async () => {
    const p1 = (await admin.get(`${units()}?pageSize=2&page=1`)).json();
    const p2 = (await admin.get(`${units()}?pageSize=2&page=2`)).json();
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBeGreaterThan(4);
    expect(p2.items[0].id).not.toBe(p1.items[0].id);
  });

  it('system administrators manage provinces and communes; duplicates are refused', async () => {
    const sys = await loginAs(t, 'sysadmin', PASSWORD);
    const p = await sys.post('/api/provinces', { code: 'NB', name: 'Tỉnh Ninh Bình' });
    expect(p.statusCode).toBe(201);
    const c = await sys.post('/api/communes', { provinceId: p.json().id, code: 'NB-HAIAN', name: 'Xã Hải An', kind: 'xa' });
    expect(c.statusCode).toBe(201);
    expect((await sys.post('/api/communes', { provinceId: p.json().id, code: 'nb-haian', name: 'Trùng', kind: 'xa' })).statusCode).toBe(409);
    expect((await admin.post('/api/provinces', { code: 'XX', name: 'Không được' })).statusCode).toBe(403);
  });
  describe('can: what each user may do with each unit, as the write routes decide', () => {
    type Item = { id: string; version: number; contactName: string | null; can: { edit: boolean } };
    type List = { items: Item[]; can: { create: boolean; import: boolean; export: boolean } };

    beforeAll(async () => {
      await makeUser(t.database.db, {
        username: 'two.communes',
        password: PASSWORD,
        roles: [
          { role: 'commune_admin', communeId: w.b.id },
          { role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id },
        ],
      });
    });

    const listOf = async (c: Client, communeId: string) => {
      const r = await c.get(`${units(communeId)}?pageSize=200&includeInactive=true`);
      expect(r.statusCode).toBe(200);
      return r.json() as List;
    };

    it('the commune admin may add, import, export and edit every unit of their commune', async () => {
      const l = await listOf(admin, w.a.id);
      expect(l.can).toEqual({ create: true, import: true, export: true });
      expect(l.items.length).toBeGreaterThan(3);
      expect(l.items.every((u) => u.can.edit)).toBe(true);
      expect((await admin.get(`${units()}/${w.aSchool.id}`)).json().can).toEqual({ edit: true });
    });

    it("a unit focal point may not edit units, not even their own; the route refuses; the shared page cache keeps each user's can", async () => {
      const focal = await loginAs(t, 'a.focal', PASSWORD);
      await listOf(admin, w.a.id); // the admin's page is now cached
      const l = await listOf(focal, w.a.id);
      expect(l.can).toEqual({ create: false, import: false, export: true });
      expect(l.items.some((u) => u.can.edit)).toBe(false);
      expect((await focal.get(`${units()}/${w.aSchool.id}`)).json().can.edit).toBe(false);
      const school = l.items.find((u) => u.id === w.aSchool.id)!;
      const refused = await focal.patch(`${units()}/${school.id}`, { contactName: 'Không được', version: school.version });
      expect(refused.statusCode).toBe(403);
      expect((await listOf(admin, w.a.id)).items.every((u) => u.can.edit)).toBe(true);
    });

    it('another commune sees nothing (404); a user with roles in two communes gets the answer of each', async () => {
      const b = await loginAs(t, 'b.admin', PASSWORD);
      expect((await b.get(units(w.a.id))).statusCode).toBe(404);
      const school = (await admin.get(`${units()}/${w.aSchool.id}`)).json();
      expect((await b.patch(`${units()}/${school.id}`, { contactName: 'X', version: school.version })).statusCode).toBe(404);
      const two = await loginAs(t, 'two.communes', PASSWORD);
      const inA = await listOf(two, w.a.id);
      expect(inA.can.create).toBe(false);
      expect(inA.items.some((u) => u.can.edit)).toBe(false);
      const inB = await listOf(two, w.b.id);
      expect(inB.can).toEqual({ create: true, import: true, export: true });
      expect(inB.items.every((u) => u.can.edit)).toBe(true);
    });

    it('for every user and unit, can.edit is exactly whether a harmless PATCH is accepted', async () => {
      const sys = await loginAs(t, 'sysadmin', PASSWORD);
      const targets = [
        { communeId: w.a.id, id: w.aSchool.id },
        { communeId: w.a.id, id: w.aTeam.id },
        { communeId: w.b.id, id: w.bOffice.id },
        { communeId: w.c.id, id: w.cOffice.id },
      ];
      let accepted = 0;
      let refused = 0;
      for (const username of [...Object.keys(w.users), 'two.communes']) {
        const c = await loginAs(t, username, PASSWORD);
        for (const target of targets) {
          const list = await c.get(`${units(target.communeId)}?pageSize=200&includeInactive=true`);
          const canEdit = list.statusCode === 200 ? ((list.json() as List).items.find((u) => u.id === target.id)?.can.edit ?? false) : false;
          const cur = (await sys.get(`${units(target.communeId)}/${target.id}`)).json();
          const r = await c.patch(`${units(target.communeId)}/${target.id}`, { contactName: cur.contactName, version: cur.version });
          expect([200, 403, 404], `${username} on ${target.id}: ${r.body}`).toContain(r.statusCode);
          expect(canEdit, `${username} on ${target.id}: can.edit vs PATCH ${r.statusCode}`).toBe(r.statusCode === 200);
          if (r.statusCode === 200) accepted++;
          else refused++;
        }
      }
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  });
});
