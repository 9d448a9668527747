import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { makeUser } from '../../testing/factories';

describe(`users and roles (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('a commune admin creates a focal point with a temporary password that must be changed', async () => {
    const res = await admin.post('/api/users', {
      username: 'truong.th',
      fullName: 'Hiệu trưởng',
      password: 'TamThoi2025abc',
      personId: w.aPerson.id,
      roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'truong.th', mustChangePassword: true, communeId: w.a.id, personId: w.aPerson.id });
    expect(res.json().roles[0].scopeName).toContain('Trường Tiểu học');
    const me = (await (await loginAs(t, 'truong.th', 'TamThoi2025abc')).get('/api/auth/me')).json();
    expect(me.user.mustChangePassword).toBe(true);
  });

  it('refuses roles a commune admin may not grant, and malformed scopes', async () => {
    const sys = await admin.post('/api/users', { username: 'evil', fullName: 'X', password: 'TamThoi2025abc', roles: [{ role: 'system_admin' }] });
    expect(sys.statusCode).toBe(403);
    const prov = await admin.post('/api/users', {
      username: 'evil2',
      fullName: 'X',
      password: 'TamThoi2025abc',
      roles: [{ role: 'province_officer', provinceId: w.p1.id }],
    });
    expect([403, 404]).toContain(prov.statusCode);
    const other = await admin.post('/api/users', {
      username: 'evil3',
      fullName: 'X',
      password: 'TamThoi2025abc',
      roles: [{ role: 'viewer', communeId: w.b.id }],
    });
    expect([403, 404]).toContain(other.statusCode);
    const shape = await admin.post('/api/users', {
      username: 'evil4',
      fullName: 'X',
      password: 'TamThoi2025abc',
      roles: [{ role: 'unit_focal_point', communeId: w.a.id }],
    });
    expect(shape.statusCode).toBe(400);
    const foreignUnit = await admin.post('/api/users', {
      username: 'evil5',
      fullName: 'X',
      password: 'TamThoi2025abc',
      roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: w.bOffice.id }],
    });
    expect(foreignUnit.statusCode).toBe(400);
    const weak = await admin.post('/api/users', { username: 'evil6', fullName: 'X', password: '123', roles: [] });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details[0].field).toBe('password');
  });

  it('refuses a duplicate username, even one of another commune', async () => {
    const dup = await admin.post('/api/users', {
      username: 'b.admin',
      fullName: 'X',
      password: 'TamThoi2025abc',
      roles: [{ role: 'viewer', communeId: w.a.id }],
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE_USERNAME');
  });

  it('lists only the users a role may see', async () => {
    const list = (await admin.get('/api/users?pageSize=100')).json();
    const names = list.items.map((u: { username: string }) => u.username);
    expect(names).toContain('a.viewer');
    expect(names).not.toContain('b.admin');
    expect(names).not.toContain('sysadmin');
    const prov = await loginAs(t, 'province1', PASSWORD);
    const pnames = (await prov.get('/api/users?pageSize=100')).json().items.map((u: { username: string }) => u.username);
    expect(pnames).toEqual(expect.arrayContaining(['a.admin', 'b.admin']));
    expect(pnames).not.toContain('c.admin');
    expect((await prov.patch(`/api/users/${w.users['a.viewer']!.id}`, { fullName: 'X', version: 1 })).statusCode).toBe(403);
  });

  it("edits the roles of a user whose every role lies within the admin's scope", async () => {
    const u = (await admin.get(`/api/users/${w.users['a.viewer']!.id}`)).json();
    const res = await admin.patch(`/api/users/${u.id}`, { roles: [{ role: 'council_member', communeId: w.a.id }], version: u.version });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles.map((r: { role: string }) => r.role)).toEqual(['council_member']);
    expect((await admin.patch(`/api/users/${u.id}`, { fullName: 'Cũ', version: u.version })).statusCode).toBe(409);
    expect((await admin.patch(`/api/users/${w.users['a.admin']!.id}`, { disabled: true, version: 1 })).statusCode).toBe(400);
  });

  describe("a user who also holds roles outside the admin's scope", () => {
    let twoCommunes: string;
    let withSystem: string;
    beforeAll(async () => {
      twoCommunes = (
        await makeUser(t.database.db, {
          username: 'hai.xa',
          password: PASSWORD,
          roles: [
            { role: 'viewer', communeId: w.a.id },
            { role: 'commune_admin', communeId: w.b.id },
          ],
        })
      ).id;
      withSystem = (
        await makeUser(t.database.db, {
          username: 'an.system',
          password: PASSWORD,
          communeId: w.a.id,
          roles: [{ role: 'viewer', communeId: w.a.id }, { role: 'system_admin' }],
        })
      ).id;
    });

    it("is listed with the roles inside the admin's view and the others only counted, and may not be managed", async () => {
      for (const id of [twoCommunes, withSystem]) {
        const u = (await admin.get(`/api/users/${id}`)).json();
        expect(u.roles.map((r: { role: string }) => r.role)).toEqual(['viewer']);
        expect(u.outsideRoles).toBe(1);
        expect(u.manageable).toBe(false);
        expect(JSON.stringify(u)).not.toContain(w.b.id);
        const listed = (await admin.get(`/api/users?q=${u.username}`)).json().items[0];
        expect(listed).toMatchObject({ outsideRoles: 1, manageable: false });
      }
      expect((await admin.get(`/api/users/${w.users['a.viewer']!.id}`)).json()).toMatchObject({ outsideRoles: 0, manageable: true });
    });

    it('cannot be taken over: reset, edit, disable and unlock are refused (403) and change nothing', async () => {
      for (const id of [twoCommunes, withSystem]) {
        const u = (await admin.get(`/api/users/${id}`)).json();
        const reset = await admin.post(`/api/users/${id}/reset-password`, { newPassword: 'ChiemQuyen2025x' });
        expect(reset.statusCode).toBe(403);
        expect(reset.json().error.message).toMatch(/ngoài phạm vi/u);
        expect((await admin.patch(`/api/users/${id}`, { fullName: 'Đổi tên', version: u.version })).statusCode).toBe(403);
        expect((await admin.patch(`/api/users/${id}`, { disabled: true, version: u.version })).statusCode).toBe(403);
        expect((await admin.patch(`/api/users/${id}`, { roles: [{ role: 'viewer', communeId: w.a.id }], version: u.version })).statusCode).toBe(403);
        expect((await admin.post(`/api/users/${id}/unlock`)).statusCode).toBe(403);
        const again = (await admin.get(`/api/users/${id}`)).json();
        expect(again).toMatchObject({ fullName: u.fullName, disabled: false, version: u.version });
        // The password did not change: the user still signs in with their own.
        expect(
          (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: 'ChiemQuyen2025x' } })).statusCode,
        ).toBe(401);
        expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: PASSWORD } })).statusCode).toBe(200);
      }
    });

    it('an administrator of both communes, or a system administrator, may manage the user', async () => {
      await makeUser(t.database.db, {
        username: 'ab.admin',
        password: PASSWORD,
        roles: [
          { role: 'commune_admin', communeId: w.a.id },
          { role: 'commune_admin', communeId: w.b.id },
        ],
      });
      const both = await loginAs(t, 'ab.admin', PASSWORD);
      expect((await both.get(`/api/users/${twoCommunes}`)).json()).toMatchObject({ outsideRoles: 0, manageable: true });
      expect((await both.get(`/api/users/${withSystem}`)).json()).toMatchObject({ outsideRoles: 1, manageable: false });
      const sys = await loginAs(t, 'sysadmin', PASSWORD);
      expect((await sys.get(`/api/users/${withSystem}`)).json()).toMatchObject({ outsideRoles: 0, manageable: true });
      expect((await sys.post(`/api/users/${withSystem}/reset-password`, { newPassword: 'HopLe2025abcd' })).statusCode).toBe(200);
    });
  });
  describe('can: what each viewer may do with each user, as the routes decide', () => {
    type Can = { edit: boolean; resetPassword: boolean; unlock: boolean; disable: boolean };
    type Item = { id: string; username: string; version: number; fullName: string; can: Can };
    type List = { items: Item[]; can: { create: boolean; listAllCommunes: boolean; grantRoles: string[] } };

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
    const listOf = async (c: Client, communeId?: string) => {
      const r = await c.get(`/api/users?pageSize=200${communeId ? `&communeId=${communeId}` : ''}`);
      expect(r.statusCode).toBe(200);
      return r.json() as List;
    };
    const byName = (l: List, username: string) => l.items.find((u) => u.username === username);
    const all = { edit: true, resetPassword: true, unlock: true, disable: true };
    const none = { edit: false, resetPassword: false, unlock: false, disable: false };

    it("the commune admin manages their commune's users and grants commune and unit roles only", async () => {
      const l = await listOf(admin, w.a.id);
      expect(l.can).toEqual({
        create: true,
        listAllCommunes: false,
        grantRoles: ['commune_admin', 'chairman', 'council_member', 'unit_focal_point', 'digital_team_member', 'viewer'],
      });
      expect(byName(l, 'a.focal')!.can).toEqual(all);
      expect(byName(l, 'a.admin')!.can).toEqual({ ...all, disable: false });
      const self = (await admin.get(`/api/users/${w.users['a.admin']!.id}`)).json();
      expect((await admin.patch(`/api/users/${self.id}`, { disabled: true, version: self.version })).statusCode).toBe(400);
      const sys = await listOf(await loginAs(t, 'sysadmin', PASSWORD));
      expect(sys.can.listAllCommunes).toBe(true);
      expect(sys.can.grantRoles).toContain('province_officer');
      expect(sys.can.grantRoles).toContain('system_admin');
    });

    it('a chairman reads the users but may do nothing with them, and the routes refuse', async () => {
      const chair = await loginAs(t, 'a.chair', PASSWORD);
      const l = await listOf(chair, w.a.id);
      expect(l.can).toEqual({ create: false, listAllCommunes: false, grantRoles: [] });
      const focal = byName(l, 'a.focal')!;
      expect(focal.can).toEqual(none);
      expect((await chair.patch(`/api/users/${focal.id}`, { fullName: focal.fullName, version: focal.version })).statusCode).toBe(403);
      expect((await chair.post(`/api/users/${focal.id}/unlock`)).statusCode).toBe(403);
    });

    it('another commune does not see them (404); a user with roles in two communes gets the answer of each', async () => {
      const b = await loginAs(t, 'b.admin', PASSWORD);
      expect(byName(await listOf(b, w.a.id), 'a.focal')).toBeUndefined();
      const focal = (await admin.get(`/api/users/${w.users['a.focal']!.id}`)).json();
      expect((await b.patch(`/api/users/${focal.id}`, { fullName: focal.fullName, version: focal.version })).statusCode).toBe(404);
      const two = await loginAs(t, 'two.communes', PASSWORD);
      const inB = await listOf(two, w.b.id);
      expect(inB.can.create).toBe(true);
      expect(byName(inB, 'b.admin')!.can).toEqual(all);
      expect((await listOf(two, w.a.id)).can.create).toBe(false);
      expect((await two.patch(`/api/users/${focal.id}`, { fullName: focal.fullName, version: focal.version })).statusCode).toBe(403);
    });

    it('for every viewer and user, can.edit and can.unlock are exactly whether the routes accept them', async () => {
      const sys = await loginAs(t, 'sysadmin', PASSWORD);
      const targets = ['a.focal', 'a.viewer', 'b.admin', 'c.admin', 'province1'].map((n) => w.users[n]!.id);
      let accepted = 0;
      let refused = 0;
      for (const username of [...Object.keys(w.users), 'two.communes']) {
        const c = await loginAs(t, username, PASSWORD);
        for (const id of targets) {
          const seen = await c.get(`/api/users/${id}`);
          const can: Can = seen.statusCode === 200 ? seen.json().can : none;
          const cur = (await sys.get(`/api/users/${id}`)).json();
          const r = await c.patch(`/api/users/${id}`, { fullName: cur.fullName, version: cur.version });
          expect([200, 403, 404], `${username} on ${cur.username}: ${r.body}`).toContain(r.statusCode);
          expect(can.edit, `${username} on ${cur.username}: can.edit vs PATCH ${r.statusCode}`).toBe(r.statusCode === 200);
          const u = await c.post(`/api/users/${id}/unlock`);
          expect(can.unlock, `${username} on ${cur.username}: can.unlock vs ${u.statusCode}`).toBe(u.statusCode === 200);
          if (r.statusCode === 200) accepted++;
          else refused++;
        }
      }
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  });
});
