import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUndated, reviewDate, type PlanDetail, type PlanDoc, type PublishResult } from '@tds/contracts';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/security';
import { makeUnit } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { readSeed } from './fixtures/expected';

/**
 * Each real plan published on a commune with every kind of unit: who owes each deadline, as a reader
 * of the plan would say (the expectations below are written from reading each seed).
 */
describe(`real plans: who owes each deadline (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  const extra: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    const db = t.database.db;
    extra.centre = (await makeUnit(db, w.a.id, { code: 'TTVH', name: 'Trung tâm Văn hóa, Thể thao và Truyền thông', kind: 'public_service' })).id;
    extra.youth = (await makeUnit(db, w.a.id, { code: 'DTN', name: 'Đoàn Thanh niên xã', kind: 'mass_org' })).id;
    extra.youthTeam = (await makeUnit(db, w.a.id, { code: 'DTN-CNS', name: 'Tổ CNSCĐ Đoàn Thanh niên', kind: 'digital_team', parentId: extra.youth })).id;
    extra.firm = (await makeUnit(db, w.a.id, { code: 'DN1', name: 'Công ty TNHH Minh Phát', kind: 'enterprise' })).id;
    admin = await loginAs(t, 'a.admin', PASSWORD);
  }, 120_000);
  afterAll(async () => t?.close());

  const OFFICE = 'Phòng Văn hóa - Xã hội';
  const SCHOOL = 'Trường Tiểu học';
  const VILLAGE = 'Thôn Đông';
  const TEAM = 'Tổ CNSCĐ thôn Đông';
  const CENTRE = 'Trung tâm Văn hóa, Thể thao và Truyền thông';
  const YOUTH = 'Đoàn Thanh niên xã';
  const YOUTH_TEAM = 'Tổ CNSCĐ Đoàn Thanh niên';
  const FIRM = 'Công ty TNHH Minh Phát';

  async function imported(file: string): Promise<PlanDetail> {
    const parsed = await admin.post(`/api/communes/${w.a.id}/plans/import`, { text: readSeed(file) });
    expect(parsed.statusCode).toBe(200);
    const doc = parsed.json().plan as PlanDoc;
    const created = await admin.post(`/api/communes/${w.a.id}/plans`, { doc, source: 'import' });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as PlanDetail;
  }

  /** Answer every question the plan asks before publishing (keep all dates, keep past ones). */
  const answers = (p: PlanDetail) =>
    Object.fromEntries(p.conflicts.map((c) => [c.key, c.options.find((o) => o.value === 'keep-all')?.value ?? c.options[0]!.value]));

  async function preview(p: PlanDetail): Promise<PublishResult> {
    const res = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: p.version, dryRun: true, resolutions: answers(p) });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as PublishResult;
  }

  /** Deadline text -> the names of its owing units, sorted ("xã" when the commune itself owes it). */
  const owners = (r: PublishResult) =>
    r.deadlines.map((d) => [d.text.slice(0, 40), d.owner === 'commune' ? ['xã'] : [...d.unitNames].sort((a, b) => a.localeCompare(b, 'vi'))]);
  const sorted = (...names: string[]) => names.sort((a, b) => a.localeCompare(b, 'vi'));
  const dueItems = async (planId: string) =>
    Number(rowsOf<{ n: number }>(await t.database.system.execute(sql`select count(*)::int as n from due_item where plan_id = ${planId}`))[0]!.n);

  it('000: the yearly report of "các cơ quan, đơn vị, ban, ngành" goes to offices, public service units and schools, not to enterprises', async () => {
    const p = await imported('000_d8b7d3d9952b7702.txt');
    const groups = p.doc.participantGroups;
    expect(groups[0]).toMatchObject({ kinds: ['office', 'public_service', 'school'], reason: expect.stringContaining('cơ quan, đơn vị') });
    expect(groups.map((g) => g.kinds)).toEqual([['office', 'public_service', 'school'], ['mass_org'], ['enterprise'], [], []]);
    const r = await preview(p);
    // "Các cơ quan, đơn vị ban hành Kế hoạch ... trong năm 2025", then the yearly report before 05/11.
    expect(owners(r)).toEqual([
      ['trong năm 2025', sorted(OFFICE, SCHOOL, CENTRE)],
      [expect.any(String), sorted(OFFICE, SCHOOL, CENTRE)],
    ]);
    expect(r.unreached).toBe(0);
    // The year-only obligation waits for a date; the reviews get the yearly report's day, as defaults.
    expect(r.undated).toEqual([{ index: 0, what: expect.stringContaining('Kế hoạch phát động'), text: 'trong năm 2025' }]);
    expect(r.reviews).toEqual([
      { index: 0, kind: 'mid-term', year: 2027, dueDate: '2027-11-04', isDefault: true, units: 5 },
      { index: 1, kind: 'final', year: 2030, dueDate: '2030-11-04', isDefault: true, units: 5 },
    ]);
  });

  it('001: the reports go to offices, units, mass organisations and every digital team (under a village or the youth union), not to villages or enterprises', async () => {
    const p = await imported('001_af22eac0dd1fb29f.txt');
    expect(p.doc.participantGroups.map((g) => g.kinds)).toEqual([
      ['office', 'public_service', 'school'],
      ['mass_org'],
      ['digital_team'],
      ['enterprise'],
      [],
      [],
    ]);
    const r = await preview(p);
    const want = sorted(OFFICE, SCHOOL, CENTRE, YOUTH, TEAM, YOUTH_TEAM);
    expect(owners(r).map((o) => o[1])).toEqual([want, want]);
  });

  it('002: "tất cả các đơn vị" reaches every participant, schools included; "trên địa bàn" and "Ủy ban Mặt trận" pull in no village', async () => {
    const p = await imported('002_11f87cc7687ac78a.txt');
    expect(p.doc.participantGroups.map((g) => g.kinds)).toEqual([['office', 'public_service', 'school'], ['mass_org'], ['enterprise'], [], []]);
    const r = await preview(p);
    expect(owners(r)).toEqual([[expect.any(String), sorted(OFFICE, SCHOOL, CENTRE, YOUTH, FIRM)]]);
  });

  it("003: the culture office's own upward report is the commune's; each other deadline goes to the bodies it names", async () => {
    const p = await imported('003_52b1619693e432af.txt');
    expect(p.doc.participantGroups.map((g) => g.kinds)).toEqual([['office', 'mass_org'], ['village'], ['enterprise'], [], []]);
    const r = await preview(p);
    const all = sorted(OFFICE, YOUTH, VILLAGE, FIRM);
    expect(r.deadlines.map((d) => [d.what, d.owner, d.how])).toEqual([
      ['Xây dựng kế hoạch triển khai thực hiện phong trào thi đua', 'units', 'all'],
      ['Kế hoạch phát động Phong trào thi đua', 'units', 'named'],
      ['Báo cáo kết quả thực hiện phong trào thi đua', 'units', 'all'],
      ['Báo cáo kết quả triển khai thực hiện phong trào thi đua', 'commune', 'commune'],
      ['Báo cáo kết quả thực hiện Phong trào thi đua', 'units', 'named'],
    ]);
    expect(owners(r).map((o) => o[1])).toEqual([all, sorted(OFFICE, YOUTH, VILLAGE), all, ['xã'], sorted(OFFICE, VILLAGE, FIRM)]);
  });

  /** The officer's dates: a day for each undated deadline, the mid-term report on 20/11/2027, the final's default confirmed. */
  const dated = (doc: PlanDoc): PlanDoc => ({
    ...doc,
    deadlines: doc.deadlines.map((d) => (isUndated(d) ? { ...d, day: 30, month: 9, qualifier: 'by' } : d)),
    milestones: doc.milestones.map((m) => ({ ...m, dueDate: m.kind === 'mid-term' ? '2027-11-20' : reviewDate(doc, m).date, confirmed: true })),
  });

  it('004: no participant section, so the deadlines reach no unit; undated and default dates are asked first; the officer dates them and picks the units', async () => {
    const p = await imported('004_10df63f3de600047.txt');
    expect(p.doc.participantGroups).toEqual([]);
    const r = await preview(p);
    expect(r.deadlines).toEqual([
      expect.objectContaining({ text: 'Năm 2025', owner: 'units', units: 0, unitNames: [] }),
      expect.objectContaining({ text: 'trước ngày 15/12', owner: 'units', units: 0, unitNames: [] }),
    ]);
    expect(r.unreached).toBe(2);
    expect(r.undated.map((u) => u.index)).toEqual([0]);
    expect(r.reviews.map((v) => [v.kind, v.year, v.dueDate, v.isDefault])).toEqual([
      ['mid-term', 2027, '2027-12-14', true],
      ['final', 2030, '2030-12-14', true],
    ]);
    const refused = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: p.version, resolutions: answers(p) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'PLAN_DATES',
      details: [
        { field: 'deadlines.0', message: expect.stringContaining('chưa có ngày cụ thể') },
        { field: 'milestones.0.dueDate', message: expect.stringContaining('14/12/2027') },
        { field: 'milestones.1.dueDate', message: expect.stringContaining('mặc định') },
      ],
    });
    expect(await dueItems(p.id)).toBe(0);

    // A unit of another commune cannot be chosen.
    const group = { name: 'Các cơ quan, đơn vị và doanh nghiệp', criteria: [], kinds: ['office', 'enterprise'], unitIds: [w.aSchool.id] };
    const foreign = await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, {
      version: p.version,
      doc: { ...p.doc, participantGroups: [{ ...group, unitIds: [w.bOffice.id] }] },
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([expect.objectContaining({ field: 'doc.participantGroups.0.unitIds' })]);

    // Dated, but still owed by nobody: publishing asks about that next.
    const v2 = (await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, { version: p.version, doc: dated(p.doc) })).json() as PlanDetail;
    const unreached = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: v2.version, resolutions: answers(v2) });
    expect(unreached.json().error).toMatchObject({ code: 'PLAN_UNREACHED', details: [{ field: 'deadlines.0' }, { field: 'deadlines.1' }] });

    const edited = await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, { version: v2.version, doc: { ...v2.doc, participantGroups: [group] } });
    expect(edited.statusCode, edited.body).toBe(200);
    const next = edited.json() as PlanDetail;
    // Offices and enterprises by kind, the school chosen by name: the lines name "cơ quan, đơn vị và doanh nghiệp".
    const ready = await preview(next);
    expect(owners(ready)).toEqual([
      [expect.any(String), sorted(OFFICE, SCHOOL, FIRM)],
      [expect.any(String), sorted(OFFICE, SCHOOL, FIRM)],
    ]);
    expect([ready.undated, ready.reviews.map((v) => [v.dueDate, v.isDefault, v.units])]).toEqual([
      [],
      [
        ['2027-11-20', false, 3],
        ['2030-12-14', false, 3],
      ],
    ]);
    const published = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: next.version, resolutions: answers(next) });
    expect(published.statusCode, published.body).toBe(200);
    const added = (published.json() as PublishResult).added;
    expect(added.every((a) => a.units === 3)).toBe(true);
    expect(added).toEqual(
      expect.arrayContaining([
        { title: expect.stringContaining('Kế hoạch phát động'), dueDate: '2025-09-30', units: 3 },
        { title: 'Báo cáo sơ kết phong trào thi đua năm 2027', dueDate: '2027-11-20', units: 3 },
        { title: 'Báo cáo tổng kết phong trào thi đua năm 2030', dueDate: '2030-12-14', units: 3 },
      ]),
    );
    // Publishing again adds nothing (the review items keep their identity).
    const again = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: next.version, resolutions: answers(next), dryRun: true });
    expect([again.json().added, again.json().removed]).toEqual([[], []]);
    // The calendar names the owing units (the 15/12 report is due by the end of 14/12).
    const cal = await admin.get(`/api/communes/${w.a.id}/calendar?from=2026-12-01&to=2026-12-31&planId=${p.id}`);
    expect(cal.json().entries).toEqual([expect.objectContaining({ date: '2026-12-14', units: 3, unitNames: expect.arrayContaining([OFFICE, SCHOOL, FIRM]) })]);
  });

  it('a plan whose deadlines reach no unit is published only when the officer says so, and the audit says which', async () => {
    const p = await imported('004_10df63f3de600047.txt');
    const v2 = (await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, { version: p.version, doc: dated(p.doc) })).json() as PlanDetail;
    const publishEntries = async () =>
      rowsOf<{ after: { acceptedUnreached?: string[] } }>(
        await t.database.system.execute(
          sql`select after from audit_entry where entity_type = 'plan' and entity_id = ${p.id} and action = 'publish' order by id`,
        ),
      );
    const refused = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: v2.version, resolutions: answers(v2) });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('PLAN_UNREACHED');
    expect([await dueItems(p.id), (await publishEntries()).length]).toEqual([0, 0]);
    const body = { version: v2.version, resolutions: answers(v2), acceptUnreached: true };
    const res = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, body);
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as PublishResult & { plan: { publishedAt: string } };
    expect(first.added).toEqual([]);
    const entries = await publishEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.after.acceptedUnreached!.length).toBe(first.unreached);
    // The officer's click sent twice (a retry after a lost answer): the same answer, nothing written again.
    const retry = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, body);
    expect(retry.statusCode, retry.body).toBe(200);
    const second = retry.json() as typeof first;
    expect([second.added, second.removed, second.unreached, second.plan.publishedAt]).toEqual([
      first.added,
      first.removed,
      first.unreached,
      first.plan.publishedAt,
    ]);
    expect(await publishEntries()).toHaveLength(1);
  });

  it('a recurring day before the plan was issued (31/3/2025 of a plan signed 21/8/2025) is not scheduled, and the preview says so', async () => {
    const p = await imported('000_d8b7d3d9952b7702.txt');
    const doc = dated(p.doc);
    const registration: PlanDoc['deadlines'][number] = {
      what: 'Các cơ quan, đơn vị đăng ký thi đua',
      from: null,
      to: 'UBND xã',
      day: 31,
      month: 3,
      year: null,
      recurrence: 'yearly',
      qualifier: 'by',
      text: 'chậm nhất ngày 31/3 hằng năm',
    };
    const v2 = (
      await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, {
        version: p.version,
        doc: { ...doc, date: '2025-08-21', deadlines: [...doc.deadlines, registration] },
      })
    ).json() as PlanDetail;
    const r = await preview(v2);
    const index = v2.doc.deadlines.length - 1;
    expect(r.beforeIssue).toEqual([{ index, what: registration.what, dueDate: '2025-03-31' }]);
    const days = r.added.filter((a) => a.title.startsWith(registration.what)).map((a) => a.dueDate);
    expect(days).toEqual(['2026-03-31', '2027-03-31', '2028-03-31', '2029-03-31', '2030-03-31']);
    // A plan with no date of issue keeps every year (nothing to compare with).
    const undated = (await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, { version: v2.version, doc: { ...v2.doc, date: null } })).json() as PlanDetail;
    const r2 = await preview(undated);
    expect(r2.beforeIssue).toEqual([]);
    expect(r2.added.filter((a) => a.title.startsWith(registration.what)).map((a) => a.dueDate)).toContain('2025-03-31');
  });

  it('an addressee line that names no body the commune has is flagged, given to every participant, and recorded when published', async () => {
    const p = await imported('000_d8b7d3d9952b7702.txt');
    const doc = dated(p.doc);
    const market = { ...doc.deadlines[1]!, from: 'Ban quản lý chợ Gia Phúc' };
    const school = { ...doc.deadlines[1]!, from: `${SCHOOL} và ban quản lý chợ`, day: 20 };
    const v2 = (
      await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, { version: p.version, doc: { ...doc, deadlines: [doc.deadlines[0]!, market, school] } })
    ).json() as PlanDetail;
    const r = await preview(v2);
    expect(r.deadlines.map((d) => [d.from, d.how])).toEqual([
      [doc.deadlines[0]!.from, expect.not.stringMatching(/^unread$/u)],
      ['Ban quản lý chợ Gia Phúc', 'unread'],
      [`${SCHOOL} và ban quản lý chợ`, 'named'],
    ]);
    // Unread: every participant (as many as the reviews go to), but flagged; a unit named in full is read by its name.
    expect(r.deadlines[1]!.units).toBe(r.reviews[0]!.units);
    expect(owners(r)[1]![1]).toEqual(expect.arrayContaining([OFFICE, SCHOOL, CENTRE, FIRM, YOUTH]));
    expect(owners(r)[2]![1]).toEqual([SCHOOL]);
    const res = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: v2.version, resolutions: answers(v2) });
    expect(res.statusCode, res.body).toBe(200);
    const audit = rowsOf<{ after: { addresseeUnread: string[] } }>(
      await t.database.system.execute(sql`select after from audit_entry where entity_type = 'plan' and entity_id = ${p.id} and action = 'publish'`),
    );
    expect(audit.map((a) => a.after.addresseeUnread)).toEqual([['Ban quản lý chợ Gia Phúc']]);
  });

  it('003: the two contradicting dates of the unit plan ask which one stands; the choice decides the due items', async () => {
    const p = await imported('003_52b1619693e432af.txt');
    const conflict = p.conflicts.find((c) => c.key.startsWith('dates:'))!;
    expect(conflict.message).toContain('trước ngày 18/7/2025');
    expect(conflict.message).toContain('trong tháng 9/2025');
    const v2 = (await admin.patch(`/api/communes/${w.a.id}/plans/${p.id}`, { version: p.version, doc: dated(p.doc) })).json() as PlanDetail;
    const refused = await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: v2.version, dryRun: true, resolutions: {} });
    expect(refused.json().error.details.map((d: { field: string }) => d.field)).toContain(conflict.key);
    // Keep "trong tháng 9/2025": the 18/7 item is not scheduled.
    const resolutions = { ...answers(v2), [conflict.key]: conflict.options[1]!.value };
    const r = (await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: v2.version, dryRun: true, resolutions })).json() as PublishResult;
    expect(r.added.map((a) => a.dueDate)).toContain('2025-09-30');
    expect(r.added.map((a) => a.dueDate)).not.toContain('2025-07-17');
  });
});
