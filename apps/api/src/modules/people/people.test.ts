import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
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
});
