import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/security';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';

interface IndicatorOut {
  code: string;
  pillar: string;
  scope: string;
  aggregation: string;
  active: boolean;
  numeratorLabel: string | null;
  verifier: string | null;
  source: string;
}

const ownIndicator = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  pillar: 'society',
  name: 'Số lượt người dân dùng ứng dụng Hải Phòng Smart',
  measure: 'lượt',
  direction: 'higher',
  aggregation: 'sum',
  integer: true,
  minValue: 0,
  evidence: 'Thống kê của ứng dụng',
  verifier: 'Phòng Văn hóa - Xã hội xã',
  ...extra,
});

describe(`indicator catalogue (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let viewer: Client;
  let province1: Client;
  const url = () => `/api/communes/${w.a.id}/indicators`;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    province1 = await loginAs(t, 'province1', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('seeds the national commune-level catalogue in three pillars, idempotently', async () => {
    const res = await viewer.get('/api/indicators');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as IndicatorOut[];
    expect(items.length).toBeGreaterThanOrEqual(13);
    expect(new Set(items.map((i) => i.pillar))).toEqual(new Set(['gov', 'economy', 'society']));
    expect(items.every((i) => i.scope === 'national')).toBe(true);
    const byCode = new Map(items.map((i) => [i.code, i]));
    expect(byCode.get('XH.KNS_CO_BAN')).toMatchObject({
      aggregation: 'ratio',
      measure: '%',
      minValue: 0,
      maxValue: 100,
      source: 'derived',
      providerKey: 'training.coverage',
    });
    expect(byCode.get('XH.VNEID_MUC_2')).toMatchObject({ verifier: 'Công an xã', aggregation: 'ratio' });
    expect(byCode.get('CQ.HOP_BAN_CHI_DAO')!).toMatchObject({ aggregation: 'sum', integer: true });
    expect((byCode.get('CQ.HOP_BAN_CHI_DAO') as unknown as { scoreBands: unknown }).scoreBands).toEqual([
      { min: 0, score: 0 },
      { min: 1, score: 5 },
      { min: 2, score: 10 },
      { min: 3, score: 15 },
      { min: 4, score: 20 },
    ]);
    for (const i of items.filter((x) => x.aggregation === 'ratio')) expect(i.numeratorLabel, i.code).toBeTruthy();
    expect(items.every((i) => i.verifier)).toBe(true);
    const society = (await viewer.get('/api/indicators?pillar=society')).json().items as IndicatorOut[];
    expect(society.length).toBeGreaterThan(0);
    expect(society.every((i) => i.pillar === 'society')).toBe(true);
    expect(((await viewer.get(`/api/indicators?q=${encodeURIComponent('cap quang')}`)).json().items as IndicatorOut[]).map((i) => i.code)).toEqual([
      'XH.HO_CAP_QUANG',
    ]);
    // Running the seed again adds nothing.
    const migration = (await import('node:fs')).readFileSync(new URL('../../db/migrations/0010_indicator_catalogue.sql', import.meta.url), 'utf8');
    await t.database.system.execute(sql.raw(migration));
    const n = rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from indicator`))[0]!.n;
    expect(n).toBe(items.length);
  });

  it('lets the commune add its own indicators beside the national ones', async () => {
    const created = await admin.post(url(), ownIndicator('GP.HP_SMART'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'GP.HP_SMART', scope: 'commune', communeId: w.a.id, source: 'report', active: true });
    const ratio = await province1.post(
      url(),
      ownIndicator('GP.TRUONG_SO', {
        pillar: 'gov',
        name: 'Tỷ lệ trường học dùng sổ điểm điện tử',
        measure: '%',
        aggregation: 'ratio',
        integer: false,
        maxValue: 100,
        numeratorLabel: 'Số trường dùng sổ điểm điện tử',
        denominatorLabel: 'Tổng số trường',
      }),
    );
    expect(ratio.statusCode).toBe(201);
    const list = (await viewer.get(url())).json().items as IndicatorOut[];
    expect(
      list
        .filter((i) => i.scope === 'commune')
        .map((i) => i.code)
        .sort(),
    ).toEqual(['GP.HP_SMART', 'GP.TRUONG_SO']);
    expect(list.filter((i) => i.scope === 'national').length).toBeGreaterThanOrEqual(13);
    // Another commune does not see them.
    const bAdmin = await loginAs(t, 'b.admin', PASSWORD);
    const bList = (await bAdmin.get(`/api/communes/${w.b.id}/indicators`)).json().items as IndicatorOut[];
    expect(bList.some((i) => i.code.startsWith('GP.'))).toBe(false);
    const audit = rowsOf<{ n: number }>(
      await t.database.system.execute(sql`select count(*)::int as n from audit_entry where entity_type = 'commune_indicator' and commune_id = ${w.a.id}`),
    )[0]!.n;
    expect(audit).toBe(2);
  });

  it('refuses bad definitions, naming the field', async () => {
    const bad = async (body: unknown, field: string, status = 400) => {
      const res = await admin.post(url(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      const err = res.json().error;
      expect(err.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(err.message).toMatch(/[à-ỹ]/u);
    };
    await bad(ownIndicator('XH.KNS_CO_BAN'), 'code', 409);
    await bad(ownIndicator('GP.HP_SMART'), 'code', 409);
    await bad(ownIndicator('gp thường'), 'code');
    await bad(ownIndicator('GP.TY_LE', { aggregation: 'ratio', measure: '%' }), 'numeratorLabel');
    await bad(ownIndicator('GP.TY_LE', { aggregation: 'ratio', measure: '%', numeratorLabel: 'Tử' }), 'denominatorLabel');
    await bad(ownIndicator('GP.KHOANG', { minValue: 10, maxValue: 5 }), 'maxValue');
    await bad(ownIndicator('GP.PHAN_TRAM', { measure: '%', maxValue: 120 }), 'maxValue');
    await bad(
      ownIndicator('GP.BANG', {
        scoreBands: [
          { min: 2, score: 10 },
          { min: 1, score: 5 },
        ],
      }),
      'scoreBands.1.min',
    );
    await bad(ownIndicator('GP.BANG', { scoreBands: [{ min: 'hai', score: 10 }] }), 'scoreBands.0.min');
    await bad(ownIndicator('GP.SO', { minValue: 'không' }), 'minValue');
    await bad(ownIndicator('GP.TRU_COT', { pillar: 'culture' }), 'pillar');
    await bad({ ...ownIndicator('GP.THIEU'), name: '   ' }, 'name');
    const n = rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from commune_indicator where commune_id = ${w.a.id}`))[0]!.n;
    expect(n).toBe(2);
  });

  it('patches and deactivates its own indicators; national ones stay read-only', async () => {
    const patched = await admin.patch(`${url()}/GP.HP_SMART`, {
      name: 'Số lượt dùng ứng dụng công dân số',
      scoreBands: [
        { min: 0, score: 0 },
        { min: 100, score: 10 },
      ],
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({
      name: 'Số lượt dùng ứng dụng công dân số',
      scoreBands: [
        { min: 0, score: 0 },
        { min: 100, score: 10 },
      ],
    });
    const toRatio = await admin.patch(`${url()}/GP.HP_SMART`, { aggregation: 'ratio' });
    expect(toRatio.statusCode).toBe(400);
    expect(toRatio.json().error.details[0].field).toBe('numeratorLabel');
    expect((await admin.patch(`${url()}/GP.HP_SMART`, { minValue: 50, maxValue: 10 })).statusCode).toBe(400);
    expect(
      (
        await admin.patch(`${url()}/GP.HP_SMART`, {
          scoreBands: [
            { min: 5, score: 1 },
            { min: 5, score: 2 },
          ],
        })
      ).statusCode,
    ).toBe(400);
    expect((await admin.patch(`${url()}/GP.TRUONG_SO`, { maxValue: 150 })).statusCode).toBe(400);
    expect((await admin.patch(`${url()}/GP.HP_SMART`, { code: 'GP.KHAC' })).statusCode).toBe(400);
    expect((await admin.patch(`${url()}/XH.KNS_CO_BAN`, { name: 'Đổi tên' })).statusCode).toBe(403);
    expect((await admin.patch(`${url()}/GP.KHONG_CO`, { name: 'Đổi tên' })).statusCode).toBe(404);

    const off = await admin.patch(`${url()}/GP.HP_SMART`, { active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().active).toBe(false);
    const active = (await viewer.get(url())).json().items as IndicatorOut[];
    expect(active.some((i) => i.code === 'GP.HP_SMART')).toBe(false);
    const all = (await viewer.get(`${url()}?includeInactive=true`)).json().items as IndicatorOut[];
    expect(all.find((i) => i.code === 'GP.HP_SMART')?.active).toBe(false);
  });

  it('keeps the way of counting once figures exist', async () => {
    const res = await admin.request('PUT', `/api/communes/${w.a.id}/targets`, {
      items: [{ unitId: null, indicatorCode: 'GP.TRUONG_SO', year: 2026, value: 90 }],
    });
    expect(res.statusCode).toBe(200);
    const change = await admin.patch(`${url()}/GP.TRUONG_SO`, { aggregation: 'average' });
    expect(change.statusCode).toBe(400);
    expect(change.json().error.details[0].field).toBe('aggregation');
    expect((await admin.patch(`${url()}/GP.TRUONG_SO`, { name: 'Tỷ lệ trường dùng học bạ số' })).statusCode).toBe(200);
  });

  it('hides other communes (404) and refuses roles without the permission (403)', async () => {
    const cAdmin = await loginAs(t, 'c.admin', PASSWORD);
    expect((await cAdmin.get(url())).statusCode).toBe(404);
    expect((await cAdmin.post(url(), ownIndicator('GP.LA'))).statusCode).toBe(404);
    expect((await cAdmin.patch(`${url()}/GP.TRUONG_SO`, { name: 'x y' })).statusCode).toBe(404);
    expect((await viewer.post(url(), ownIndicator('GP.LA'))).statusCode).toBe(403);
    expect((await viewer.patch(`${url()}/GP.TRUONG_SO`, { name: 'x y' })).statusCode).toBe(403);
    const focal = await loginAs(t, 'a.focal', PASSWORD);
    expect((await focal.get(url())).statusCode).toBe(200);
    expect((await focal.post(url(), ownIndicator('GP.LA'))).statusCode).toBe(403);
  });
  describe('can: what each user may do with indicators and targets, as the write routes decide', () => {
    type List = { items: { code: string; scope: string; verifier: string | null; can: { edit: boolean } }[]; can: { create: boolean } };
    const targets = (communeId: string) => `/api/communes/${communeId}/targets?year=2026`;

    beforeAll(async () => {
      await makeUser(t.database.db, {
        username: 'two.communes',
        password: PASSWORD,
        roles: [
          { role: 'commune_admin', communeId: w.b.id },
          { role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id },
        ],
      });
      expect((await admin.post(url(), ownIndicator('GP.CAN'))).statusCode).toBe(201);
    });
    const listOf = async (c: Client, communeId: string) => {
      const r = await c.get(`/api/communes/${communeId}/indicators?includeInactive=true`);
      expect(r.statusCode).toBe(200);
      return r.json() as List;
    };

    it("the commune admin may add and edit the commune's own indicators and set targets; national ones are nobody's to edit here", async () => {
      const l = await listOf(admin, w.a.id);
      expect(l.can.create).toBe(true);
      expect(l.items.find((i) => i.code === 'GP.CAN')!.can.edit).toBe(true);
      expect(l.items.filter((i) => i.scope === 'national').every((i) => !i.can.edit)).toBe(true);
      const national = l.items.find((i) => i.scope === 'national')!;
      expect((await admin.patch(`${url()}/${national.code}`, { verifier: 'x' })).statusCode).toBe(403);
      expect((await admin.get(targets(w.a.id))).json().can).toEqual({ edit: true, split: true });
      expect((await viewer.get('/api/indicators')).json().can.create).toBe(false);
    });

    it('a unit focal point reads them but may do nothing, and the routes refuse', async () => {
      const focal = await loginAs(t, 'a.focal', PASSWORD);
      const l = await listOf(focal, w.a.id);
      expect(l.can.create).toBe(false);
      expect(l.items.some((i) => i.can.edit)).toBe(false);
      expect((await focal.get(targets(w.a.id))).json().can).toEqual({ edit: false, split: false });
      expect((await focal.patch(`${url()}/GP.CAN`, { verifier: 'x' })).statusCode).toBe(403);
      const item = { unitId: null, indicatorCode: 'GP.CAN', year: 2026, value: 3 };
      expect((await focal.request('PUT', `/api/communes/${w.a.id}/targets`, { items: [item] })).statusCode).toBe(403);
    });

    it("the province's targets: the province officer may set them; a system admin too; a commune admin neither reads nor sets them", async () => {
      const p1 = `/api/provinces/${w.p1.id}/targets?year=2026`;
      const item = { indicatorCode: 'XH.KNS_CO_BAN', year: 2026, value: 70 };
      expect((await province1.get(p1)).json().can).toEqual({ edit: true, split: true });
      expect((await province1.request('PUT', `/api/provinces/${w.p1.id}/targets`, { items: [item] })).statusCode).toBe(200);
      expect((await (await loginAs(t, 'sysadmin', PASSWORD)).get(p1)).json().can).toEqual({ edit: true, split: true });
      expect((await admin.get(p1)).statusCode).toBe(403);
      expect((await admin.request('PUT', `/api/provinces/${w.p1.id}/targets`, { items: [item] })).statusCode).toBe(403);
    });

    it('another commune sees nothing (404); a user with roles in two communes gets the answer of each', async () => {
      const b = await loginAs(t, 'b.admin', PASSWORD);
      expect((await b.get(url())).statusCode).toBe(404);
      expect((await b.patch(`${url()}/GP.CAN`, { verifier: 'x' })).statusCode).toBe(404);
      const two = await loginAs(t, 'two.communes', PASSWORD);
      expect((await listOf(two, w.a.id)).can.create).toBe(false);
      expect((await two.get(targets(w.a.id))).json().can.edit).toBe(false);
      expect((await listOf(two, w.b.id)).can.create).toBe(true);
      expect((await two.get(targets(w.b.id))).json().can.edit).toBe(true);
    });

    it("for every user, the indicator's can.edit and the targets' can.edit are exactly whether the routes accept a harmless write", async () => {
      const sys = await loginAs(t, 'sysadmin', PASSWORD);
      const cur = (await listOf(sys, w.a.id)).items.find((i) => i.code === 'GP.CAN')!;
      const target = { unitId: null, indicatorCode: 'GP.CAN', year: 2026, value: 7 };
      let accepted = 0;
      let refused = 0;
      for (const username of [...Object.keys(w.users), 'two.communes']) {
        const c = await loginAs(t, username, PASSWORD);
        const list = await c.get(url());
        const edit = list.statusCode === 200 ? (list.json() as List).items.find((i) => i.code === 'GP.CAN')!.can.edit : false;
        const r = await c.patch(`${url()}/GP.CAN`, { verifier: cur.verifier });
        expect([200, 403, 404], `${username}: ${r.body}`).toContain(r.statusCode);
        expect(edit, `${username}: can.edit vs PATCH ${r.statusCode}`).toBe(r.statusCode === 200);
        const tl = await c.get(targets(w.a.id));
        const setTargets = tl.statusCode === 200 ? tl.json().can.edit : false;
        const put = await c.request('PUT', `/api/communes/${w.a.id}/targets`, { items: [target] });
        expect([200, 403, 404], `${username}: ${put.body}`).toContain(put.statusCode);
        expect(setTargets, `${username}: targets can.edit vs PUT ${put.statusCode}`).toBe(put.statusCode === 200);
        if (r.statusCode === 200) accepted++;
        else refused++;
      }
      expect(accepted).toBeGreaterThan(0);
      expect(refused).toBeGreaterThan(0);
    });
  });
});
