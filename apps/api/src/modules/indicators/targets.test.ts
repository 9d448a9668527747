import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/security';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeCommune, makeUnit } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';

interface TargetOut {
  unitId: string | null;
  unitName: string | null;
  indicatorCode: string;
  year: number;
  value: number;
  origin: string;
}

describe(`targets (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let viewer: Client;
  let province1: Client;
  let villages: { id: string; name: string }[];
  const url = () => `/api/communes/${w.a.id}/targets`;
  const put = (c: Client, items: unknown[], communeId = w.a.id) => c.request('PUT', `/api/communes/${communeId}/targets`, { items });
  const count = async (table: string) => rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from ${sql.raw(table)}`))[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    // Thôn Đông (world) + two more villages, and one closed before 2026.
    const bac = await makeUnit(t.database.db, w.a.id, { code: 'THON-2', name: 'Thôn Bắc', kind: 'village' });
    const nam = await makeUnit(t.database.db, w.a.id, { code: 'THON-3', name: 'Thôn Nam', kind: 'village' });
    await makeUnit(t.database.db, w.a.id, { code: 'THON-CU', name: 'Thôn Cũ', kind: 'village', activeTo: '2025-06-30' });
    villages = [
      { id: bac.id, name: 'Thôn Bắc' },
      { id: w.aVillage.id, name: 'Thôn Đông' },
      { id: nam.id, name: 'Thôn Nam' },
    ];
    admin = await loginAs(t, 'a.admin', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    province1 = await loginAs(t, 'province1', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('sets commune and unit targets in one batch, and replaces them on a second put', async () => {
    const res = await put(admin, [
      { unitId: null, indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, value: 10 },
      { unitId: null, indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 80 },
      { unitId: w.aSchool.id, indicatorCode: 'CQ.CBCC_HOAN_THANH_KHOA_HOC', year: 2026, value: 100 },
    ]);
    expect(res.statusCode).toBe(200);
    expect((res.json().items as TargetOut[]).map((i) => [i.unitName, i.indicatorCode, i.value, i.origin])).toEqual([
      ['Trường Tiểu học', 'CQ.CBCC_HOAN_THANH_KHOA_HOC', 100, 'manual'],
      [null, 'XH.BUOI_HUONG_DAN', 10, 'manual'],
      [null, 'XH.KNS_CO_BAN', 80, 'manual'],
    ]);
    expect((await put(admin, [{ unitId: null, indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 85 }])).statusCode).toBe(200);
    const list = (await viewer.get(`${url()}?year=2026&indicatorCode=XH.KNS_CO_BAN`)).json().items as TargetOut[];
    expect(list.map((i) => i.value)).toEqual([85]);
    expect(await count('target')).toBe(3);
    const audits = rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from audit_entry where entity_type = 'target'`))[0]!.n;
    expect(audits).toBe(2);
  });

  it('refuses a bad row and writes nothing, naming items[i] and the field', async () => {
    const before = await count('target');
    const bad = async (items: unknown[], field: string) => {
      const res = await put(admin, items);
      expect(res.statusCode, JSON.stringify(items)).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('VALIDATION_FAILED');
      expect(err.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(err.message).toMatch(/[à-ỹ]/u);
    };
    const ok = { unitId: null, indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2027, value: 12 };
    await bad([ok, { ...ok, indicatorCode: 'XH.KNS_CO_BAN', value: 120 }], 'items.1.value');
    await bad([ok, { ...ok, indicatorCode: 'XH.KNS_CO_BAN', value: -1 }], 'items.1.value');
    await bad([ok, { ...ok, value: 2.5 }], 'items.1.value');
    await bad([ok, { ...ok, value: 'mười' }], 'items.1.value');
    await bad([{ ...ok, indicatorCode: 'KHONG.CO' }], 'items.0.indicatorCode');
    await bad([{ ...ok, unitId: w.cOffice.id }], 'items.0.unitId');
    await bad([ok, ok], 'items.1.indicatorCode');
    await bad([{ ...ok, year: 1990 }], 'items.0.year');
    await bad([], 'items');
    const res = await put(admin, [
      { ...ok, value: 2.5 },
      { ...ok, indicatorCode: 'XH.VNEID_MUC_2', value: 101 },
    ]);
    expect(res.json().error.details).toHaveLength(2);
    expect(res.json().error.details[1]).toMatchObject({ field: 'items.1.value', row: 1 });
    expect(await count('target')).toBe(before);
  });

  it('splits a count over the active villages with the remainder to the first, and copies a percentage', async () => {
    const sessions = await admin.post(`${url()}/split`, { indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026 });
    expect(sessions.statusCode).toBe(200);
    const items = sessions.json().items as TargetOut[];
    expect(items.map((i) => [i.unitName, i.value, i.origin])).toEqual([
      ['Thôn Bắc', 4, 'split'],
      ['Thôn Đông', 3, 'split'],
      ['Thôn Nam', 3, 'split'],
    ]);
    const skills = (await admin.post(`${url()}/split`, { indicatorCode: 'XH.KNS_CO_BAN', year: 2026 })).json().items as TargetOut[];
    expect(skills.map((i) => i.value)).toEqual([85, 85, 85]);
    // Splitting again after a change replaces the shares.
    await put(admin, [{ unitId: null, indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, value: 20 }]);
    const again = (await admin.post(`${url()}/split`, { indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026 })).json().items as TargetOut[];
    expect(again.map((i) => i.value)).toEqual([7, 7, 6]);
    const villageTargets = (await viewer.get(`${url()}?year=2026&indicatorCode=XH.BUOI_HUONG_DAN`)).json().items as TargetOut[];
    expect(villageTargets.map((i) => i.value)).toEqual([20, 7, 7, 6]);
  });

  it('splits by weights or over chosen units, and refuses what cannot be split', async () => {
    const [bac, dong] = villages;
    const weighted = await admin.post(`${url()}/split`, {
      indicatorCode: 'XH.BUOI_HUONG_DAN',
      year: 2026,
      method: 'weights',
      weights: { [bac!.id]: 1, [dong!.id]: 3 },
    });
    expect(weighted.statusCode).toBe(200);
    expect((weighted.json().items as TargetOut[]).map((i) => [i.unitName, i.value])).toEqual([
      ['Thôn Bắc', 5],
      ['Thôn Đông', 15],
    ]);
    const chosen = await admin.post(`${url()}/split`, { indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, unitIds: [w.aOffice.id, w.aSchool.id] });
    expect((chosen.json().items as TargetOut[]).map((i) => i.value)).toEqual([10, 10]);
    const err = async (body: unknown, field: string) => {
      const res = await admin.post(`${url()}/split`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await err({ indicatorCode: 'XH.HO_CAP_QUANG', year: 2026 }, 'indicatorCode');
    await err({ indicatorCode: 'KHONG.CO', year: 2026 }, 'indicatorCode');
    await err({ indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, method: 'weights' }, 'weights');
    await err({ indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, method: 'weights', weights: { [w.cOffice.id]: 1 } }, `weights.${w.cOffice.id}`);
    await err({ indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, method: 'weights', weights: { [bac!.id]: 0 } }, `weights.${bac!.id}`);
    await err({ indicatorCode: 'XH.BUOI_HUONG_DAN', year: 2026, unitIds: [w.cOffice.id] }, 'unitIds.0');
  });

  it('lets the province set its targets and split them over its communes', async () => {
    const p1 = `/api/provinces/${w.p1.id}/targets`;
    const res = await province1.request('PUT', p1, {
      items: [
        { indicatorCode: 'KT.BAN_HANG_TRUC_TUYEN', year: 2026, value: 5 },
        { indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 90 },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(2);
    const bad = await province1.request('PUT', p1, {
      items: [
        { indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 101 },
        { indicatorCode: 'GP.RIENG', year: 2026, value: 1 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { field: string }) => d.field)).toEqual(['items.0.value', 'items.1.indicatorCode']);

    // A third commune of P1 closed before 2026 gets nothing.
    await makeCommune(t.database.db, { provinceId: w.p1.id, code: 'OLD', name: 'Xã Cũ' }).then((c) =>
      t.database.system.execute(sql`update commune set active_to = '2025-06-30' where id = ${c.id}`),
    );
    const split = await province1.post(`${p1}/split`, { indicatorCode: 'KT.BAN_HANG_TRUC_TUYEN', year: 2026 });
    expect(split.statusCode).toBe(200);
    expect(split.json().items.map((i: { communeName: string; value: number; origin: string }) => [i.communeName, i.value, i.origin])).toEqual([
      ['Phường Hưng Đạo', 3, 'split'],
      ['Xã Gia Phúc', 2, 'split'],
    ]);
    const pct = (
      await province1.post(`${p1}/split`, { indicatorCode: 'XH.KNS_CO_BAN', year: 2026, method: 'weights', weights: { [w.a.id]: 1, [w.b.id]: 2 } })
    ).json().items;
    expect(pct.map((i: { value: number }) => i.value)).toEqual([90, 90]);
    // The commune sees the target the province gave it, and may split it further.
    const own = (await viewer.get(`${url()}?year=2026&indicatorCode=KT.BAN_HANG_TRUC_TUYEN`)).json().items as TargetOut[];
    expect(own).toMatchObject([{ unitId: null, value: 2, origin: 'split' }]);
    const listed = (await province1.get(`${p1}?year=2026`)).json();
    expect(listed.items.map((i: { indicatorCode: string }) => i.indicatorCode)).toEqual(['KT.BAN_HANG_TRUC_TUYEN', 'XH.KNS_CO_BAN']);
    expect(listed.communes.filter((c: { indicatorCode: string }) => c.indicatorCode === 'KT.BAN_HANG_TRUC_TUYEN')).toHaveLength(2);
    expect((await province1.post(`${p1}/split`, { indicatorCode: 'CQ.HS_SO_HOA', year: 2026 })).statusCode).toBe(400);
    const sys = await loginAs(t, 'sysadmin', PASSWORD);
    expect(
      (await sys.request('PUT', `/api/provinces/${w.p2.id}/targets`, { items: [{ indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 70 }] })).statusCode,
    ).toBe(200);
  });

  it('hides other communes and provinces, and refuses roles without the permission', async () => {
    const body = { items: [{ unitId: null, indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 50 }] };
    const cAdmin = await loginAs(t, 'c.admin', PASSWORD);
    expect((await cAdmin.get(url())).statusCode).toBe(404);
    expect((await cAdmin.request('PUT', url(), body)).statusCode).toBe(404);
    expect((await cAdmin.post(`${url()}/split`, { indicatorCode: 'XH.KNS_CO_BAN', year: 2026 })).statusCode).toBe(404);
    expect((await viewer.request('PUT', url(), body)).statusCode).toBe(403);
    expect((await viewer.post(`${url()}/split`, { indicatorCode: 'XH.KNS_CO_BAN', year: 2026 })).statusCode).toBe(403);
    // Province 1's officer works in its communes, not in province 2's.
    expect((await put(province1, body.items)).statusCode).toBe(200);
    expect((await put(province1, body.items, w.c.id)).statusCode).toBe(404);
    expect((await province1.get(`/api/provinces/${w.p2.id}/targets`)).statusCode).toBe(404);
    expect(
      (await province1.request('PUT', `/api/provinces/${w.p2.id}/targets`, { items: [{ indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 1 }] })).statusCode,
    ).toBe(404);
    // A commune administrator manages indicators but holds no province scope.
    const p1 = `/api/provinces/${w.p1.id}/targets`;
    expect((await admin.get(p1)).statusCode).toBe(403);
    expect((await admin.request('PUT', p1, { items: [{ indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 1 }] })).statusCode).toBe(403);
    expect((await admin.post(`${p1}/split`, { indicatorCode: 'XH.KNS_CO_BAN', year: 2026 })).statusCode).toBe(403);
    expect((await admin.get(`/api/provinces/${w.p2.id}/targets`)).statusCode).toBe(404);
    expect((await viewer.get(p1)).statusCode).toBe(403);
  });
});
