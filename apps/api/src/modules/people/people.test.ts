import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';

describe(`people (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  const people = (c = w.a.id) => `/api/communes/${c}/people`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('lists people the Vietnamese way: given name, then middle, then family name; Dũng before Đức', async () => {
    for (const fullName of ['Đỗ Minh Đức', 'Phạm Dũng', 'Trần Văn Bình', 'Nguyễn Văn Bình', 'Lê Thị Ánh', 'Vũ Anh', 'Hoàng Thị Ân', 'Bùi Ăn']) {
      expect((await admin.post(people(), { unitId: w.aOffice.id, fullName })).statusCode).toBe(201);
    }
    const list = (await admin.get(`${people()}?unitId=${w.aOffice.id}&pageSize=50`)).json();
    expect(list.items.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Vũ Anh',
      'Lê Thị Ánh',
      'Bùi Ăn',
      'Hoàng Thị Ân',
      'Nguyễn Văn Bình',
      'Trần Văn Bình',
      'Phạm Dũng',
      'Đỗ Minh Đức',
    ]);
  });

  it('searches names without diacritics and with either tone placement', async () => {
    await admin.post(people(), { unitId: w.aOffice.id, fullName: 'Trần Thị Thủy', position: 'Cán bộ văn hóa' });
    const a = (await admin.get(`${people()}?q=thuy`)).json();
    const b = (await admin.get(`${people()}?q=${encodeURIComponent('Thuỷ')}`)).json();
    expect(a.items.map((p: { fullName: string }) => p.fullName)).toContain('Trần Thị Thủy');
    expect(b.items.map((p: { fullName: string }) => p.fullName)).toContain('Trần Thị Thủy');
    const pos = (await admin.get(`${people()}?q=${encodeURIComponent('văn hoá')}`)).json();
    expect(pos.total).toBeGreaterThan(0);
  });

  it('validates fields and names them', async () => {
    const r = await admin.post(people(), { unitId: w.aOffice.id, fullName: '', birthYear: 1800, gender: 'x' });
    expect(r.statusCode).toBe(400);
    const fields = r.json().error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['fullName', 'birthYear', 'gender']));
    const wrongUnit = await admin.post(people(), { unitId: w.bOffice.id, fullName: 'Người lạ' });
    expect(wrongUnit.statusCode).toBe(400);
    expect(wrongUnit.json().error.details[0].field).toBe('unitId');
  });

  it('a unit focal point manages people of their own unit only', async () => {
    const focal = await loginAs(t, 'a.focal', PASSWORD);
    expect((await focal.post(people(), { unitId: w.aSchool.id, fullName: 'Giáo viên Mới' })).statusCode).toBe(201);
    const other = await focal.post(people(), { unitId: w.aOffice.id, fullName: 'Không được' });
    expect(other.statusCode).toBe(403);
    const p = (await focal.get(`${people()}/${w.aPerson.id}`)).json();
    expect((await focal.patch(`${people()}/${p.id}`, { unitId: w.aOffice.id, version: p.version })).statusCode).toBe(403);
    expect((await focal.patch(`${people()}/${p.id}`, { position: 'Tổ trưởng', version: p.version })).statusCode).toBe(200);
  });

  it('another commune cannot read or write this commune people', async () => {
    const b = await loginAs(t, 'b.admin', PASSWORD);
    expect((await b.get(people())).statusCode).toBe(404);
    expect((await b.get(`${people()}/${w.aPerson.id}`)).statusCode).toBe(404);
    expect((await b.get(`${people(w.b.id)}/${w.aPerson.id}`)).statusCode).toBe(404);
    expect((await b.post(people(), { unitId: w.aSchool.id, fullName: 'X' })).statusCode).toBe(404);
  });
  describe('can: what each user may do with each person, as the write route decides', () => {
    type Item = { id: string; unitId: string; version: number; can: { edit: boolean } };
    type List = { items: Item[]; can: { create: boolean; readUnits: boolean } };
    let officePerson: { id: string };

    beforeAll(async () => {
      officePerson = (await admin.post(people(), { unitId: w.aOffice.id, fullName: 'Phạm Thị Văn Phòng' })).json();
      // Roles in two communes: B's administrator, and A's school focal point.
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
      const r = await c.get(`${people(communeId)}?pageSize=200`);
      expect(r.statusCode).toBe(200);
      return r.json() as List;
    };
    const rowOf = (l: List, id: string) => l.items.find((p) => p.id === id)!;

    it('the commune admin may add and edit every person of their commune', async () => {
      const l = await listOf(admin, w.a.id);
      expect(l.can).toEqual({ create: true, readUnits: true });
      expect(l.items.length).toBeGreaterThan(1);
      expect(l.items.every((p) => p.can.edit)).toBe(true);
      expect((await admin.get(`${people()}/${officePerson.id}`)).json().can).toEqual({ edit: true });
    });

    it("the school's focal point may edit the school's people only, and the route refuses the others", async () => {
      const focal = await loginAs(t, 'a.focal', PASSWORD);
      const l = await listOf(focal, w.a.id);
      expect(l.can).toEqual({ create: true, readUnits: true });
      expect(rowOf(l, w.aPerson.id).can.edit).toBe(true);
      const office = rowOf(l, officePerson.id);
      expect(office.can.edit).toBe(false);
      expect((await focal.get(`${people()}/${officePerson.id}`)).json().can.edit).toBe(false);
      const refused = await focal.patch(`${people()}/${office.id}`, { position: 'Không được', version: office.version });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('FORBIDDEN');
    });

    it('a reader without person.write gets false everywhere; another commune gets 404', async () => {
      const council = await loginAs(t, 'a.council', PASSWORD);
      const l = await listOf(council, w.a.id);
      expect(l.can.create).toBe(false);
      expect(l.items.some((p) => p.can.edit)).toBe(false);
      const b = await loginAs(t, 'b.admin', PASSWORD);
      const own = await listOf(b, w.b.id);
      expect(own.can.create).toBe(true);
      expect(rowOf(own, w.bPerson.id).can.edit).toBe(true);
      const p = (await admin.get(`${people()}/${officePerson.id}`)).json();
      expect((await b.patch(`${people()}/${officePerson.id}`, { position: 'X', version: p.version })).statusCode).toBe(404);
    });

    it('a user with roles in two communes gets the answer of each commune', async () => {
      const two = await loginAs(t, 'two.communes', PASSWORD);
      const inA = await listOf(two, w.a.id);
      expect(inA.can.create).toBe(true);
      expect(rowOf(inA, w.aPerson.id).can.edit).toBe(true);
      expect(rowOf(inA, officePerson.id).can.edit).toBe(false);
      const inB = await listOf(two, w.b.id);
      expect(inB.can.create).toBe(true);
      expect(inB.items.every((p) => p.can.edit)).toBe(true);
      const c = await loginAs(t, 'c.admin', PASSWORD);
      expect((await c.get(people(w.a.id))).statusCode).toBe(404);
    });

    it('for every user and person, can.edit is exactly whether a harmless PATCH is accepted', async () => {
      const sys = await loginAs(t, 'sysadmin', PASSWORD);
      const targets = [
        { communeId: w.a.id, id: w.aPerson.id },
        { communeId: w.a.id, id: officePerson.id },
        { communeId: w.b.id, id: w.bPerson.id },
        { communeId: w.c.id, id: w.cPerson.id },
      ];
      let accepted = 0;
      let refused = 0;
      for (const username of [...Object.keys(w.users), 'two.communes']) {
        const c = await loginAs(t, username, PASSWORD);
        for (const target of targets) {
          const list = await c.get(`${people(target.communeId)}?pageSize=200`);
          const canEdit = list.statusCode === 200 ? (rowOf(list.json(), target.id)?.can.edit ?? false) : false;
          const cur = (await sys.get(`${people(target.communeId)}/${target.id}`)).json();
          const r = await c.patch(`${people(target.communeId)}/${target.id}`, { position: cur.position, version: cur.version });
          expect([200, 403, 404], `${username} on ${target.id}: ${r.body}`).toContain(r.statusCode);
          expect(canEdit, `${username} on ${target.id}: can.edit vs PATCH ${r.statusCode}`).toBe(r.statusCode === 200);
          if (r.statusCode === 200) {
            accepted++;
            expect(r.json().can.edit).toBe(true);
          } else refused++;
        }
      }
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  });
});
