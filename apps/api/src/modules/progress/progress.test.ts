import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/security';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makePlan, makeUnit, makeUser } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { confirmReviews } from '../../testing/kits/reports';
import { paragraphsOf, textOf, unzipEntry } from '../documents/docx-xml';
import { buildPlanTemplate } from '../plans/plan-template';
import { communeIndicator, provinceTarget, target } from '../indicators/indicators.table';
import { unit } from '../org/org.table';
import { dueItem } from '../plans/plans.table';
import { resolveSession } from '../../platform/session';
import { communeCompleteness } from './completeness';
import { countsOf } from './cycle';
import { communeCycles } from './cycles';
import { provinceCompleteness } from './province-completeness';
import { rankRows } from './league';

/** Commune A's own indicators for these tests (national ones are used for the province figures). */
const OWN = [
  { code: 'P_BUOI', pillar: 'society', name: 'Số buổi hướng dẫn', measure: 'buổi', direction: 'higher', aggregation: 'sum', integer: true, minValue: 0 },
  { code: 'P_LOI', pillar: 'gov', name: 'Số lỗi hồ sơ', measure: 'lỗi', direction: 'lower', aggregation: 'sum', integer: true, minValue: 0 },
  {
    code: 'P_KNS',
    pillar: 'society',
    name: 'Tỷ lệ có kỹ năng số',
    measure: '%',
    direction: 'higher',
    aggregation: 'ratio',
    integer: true,
    numeratorLabel: 'Số người có kỹ năng',
    denominatorLabel: 'Số người trưởng thành',
  },
] as const;
const NATIONAL_RATIO = 'CQ.HS_TRUC_TUYEN';
const FUTURE = '2099-01-01T00:00:00Z';
const sections = [{ key: 'ket_qua', title: 'Kết quả', text: 'Đã thực hiện.' }];

type Value = { code: string; value?: number; numerator?: number; denominator?: number };

