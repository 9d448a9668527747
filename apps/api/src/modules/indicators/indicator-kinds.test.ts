import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/security';
import { makeUser } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { dueItemId, openReportVia, publishTemplatePlan } from '../../testing/kits/reports';
import { buildWorld, PASSWORD, type World } from '../../testing/world';

/** Each unit kind reports the indicators that concern it; the commune chooses per indicator. */
describe(`indicators by unit kind (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let focal: Client;
  let team: Client;
  let planId: string;
  const A = () => `/api/communes/${w.a.id}`;
  const kinds = (code: string) => `${A()}/indicators/${code}/unit-kinds`;
  const formOf = async (client: Client, unitId: string) => {
    const r = await openReportVia(client, w.a.id, await dueItemId(t.database.db, planId, unitId, { kind: 'report', year: 2026 }));
    const detail = (await client.get(`${A()}/reports/${r.id}`)).json() as {
      form: { code: string }[];
      computed: { code: string; source: string }[];
      version: number;
      id: string;
    };
    return { ...detail, codes: detail.form.map((f) => f.code), computed: detail.computed.map((f) => f.code) };
  };
  const audits = async () =>
    rowsOf<{ n: number }>(
      await t.database.system.execute(sql`select count(*)::int as n from audit_entry where entity_type = 'indicator_unit_kinds' and commune_id = ${w.a.id}`),
    )[0]!.n;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    team = await loginAs(t, 'a.team', PASSWORD);
    planId = await publishTemplatePlan(admin, w.a.id);
  }, 180_000);
  afterAll(async () => t?.close());

  it('a school is not asked household fibre or administrative-procedure figures; a village and a digital team get their own', async () => {
    const school = await formOf(focal, w.aSchool.id);
    expect(school.codes).toContain('CQ.CBCC_HOAN_THANH_KHOA_HOC');
    expect(school.codes).not.toContain('XH.HO_CAP_QUANG');
    expect(school.codes).not.toContain('CQ.HS_TRUC_TUYEN');
    const village = await formOf(admin, w.aVillage.id);
    expect(village.codes).toContain('XH.HO_CAP_QUANG');
    expect(village.codes).not.toContain('CQ.HS_TRUC_TUYEN');
    // The digital-skills figures are computed from the training records: shown read-only, never typed.
    expect(village.codes).not.toContain('XH.KNS_CO_BAN');
    expect(village.computed.sort()).toEqual(['XH.KNS_CO_BAN', 'XH.THON_CO_TO_CNSCD', 'XH.VNEID_MUC_2']);
    expect(village.computed.sort()).not.toContain('XH.HO_CAP_QUANG');
    const teamForm = await formOf(team, w.aTeam.id);
    expect(teamForm.codes).toEqual([]);
    expect(teamForm.computed.sort()).toEqual(['XH.BUOI_HUONG_DAN', 'XH.NGUOI_DAN_DUOC_HO_TRO']);
    // The list says who reports each indicator.
    const list = (await admin.get(`${A()}/indicators`)).json() as { items: { code: string; unitKinds: string[] | null; can: { chooseKinds: boolean } }[] };
    expect(list.items.find((i) => i.code === 'XH.HO_CAP_QUANG')).toMatchObject({ unitKinds: ['village'], can: { chooseKinds: true } });
  });

  it('a figure of an indicator the unit does not report is refused, naming it', async () => {
    const school = await formOf(focal, w.aSchool.id);
    const res = await focal.patch(`${A()}/reports/${school.id}`, {
      version: school.version,
      values: [{ code: 'XH.HO_CAP_QUANG', numerator: 3, denominator: 10 }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      expect.objectContaining({ field: 'values.0.code', message: expect.stringContaining('không do trường học báo cáo') }),
    ]);
  });

  it('the commune chooses the kinds of an indicator: the forms follow, the same choice again writes nothing, null goes back to the default', async () => {
    const chosen = await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['school', 'village', 'school'] });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json()).toMatchObject({ unitKinds: ['school', 'village'], unitKindsChosen: true });
    expect((await formOf(focal, w.aSchool.id)).codes).toContain('XH.HO_CAP_QUANG');
    const before = await audits();
    expect((await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['village', 'school'] })).statusCode).toBe(200);
    expect(await audits()).toBe(before);
    const reset = await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: null });
    expect(reset.json()).toMatchObject({ unitKinds: ['village'], unitKindsChosen: false });
    expect((await formOf(focal, w.aSchool.id)).codes).not.toContain('XH.HO_CAP_QUANG');
    expect(await audits()).toBe(before + 1);
  });

  it('refuses bad input with a Vietnamese message naming the field, and a derived or unknown indicator', async () => {
    const none = await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: [] });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(none.json().error)).toContain('Chọn ít nhất một loại đơn vị');
    expect((await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['ward\u0000'] })).statusCode).toBe(400);
    expect((await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['village'], extra: 1 })).statusCode).toBe(400);
    expect((await admin.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: Array.from({ length: 5000 }, () => 'village') })).statusCode).toBe(400);
    expect((await admin.put(kinds('KHONG.CO'), { unitKinds: ['village'] })).statusCode).toBe(404);
  });

  it('other communes, wrong roles and a user holding roles in two communes', async () => {
    const b = await loginAs(t, 'b.admin', PASSWORD);
    expect((await b.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['school'] })).statusCode).toBe(404);
    expect((await focal.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['school'] })).statusCode).toBe(403);
    expect((await (await loginAs(t, 'a.viewer', PASSWORD)).put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['school'] })).statusCode).toBe(403);
    const school = (await focal.get(`${A()}/indicators`)).json() as { items: { can: { chooseKinds: boolean } }[] };
    expect(school.items.every((i) => !i.can.chooseKinds)).toBe(true);
    // Admin of B, viewer of A: may choose in B only, and a choice in B leaves A as it was.
    await makeUser(t.database.db, {
      username: 'ab.user',
      password: PASSWORD,
      roles: [
        { role: 'commune_admin', communeId: w.b.id },
        { role: 'viewer', communeId: w.a.id },
      ],
    });
    const two = await loginAs(t, 'ab.user', PASSWORD);
    expect((await two.put(kinds('XH.HO_CAP_QUANG'), { unitKinds: ['school'] })).statusCode).toBe(403);
    const inB = await two.put(`/api/communes/${w.b.id}/indicators/XH.HO_CAP_QUANG/unit-kinds`, { unitKinds: ['school'] });
    expect(inB.statusCode, inB.body).toBe(200);
    const a = (await admin.get(`${A()}/indicators`)).json() as { items: { code: string; unitKinds: string[] | null }[] };
    expect(a.items.find((i) => i.code === 'XH.HO_CAP_QUANG')!.unitKinds).toEqual(['village']);
  });
});