describe(`progress (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let bAdmin: Client;
  let province1: Client;
  let viewer: Client;
  let closed: { id: string };
  let closedSub: { id: string };
  let teamReport: { id: string; version: number };
  const A = () => `/api/communes/${w.a.id}/progress`;
  const P1 = () => `/api/provinces/${w.p1.id}/progress`;
  const sys = <T>(fn: Parameters<typeof inScope<T>>[2]) => inScope(t.database.db, SYSTEM_SCOPE, fn);

  /** A due item added by hand, so that its year, cadence and deadline are what the test needs. */
  const addItem = async (
    communeId: string,
    planId: string,
    unitId: string,
    v: { year: number; cadence?: string; period?: number; lateAfter?: string; kind?: string },
  ) => {
    const [row] = await sys((tx) =>
      tx
        .insert(dueItem)
        .values({
          communeId,
          planId,
          unitId,
          kind: v.kind ?? 'report',
          deadlineKey: `progress:${v.cadence ?? 'yearly'}`,
          title: `Báo cáo năm ${v.year}`,
          dueDate: `${v.year}-12-04`,
          lateAfter: v.lateAfter ?? FUTURE,
          year: v.year,
          cadence: v.cadence ?? 'yearly',
          period: v.period ?? 0,
          planVersion: 1,
        })
        .returning(),
    );
    return row!.id;
  };
  /** Opens the report of a due item through the API, fills it and submits it; accepts it unless told not to. */
  const file = async (client: Client, communeId: string, dueId: string, values: Value[], opts: { submit?: boolean; accept?: boolean } = {}) => {
    const base = `/api/communes/${communeId}/reports`;
    const opened = await client.post(`/api/communes/${communeId}/due-items/${dueId}/report`);
    expect(opened.statusCode, opened.body).toBe(200);
    const r = opened.json() as { id: string; version: number };
    const saved = await client.patch(`${base}/${r.id}`, { version: r.version, sections, values });
    expect(saved.statusCode, saved.body).toBe(200);
    if (opts.submit === false) return { id: r.id, version: r.version + 1 };
    const sub = await client.post(`${base}/${r.id}/submit`, { version: r.version + 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    if (opts.accept === false) return { id: r.id, version: r.version + 2 };
    const acc = await client.post(`${base}/${r.id}/accept`, { version: r.version + 2 });
    expect(acc.statusCode, acc.body).toBe(200);
    return { id: r.id, version: r.version + 3 };
  };
  const indicatorOf = (body: { pillars: { indicators: { code: string }[] }[] }, code: string) =>
    body.pillars.flatMap((p) => p.indicators).find((i) => i.code === code) as Record<string, unknown> | undefined;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    [admin, bAdmin, province1, viewer] = (await Promise.all(['a.admin', 'b.admin', 'province1', 'a.viewer'].map((u) => loginAs(t, u, PASSWORD)))) as [
      Client,
      Client,
      Client,
      Client,
    ];
    await sys((tx) => tx.insert(communeIndicator).values(OWN.map((i, n) => ({ communeId: w.a.id, sortOrder: n, ...i }))));
    // In A the school and the village, too, report online filings (the commune's choice; by default only offices do).
    const kinds = await admin.request('PUT', `/api/communes/${w.a.id}/indicators/${NATIONAL_RATIO}/unit-kinds`, { unitKinds: ['office', 'school', 'village'] });
    expect(kinds.statusCode, kinds.body).toBe(200);
    const template = (name: string) => buildPlanTemplate({ communeName: name, provinceName: 'Tỉnh Một', year: 2024 });
    const planA = (await makePlan(t.database.db, w.a.id, { doc: template('Xã Gia Phúc') })).id;
    const planB = (await makePlan(t.database.db, w.b.id, { doc: template('Phường Hưng Đạo') })).id;
    const planC = (await makePlan(t.database.db, w.c.id, { doc: template('Phường Bàn Thạch') })).id;
    closed = await makeUnit(t.database.db, w.a.id, { code: 'DONG-CUA', name: 'Hợp tác xã Đã Giải Thể', kind: 'enterprise' });
    closedSub = await makeUnit(t.database.db, w.a.id, { code: 'DONG-NOP', name: 'Ban Đã Sáp Nhập', kind: 'office' });

    // The 2024 yearly report cycle of A: on time, late, missing, a draft, a unit closed mid-year (not expected), one closed that submitted.
    await file(admin, w.a.id, await addItem(w.a.id, planA, w.aOffice.id, { year: 2024 }), [], { accept: false });
    await file(admin, w.a.id, await addItem(w.a.id, planA, w.aSchool.id, { year: 2024, lateAfter: '2024-12-04T17:00:00Z' }), [], { accept: false });
    await addItem(w.a.id, planA, w.aVillage.id, { year: 2024 });
    await file(admin, w.a.id, await addItem(w.a.id, planA, w.aTeam.id, { year: 2024 }), [], { submit: false });
    await addItem(w.a.id, planA, closed.id, { year: 2024 });
    await file(admin, w.a.id, await addItem(w.a.id, planA, closedSub.id, { year: 2024 }), []);
    await addItem(w.a.id, planA, closed.id, { year: 2024, cadence: 'half_yearly', period: 2 });
    await sys((tx) => tx.update(unit).set({ activeTo: '2024-06-30' }).where(eq(unit.id, closed.id)));
    await sys((tx) => tx.update(unit).set({ activeTo: '2024-06-30' }).where(eq(unit.id, closedSub.id)));
    await file(bAdmin, w.b.id, await addItem(w.b.id, planB, w.bOffice.id, { year: 2024 }), [], { accept: false });
    await addItem(w.c.id, planC, w.cOffice.id, { year: 2024 });
    // The deadline has long passed: missing reports are overdue (the on-time ones were handed in before it).
    await sys((tx) => tx.update(dueItem).set({ lateAfter: '2024-12-04T17:00:00Z' }).where(eq(dueItem.year, 2024)));

    // 2023 figures, accepted (the digital team's report waits, for the live roll-up test).
    const items2023 = async (unitId: string, communeId = w.a.id, planId = planA) => addItem(communeId, planId, unitId, { year: 2023 });
    await file(admin, w.a.id, await items2023(w.aOffice.id), [
      { code: 'P_BUOI', value: 5 },
      { code: 'P_LOI', value: 5 },
    ]);
    await file(admin, w.a.id, await items2023(w.aSchool.id), [
      { code: 'P_BUOI', value: 3 },
      { code: 'P_LOI', value: 3 },
      { code: 'P_KNS', numerator: 10, denominator: 20 },
      { code: NATIONAL_RATIO, numerator: 10, denominator: 20 },
    ]);
    await file(admin, w.a.id, await items2023(w.aVillage.id), [
      { code: 'P_BUOI', value: 3 },
      { code: 'P_LOI', value: 3 },
      { code: 'P_KNS', numerator: 90, denominator: 100 },
      { code: NATIONAL_RATIO, numerator: 90, denominator: 100 },
    ]);
    teamReport = await file(admin, w.a.id, await items2023(w.aTeam.id), [{ code: 'P_BUOI', value: 4 }], { accept: false });
    await file(bAdmin, w.b.id, await items2023(w.bOffice.id, w.b.id, planB), [{ code: NATIONAL_RATIO, numerator: 30, denominator: 30 }]);
    await sys(async (tx) => {
      await tx.insert(target).values([
        { communeId: w.a.id, unitId: null, indicatorCode: 'P_BUOI', year: 2023, value: 20 },
        { communeId: w.a.id, unitId: null, indicatorCode: 'P_KNS', year: 2023, value: 80 },
        { communeId: w.a.id, unitId: w.aVillage.id, indicatorCode: 'P_BUOI', year: 2023, value: 10 },
      ]);
      await tx.insert(provinceTarget).values({ provinceId: w.p1.id, indicatorCode: NATIONAL_RATIO, year: 2023, value: 80 });
    });
  }, 120_000);
  afterAll(async () => t?.close());

  it('counts a cycle: on time, late, missing; a unit closed before the deadline is not expected unless it submitted', async () => {
    const res = await viewer.get(`${A()}/completeness?kind=report&cadence=yearly&year=2024&period=0`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const status = Object.fromEntries(body.units.map((u: { unitId: string; status: string }) => [u.unitId, u.status]));
    expect(status).toEqual({
      [w.aOffice.id]: 'on_time',
      [w.aSchool.id]: 'late',
      [w.aVillage.id]: 'missing',
      [w.aTeam.id]: 'missing',
      [closed.id]: 'not_expected',
      [closedSub.id]: 'on_time',
    });
    expect(body.totals).toEqual({ expected: 5, onTime: 2, late: 1, notDue: 0, missing: 2, onTimeRate: 40, lateRate: 20, submittedRate: 60, missingRate: 40 });
    expect(body.cycle).toMatchObject({ kind: 'report', cadence: 'yearly', year: 2024, period: 0, dueDate: '2024-12-04' });
    expect(body.units.find((u: { unitId: string }) => u.unitId === w.aTeam.id)).toMatchObject({ reportStatus: 'draft', submittedAt: null });
  });

  it('never counts a report whose deadline is still ahead as missing; once the deadline passes it is', async () => {
    const planA = (await sys((tx) => tx.select({ planId: dueItem.planId }).from(dueItem).where(eq(dueItem.communeId, w.a.id)).limit(1)))[0]!.planId;
    const deadline = '2027-12-04T17:00:00Z';
    await addItem(w.a.id, planA, w.aOffice.id, { year: 2027, lateAfter: deadline });
    await addItem(w.a.id, planA, w.aSchool.id, { year: 2027, lateAfter: deadline });
    try {
      const before = new Date('2027-12-04T16:00:00Z');
      const after = new Date('2027-12-04T17:00:00Z');
      const actor = (await resolveSession(t.database.db, admin.token, 60))!;
      const query = { kind: 'report', cadence: 'yearly', year: 2027, period: 0 } as const;
      const ahead = await communeCompleteness({ db: t.database.db, actor, communeId: w.a.id, query, now: before });
      expect(ahead.units.map((u) => u.status)).toEqual(['not_due', 'not_due']);
      expect(ahead.totals).toMatchObject({ expected: 2, onTime: 0, notDue: 2, missing: 0, missingRate: 0 });
      expect(ahead.cycle.pastDue).toBe(false);
      const passed = await communeCompleteness({ db: t.database.db, actor, communeId: w.a.id, query, now: after });
      expect(passed.units.map((u) => u.status)).toEqual(['missing', 'missing']);
      expect(passed.totals).toMatchObject({ notDue: 0, missing: 2, missingRate: 100 });
      expect(passed.cycle.pastDue).toBe(true);
      const cycle = (await communeCycles({ db: t.database.db, actor, communeId: w.a.id, query: { year: 2027 }, now: before })).cycles[0];
      expect(cycle).toMatchObject({ expected: 2, notDue: 2, missing: 0 });
      const officer = (await resolveSession(t.database.db, province1.token, 60))!;
      const province = await provinceCompleteness({ db: t.database.db, actor: officer, provinceId: w.p1.id, query, now: before });
      expect(province.totals).toMatchObject({ expected: 2, notDue: 2, missing: 0 });
      // Through the API (today is before the deadline): nothing missing either.
      expect((await admin.get(`${A()}/completeness?year=2027`)).json().totals).toMatchObject({ notDue: 2, missing: 0 });
    } finally {
      await sys((tx) => tx.delete(dueItem).where(and(eq(dueItem.communeId, w.a.id), eq(dueItem.year, 2027))));
    }
  });

  it('narrows to a node of the tree (its subtree), and lists the cycles with their counts', async () => {
    const node = (await admin.get(`${A()}/completeness?year=2024&unitId=${w.aVillage.id}`)).json();
    expect(node.node).toEqual({ unitId: w.aVillage.id, name: 'Thôn Đông' });
    expect(node.units.map((u: { unitId: string }) => u.unitId).sort()).toEqual([w.aVillage.id, w.aTeam.id].sort());
    expect(node.totals).toMatchObject({ expected: 2, missing: 2, missingRate: 100 });
    expect((await admin.get(`${A()}/completeness?year=2024&unitId=${w.cOffice.id}`)).statusCode).toBe(400);

    const cycles = (await admin.get(`${A()}/cycles?year=2024`)).json().cycles;
    expect(cycles).toHaveLength(2);
    const half = cycles.find((c: { cadence: string }) => c.cadence === 'half_yearly');
    // The closed unit owes nothing in the second half: nothing expected, rates 0 (never NaN or above 100).
    expect(half).toMatchObject({ period: 2, expected: 0, onTime: 0, missing: 0, onTimeRate: 0, submittedRate: 0, pastDue: true });
    expect(cycles.find((c: { cadence: string }) => c.cadence === 'yearly')).toMatchObject({ expected: 5, submittedRate: 60 });
  });

  it('never gives a rate above 100%', () => {
    const c = countsOf(2, 3, 1);
    expect([c.onTimeRate, c.lateRate, c.submittedRate, c.missingRate].every((r) => r >= 0 && r <= 100)).toBe(true);
    expect(countsOf(0, 0, 0)).toMatchObject({ onTimeRate: 0, missingRate: 0 });
  });

  it('computes province completeness per commune of the province, and refuses commune roles', async () => {
    const res = await province1.get(`${P1()}/completeness?kind=report&cadence=yearly&year=2024&period=0`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.communes.map((c: { communeId: string }) => c.communeId).sort()).toEqual([w.a.id, w.b.id].sort());
    expect(body.communes.find((c: { communeId: string }) => c.communeId === w.b.id)).toMatchObject({ expected: 1, onTime: 1, onTimeRate: 100 });
    expect(body.totals).toMatchObject({ expected: 6, onTime: 3, late: 1, missing: 2, submittedRate: 66.7 });
    expect((await admin.get(`${P1()}/completeness?year=2024`)).statusCode).toBe(403);
    expect((await admin.get(`/api/provinces/${w.p2.id}/progress/completeness?year=2024`)).statusCode).toBe(404);
    expect((await province1.get(`/api/provinces/${w.p2.id}/progress/completeness?year=2024`)).statusCode).toBe(404);
    const sysadmin = await loginAs(t, 'sysadmin', PASSWORD);
    expect(
      (await sysadmin.get(`/api/provinces/${w.p2.id}/progress/completeness?year=2024`)).json().communes.map((c: { communeId: string }) => c.communeId),
    ).toEqual([w.c.id]);
  });

  it('sums numerators and denominators of ratio indicators (10/20 and 90/100 make 83.3%, not the mean 70%)', async () => {
    const body = (await admin.get(`${A()}/indicators?year=2023`)).json();
    expect(indicatorOf(body, 'P_KNS')).toMatchObject({
      value: 83.33,
      numerator: 100,
      denominator: 120,
      n: 2,
      target: 80,
      achievementPct: 104.2,
      status: 'on_track',
    });
    expect(indicatorOf(body, 'P_BUOI')).toMatchObject({ value: 11, target: 20, achievementPct: 55, status: 'off_track' });
    expect(indicatorOf(body, 'P_LOI')).toMatchObject({ value: 11, target: null, status: 'no_target' });
    expect(body.scope).toEqual({ level: 'commune', id: w.a.id, name: 'Xã Gia Phúc' });
    expect(body.pillars.map((p: { pillar: string }) => p.pillar)).toEqual(['gov', 'economy', 'society']);
    const society = body.pillars.find((p: { pillar: string }) => p.pillar === 'society');
    expect(society.achievementPct).toBe(79.6); // mean of 55 and 104.2
    expect(indicatorOf(body, NATIONAL_RATIO)).toMatchObject({ value: 83.33, numerator: 100, denominator: 120 });

    const prov = (await province1.get(`${P1()}/indicators?year=2023`)).json();
    expect(indicatorOf(prov, NATIONAL_RATIO)).toMatchObject({ value: 86.67, numerator: 130, denominator: 150, n: 3, target: 80, achievementPct: 108.3 });
    expect(indicatorOf(prov, 'P_KNS')).toBeUndefined();
    expect((await viewer.get(`${P1()}/indicators?year=2023`)).statusCode).toBe(403);
  });

  it('changes the commune figure as soon as a report is accepted; a village includes its digital team', async () => {
    const buoi = async (q = '') => indicatorOf((await admin.get(`${A()}/indicators?year=2023${q}`)).json(), 'P_BUOI');
    expect(await buoi(`&unitId=${w.aVillage.id}`)).toMatchObject({ value: 3, target: 10 });
    const accepted = await admin.post(`/api/communes/${w.a.id}/reports/${teamReport.id}/accept`, { version: teamReport.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(await buoi()).toMatchObject({ value: 15, achievementPct: 75, status: 'at_risk' });
    expect(await buoi(`&unitId=${w.aVillage.id}`)).toMatchObject({ value: 7, target: 10, achievementPct: 70 });
    expect(await buoi(`&unitId=${w.aTeam.id}`)).toMatchObject({ value: 4, n: 1 });
  });

  it('ranks units (higher and lower is better, ties share a rank, no data last) and communes', async () => {
    const higher = (await admin.get(`${A()}/league?indicatorCode=P_BUOI&year=2023`)).json();
    expect(higher.indicator).toMatchObject({ code: 'P_BUOI', direction: 'higher' });
    const ranked = higher.rows
      .filter((r: { rank: number | null }) => r.rank !== null)
      .map((r: { id: string; rank: number; value: number }) => [r.id, r.rank, r.value]);
    expect(ranked).toEqual([
      [w.aVillage.id, 1, 7],
      [w.aOffice.id, 2, 5],
      [w.aTeam.id, 3, 4],
      [w.aSchool.id, 4, 3],
    ]);
    expect(higher.rows.slice(ranked.length).every((r: { rank: null; value: null }) => r.rank === null && r.value === null)).toBe(true);
    const lower = (await admin.get(`${A()}/league?indicatorCode=P_LOI&year=2023`)).json();
    expect(lower.rows.slice(0, 3).map((r: { id: string; rank: number }) => [r.id, r.rank])).toEqual([
      [w.aVillage.id, 1],
      [w.aSchool.id, 1],
      [w.aOffice.id, 3],
    ]);
    expect((await admin.get(`${A()}/league?indicatorCode=KHONG_CO&year=2023`)).statusCode).toBe(404);

    const communes = (await province1.get(`${P1()}/league?indicatorCode=${NATIONAL_RATIO}&year=2023`)).json();
    expect(communes.scope).toMatchObject({ level: 'province', name: 'Tỉnh Một' });
    expect(communes.rows.map((r: { id: string; rank: number; value: number }) => [r.id, r.rank, r.value])).toEqual([
      [w.b.id, 1, 100],
      [w.a.id, 2, 83.33],
    ]);
    expect((await admin.get(`${P1()}/league?indicatorCode=${NATIONAL_RATIO}&year=2023`)).statusCode).toBe(403);
  });

  it('ranks pure: ties share a rank and the next rank skips', () => {
    const row = (name: string, value: number | null) => ({
      id: name,
      code: name,
      name,
      kind: 'office',
      rank: null,
      value,
      numerator: null,
      denominator: null,
      target: null,
      achievementPct: null,
    });
    expect(rankRows([row('a', 2), row('b', null), row('c', 5), row('d', 2)], 'lower').map((r) => [r.name, r.rank])).toEqual([
      ['a', 1],
      ['d', 1],
      ['c', 3],
      ['b', null],
    ]);
  });

  it('rolls every indicator up over a range of years, at commune and province level', async () => {
    const body = (await admin.get(`${A()}/rollup?fromYear=2022&toYear=2024`)).json();
    const kns = body.indicators.find((i: { code: string }) => i.code === 'P_KNS');
    expect(kns.years.map((y: { year: number; value: number | null }) => [y.year, y.value])).toEqual([
      [2022, null],
      [2023, 83.33],
      [2024, null],
    ]);
    const prov = (await province1.get(`${P1()}/rollup?fromYear=2019&toYear=2023`)).json();
    expect(prov.indicators.find((i: { code: string }) => i.code === NATIONAL_RATIO).years.at(-1)).toMatchObject({ year: 2023, value: 86.67, target: 80 });
    expect((await admin.get(`${A()}/rollup?fromYear=2010&toYear=2024`)).statusCode).toBe(400);
    expect((await admin.get(`${A()}/rollup?fromYear=2024&toYear=2022`)).statusCode).toBe(400);
  });

  it("shows a unit's history of due items and figures", async () => {
    const body = (await viewer.get(`${A()}/units/${w.aSchool.id}/history`)).json();
    expect(body.items.map((i: { year: number; status: string }) => [i.year, i.status])).toEqual([
      [2024, 'late'],
      [2023, 'on_time'],
    ]);
    expect(
      body.values
        .filter((v: { year: number }) => v.year === 2023)
        .map((v: { indicatorCode: string }) => v.indicatorCode)
        .sort(),
    ).toEqual([NATIONAL_RATIO, 'P_BUOI', 'P_KNS', 'P_LOI'].sort());
    expect((await viewer.get(`${A()}/units/${w.cOffice.id}/history`)).statusCode).toBe(404);
    const c = await loginAs(t, 'c.admin', PASSWORD);
    expect((await c.get(`${A()}/units/${w.aSchool.id}/history`)).statusCode).toBe(404);
  });

  it('exports a view to Excel: Vietnamese headers, numbers as numbers, dates as dates', async () => {
    const res = await admin.get(`${A()}/export.xlsx?view=completeness&year=2024`);
    expect(res.statusCode, res.body).toBe(200);
    // A Vietnamese file name, with an ASCII fallback without diacritics.
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Tien-do-Muc-do-day-du-nam-2024.xlsx"; filename*=UTF-8''${encodeURIComponent('Tiến độ – Mức độ đầy đủ năm 2024.xlsx')}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('Đơn vị');
    const school = ws.getRows(2, ws.rowCount - 1)!.find((r) => r.getCell(2).value === 'Trường Tiểu học')!;
    expect(school.getCell(1).value).toEqual(expect.any(Number));
    expect(school.getCell(4).value).toBeInstanceOf(Date);
    expect(school.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(school.getCell(5).value).toBe('Trễ hạn');
    const ind = await province1.get(`${P1()}/export.xlsx?view=indicators&year=2023`);
    expect(ind.statusCode).toBe(200);
    const bad = await admin.get(`${A()}/export.xlsx?view=league&year=2023`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('indicatorCode');
    expect(bad.json().error.message).toMatch(/^Chỉ tiêu: /u);
  });

  it('writes the consolidated yearly report as .docx (Decree 30) with the late units, and as .xlsx', async () => {
    const res = await admin.get(`/api/communes/${w.a.id}/progress/consolidated-report.docx?year=2024`);
    expect(res.statusCode, res.body).toBe(200);
    const xml = unzipEntry(res.rawPayload, 'word/document.xml')!;
    const text = textOf(xml);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain(
      'Kết quả thực hiện phong trào thi đua “Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và phong trào “Bình dân học vụ số” năm 2024',
    );
    expect(text).toContain('XÃ GIA PHÚC');
    expect(text).toContain('I. KẾT QUẢ ĐẠT ĐƯỢC');
    expect(text).toContain('II. TỒN TẠI, HẠN CHẾ');
    expect(text).toContain('III. PHƯƠNG HƯỚNG');
    expect(text).not.toContain('{{');
    expect(xml.match(/<w:tbl>/g)?.length).toBeGreaterThanOrEqual(6); // header, closing and the four tables
    const lateRow = paragraphsOf(xml).findIndex((p) => p.text === 'Trường Tiểu học');
    expect(lateRow).toBeGreaterThan(0);
    expect(text).toMatch(/Số: +\/BC-UBND/u);

    const xlsx = await admin.get(`/api/communes/${w.a.id}/progress/consolidated-report.xlsx?year=2024`);
    expect(xlsx.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Báo cáo tổng hợp năm 2024.xlsx')}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tình hình nộp báo cáo', 'Chỉ tiêu', 'Báo cáo được chấp nhận', 'Nộp trễ hoặc chưa nộp']);
    const shortfalls = wb.getWorksheet('Nộp trễ hoặc chưa nộp')!;
    const names = shortfalls.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining(['Trường Tiểu học', 'Thôn Đông']));
    expect(names).not.toContain('Hợp tác xã Đã Giải Thể');

    const prov = await province1.get(`/api/provinces/${w.p1.id}/progress/consolidated-report.docx?year=2024&draft=false&number=12`);
    expect(prov.statusCode, prov.body).toBe(200);
    const provText = textOf(unzipEntry(prov.rawPayload, 'word/document.xml')!);
    expect(provText).toContain('Phường Hưng Đạo');
    expect(provText).toContain('Số: 12/BC-UBND');
    expect(provText).not.toContain('Phường Bàn Thạch');
    expect((await admin.get(`/api/provinces/${w.p1.id}/progress/consolidated-report.xlsx?year=2024`)).statusCode).toBe(403);
  });

  it("heads the consolidated report with the commune and the plan it reports on, not another commune's imported plan, and counts that plan's reports only", async () => {
    const template = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    const publish = async (doc: Parameters<typeof confirmReviews>[0] & Record<string, unknown>) => {
      const created = await admin.post(`/api/communes/${w.a.id}/plans`, { doc: confirmReviews(doc), source: 'import' });
      expect(created.statusCode, created.body).toBe(201);
      const p = created.json() as { id: string; version: number };
      const published = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: p.version });
      expect(published.statusCode, published.body).toBe(200);
      return p.id;
    };
    const own = await publish({ ...template, number: '12/KH-UBND', date: '2025-09-01' });
    // Published later: a plan whose text came from another commune (its issuer line and place name it).
    const other = await publish({
      ...template,
      number: '45/KH-UBND',
      date: '2025-10-01',
      issuer: { name: 'Ủy ban nhân dân xã Nguyễn Lương Bằng', parent: 'Ủy ban nhân dân tỉnh Hưng Yên' },
      place: 'Nguyễn Lương Bằng',
      movements: ['Bình dân học vụ số'],
    });
    const docText = async (q: string) => {
      const res = await admin.get(`${A()}/consolidated-report.docx?year=2026${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return textOf(unzipEntry(res.rawPayload, 'word/document.xml')!);
    };
    for (const q of ['', `&planId=${own}`, `&planId=${other}`]) {
      const text = await docText(q);
      expect(text).toContain('XÃ GIA PHÚC');
      expect(text).toContain('Gia Phúc, ngày');
      expect(text).not.toMatch(/NGUYỄN LƯƠNG BẰNG|Nguyễn Lương Bằng/u);
    }
    expect(await docText(`&planId=${own}`)).toContain('“Cả nước thi đua đổi mới sáng tạo và chuyển đổi số” và phong trào “Bình dân học vụ số” năm 2026');
    expect(await docText(`&planId=${other}`)).toContain('Kết quả thực hiện phong trào thi đua “Bình dân học vụ số” năm 2026');

    // Each plan's cycle counts its own due items: the two plans' yearly reports are not added together.
    const expectedOf = async (planId: string) => {
      const res = await admin.get(`${A()}/consolidated-report.xlsx?year=2026&planId=${planId}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
      const sheet = wb.getWorksheet('Tình hình nộp báo cáo')!;
      const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
      const col = header.findIndex((h) => h.startsWith('Phải nộp'));
      expect(col, header.join(' | ')).toBeGreaterThan(0);
      return sheet.getColumn(col).values.slice(2).map(Number);
    };
    const [ownCounts, otherCounts] = [await expectedOf(own), await expectedOf(other)];
    const items = async (planId: string) =>
      rowsOf<{ n: number }>(
        await sys((tx) =>
          tx.execute(sql`select count(*)::int as n from due_item where plan_id = ${planId} and year = 2026 and kind = 'report' and cadence = 'yearly'`),
        ),
      )[0]!.n;
    expect(Math.max(...ownCounts)).toBeLessThanOrEqual(await items(own));
    expect(Math.max(...otherCounts)).toBeLessThanOrEqual(await items(other));
    expect(Math.max(...ownCounts)).toBeGreaterThan(0);

    expect((await admin.get(`${A()}/consolidated-report.docx?year=2026&planId=khong-phai-uuid`)).statusCode).toBe(400);
    const foreign = await admin.get(`${A()}/consolidated-report.docx?year=2026&planId=${w.b.id}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.details[0].field).toBe('planId');

    // The dashboard's cycles: one "Báo cáo năm 2026" per plan, each counting its own due items only.
    const cycles = (await admin.get(`${A()}/cycles?year=2026&kind=report`)).json().cycles as {
      planId: string;
      planTitle: string;
      cadence: string;
      expected: number;
    }[];
    const yearly = cycles.filter((c) => c.cadence === 'yearly' && (c.planId === own || c.planId === other));
    expect(yearly.map((c) => c.planId).sort()).toEqual([own, other].sort());
    for (const c of yearly) expect(c.expected).toBeLessThanOrEqual(await items(c.planId));
    const onlyOwn = (await admin.get(`${A()}/cycles?year=2026&kind=report&planId=${own}`)).json().cycles as { planId: string }[];
    expect(new Set(onlyOwn.map((c) => c.planId))).toEqual(new Set([own]));
    const completeness = (await admin.get(`${A()}/completeness?year=2026&planId=${own}`)).json();
    expect(completeness.cycle).toMatchObject({ planId: own, planTitle: expect.any(String) });
    expect(completeness.units.length).toBe(await items(own));
    expect((await admin.get(`${A()}/completeness?year=2026&planId=${w.b.id}`)).statusCode).toBe(404);
  });
  it("a user holding roles in two communes picks each commune's own plans only: the other commune's plan is not found under this one", async () => {
    const bAdmin = await loginAs(t, 'b.admin', PASSWORD);
    const template = (await bAdmin.get(`/api/plan-template?communeId=${w.b.id}`)).json();
    const created = await bAdmin.post(`/api/communes/${w.b.id}/plans`, { doc: confirmReviews(template), source: 'template' });
    expect(created.statusCode, created.body).toBe(201);
    const bPlan = created.json() as { id: string; version: number };
    expect((await bAdmin.post(`/api/communes/${w.b.id}/plans/${bPlan.id}/publish`, { version: bPlan.version })).statusCode).toBe(200);
    await makeUser(t.database.db, {
      username: 'ab.both',
      password: PASSWORD,
      roles: [
        { role: 'commune_admin', communeId: w.a.id },
        { role: 'viewer', communeId: w.b.id },
      ],
    });
    const both = await loginAs(t, 'ab.both', PASSWORD);
    const B = `/api/communes/${w.b.id}/progress`;
    // Under commune B the picker's plan counts; under commune A the same plan does not exist.
    const bCycles = (await both.get(`${B}/cycles?year=2026&kind=report&planId=${bPlan.id}`)).json().cycles as { planId: string }[];
    expect(bCycles.length).toBeGreaterThan(0);
    expect(new Set(bCycles.map((c) => c.planId))).toEqual(new Set([bPlan.id]));
    expect((await both.get(`${B}/completeness?year=2026&planId=${bPlan.id}`)).statusCode).toBe(200);
    for (const path of ['cycles?year=2026&kind=report', 'completeness?year=2026', 'consolidated-report.docx?year=2026']) {
      const res = await both.get(`${A()}/${path}&planId=${bPlan.id}`);
      expect(res.statusCode, path).toBe(404);
      expect(res.json().error.details[0].field, path).toBe('planId');
    }
    // The plans A's picker offers are A's own.
    const aPlans = (await both.get(`/api/communes/${w.a.id}/plans?status=published&pageSize=100`)).json().items as { id: string }[];
    expect(aPlans.map((p) => p.id)).not.toContain(bPlan.id);
    // Viewer in B: the plan is B's to read, not to publish.
    expect((await both.post(`/api/communes/${w.b.id}/plans/${bPlan.id}/publish`, { version: bPlan.version })).statusCode).toBe(403);
  });
});
