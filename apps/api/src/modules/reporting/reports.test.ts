import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/security';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { communeIndicator, indicatorRollup, indicatorValue } from '../indicators/indicators.table';
import { dueItem } from '../plans/plans.table';
import { dueItemId, multipartFile, openReportVia, PDF_BYTES, publishTemplatePlan } from '../../testing/kits/reports';

const MAX_UPLOAD = 64 * 1024;

/** Indicators of commune A for these tests (its own, so the national seed does not matter). */
const INDICATORS = [
  {
    code: 'T_BUOI',
    pillar: 'society',
    name: 'Số buổi hướng dẫn kỹ năng số',
    measure: 'buổi',
    direction: 'higher',
    aggregation: 'sum',
    integer: true,
    minValue: 0,
    maxValue: 500,
  },
  {
    code: 'T_TYLE_HS',
    pillar: 'gov',
    name: 'Tỷ lệ hồ sơ trực tuyến',
    measure: '%',
    direction: 'higher',
    aggregation: 'average',
    integer: false,
    minValue: null,
    maxValue: null,
  },
  {
    code: 'T_KNS',
    pillar: 'society',
    name: 'Tỷ lệ người trưởng thành có kỹ năng số cơ bản',
    measure: '%',
    direction: 'higher',
    aggregation: 'ratio',
    integer: true,
    numeratorLabel: 'Số người có kỹ năng số cơ bản',
    denominatorLabel: 'Số người trưởng thành',
  },
  {
    code: 'T_DAOTAO',
    pillar: 'society',
    name: 'Độ phủ đào tạo',
    measure: '%',
    direction: 'higher',
    aggregation: 'ratio',
    integer: false,
    source: 'derived',
    providerKey: 'training.coverage',
  },
] as const;

describe(`reports (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let focal: Client;
  let team: Client;
  let viewer: Client;
  let planId: string;
  const A = () => `/api/communes/${w.a.id}`;
  const R = (id: string) => `${A()}/reports/${id}`;
  const open = async (client: Client, unitId: string, year: number) =>
    openReportVia(client, w.a.id, await dueItemId(t.database.db, planId, unitId, { kind: 'report', year }));
  const sections = (text: string) => [{ key: 'ket_qua', title: 'Kết quả triển khai thực hiện phong trào', text }];
  const sys = <T>(fn: Parameters<typeof inScope<T>>[2]) => inScope(t.database.db, SYSTEM_SCOPE, fn);

  beforeAll(async () => {
    // The school year's middle: the 2026 report is due later this year, so submitting now is on time.
    t = await createTestApp({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD), CLOCK_AT: '2026-06-15T09:00:00+07:00' });
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    team = await loginAs(t, 'a.team', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    await sys((tx) => tx.insert(communeIndicator).values(INDICATORS.map((i, n) => ({ communeId: w.a.id, sortOrder: n, ...i }))));
    planId = await publishTemplatePlan(admin, w.a.id);
  }, 180_000);
  afterAll(async () => t?.close());

  it('opens a report once, however often and however concurrently it is opened, with default sections', async () => {
    const due = await dueItemId(t.database.db, planId, w.aSchool.id, { kind: 'report', year: 2030 });
    const [x, y, z] = await Promise.all([0, 1, 2].map(() => focal.post(`${A()}/due-items/${due}/report`)));
    expect([x!.statusCode, y!.statusCode, z!.statusCode]).toEqual([200, 200, 200]);
    expect(new Set([x!.json().id, y!.json().id, z!.json().id]).size).toBe(1);
    const r = x!.json();
    expect(r).toMatchObject({
      status: 'draft',
      version: 1,
      kind: 'report',
      cadence: 'yearly',
      year: 2030,
      period: 0,
      unitId: w.aSchool.id,
      unitName: 'Trường Tiểu học',
      can: { edit: true, submit: true, review: false },
    });
    expect(r.sections.map((s: { title: string }) => s.title)).toContain('Khó khăn, vướng mắc và nguyên nhân');
    expect(r.form.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(['T_BUOI', 'T_KNS']));
    expect(r.form.map((f: { code: string }) => f.code)).not.toContain('T_DAOTAO');
    expect(r.form.find((f: { code: string }) => f.code === 'T_KNS')).toMatchObject({
      ratio: true,
      numeratorLabel: 'Số người có kỹ năng số cơ bản',
      denominatorLabel: 'Số người trưởng thành',
    });
    expect((await focal.get(`${R(r.id)}/versions`)).json().items).toHaveLength(1);
  });

  it('runs the full cycle draft → submit → return → resubmit → accept → reopen, keeping every version', async () => {
    const r = await open(focal, w.aSchool.id, 2026);
    const saved = await focal.patch(R(r.id), {
      version: r.version,
      sections: sections('Đã tổ chức 12 buổi.'),
      values: [
        { code: 'T_BUOI', value: 12 },
        { code: 'T_KNS', numerator: '300', denominator: 1000 },
      ],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      values: [
        { code: 'T_BUOI', value: 12 },
        { code: 'T_KNS', value: null, numerator: 300, denominator: 1000 },
      ],
    });
    const submitted = await focal.post(`${R(r.id)}/submit`, { version: 2 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 3, late: false });
    expect(submitted.json().submittedAt).toBeTruthy();
    // A retried submit (same version, same user) answers as the first did and writes nothing: never a second submission.
    const retried = await focal.post(`${R(r.id)}/submit`, { version: 2 });
    expect([retried.statusCode, retried.json().status, retried.json().version]).toEqual([200, 'submitted', 3]);
    // Someone else's act from that version is stale.
    expect((await admin.post(`${R(r.id)}/submit`, { version: 2 })).json().error.code).toBe('STALE_VERSION');
    // The focal point does not review.
    expect((await focal.post(`${R(r.id)}/accept`, { version: 3 })).statusCode).toBe(403);
    expect((await admin.post(`${R(r.id)}/return`, { version: 3, comment: '' })).statusCode).toBe(400);
    const returned = await admin.post(`${R(r.id)}/return`, { version: 3, comment: 'Bổ sung số liệu quý IV.' });
    expect(returned.json()).toMatchObject({ status: 'returned', version: 4, reviewComment: 'Bổ sung số liệu quý IV.' });
    // Returned, the report is the unit's to correct: the commune office neither edits nor resubmits it (403, nothing written).
    expect((await admin.patch(R(r.id), { version: 4, sections: sections('Sửa hộ.') })).statusCode).toBe(403);
    expect((await admin.post(`${R(r.id)}/submit`, { version: 4 })).statusCode).toBe(403);
    expect(returned.json().can).toMatchObject({ edit: false, submit: false, review: false });
    // The unit is told, in the app, with a link to the report; the reviewer was told of the submission.
    const told = (await focal.get('/api/notifications')).json().items as { title: string; link: string }[];
    expect(told.filter((n) => n.link === `/reports/${r.id}`).map((n) => n.title)).toEqual(['Báo cáo bị trả lại']);
    expect(((await admin.get('/api/notifications')).json().items as { link: string }[]).filter((n) => n.link === `/reports/${r.id}`)).toHaveLength(1);
    const fixed = await focal.patch(R(r.id), {
      version: 4,
      values: [
        { code: 'T_BUOI', value: 15 },
        { code: 'T_KNS', numerator: 320, denominator: 1000 },
      ],
    });
    expect(fixed.json()).toMatchObject({ status: 'returned', version: 5 });
    expect((await focal.post(`${R(r.id)}/submit`, { version: 5 })).json()).toMatchObject({ status: 'submitted', version: 6 });
    const accepted = await admin.post(`${R(r.id)}/accept`, { version: 6 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 7, can: { edit: false, reopen: true } });
    // The retried accept writes nothing (the version list and the audit below have one accept); a stale return is refused.
    expect((await admin.post(`${R(r.id)}/accept`, { version: 6 })).json()).toMatchObject({ status: 'accepted', version: 7 });
    expect((await admin.post(`${R(r.id)}/return`, { version: 6, comment: 'x' })).json().error.code).toBe('STALE_VERSION');
    const values = await sys((tx) => tx.select().from(indicatorValue).where(eq(indicatorValue.reportId, r.id)));
    expect(values.map((v) => [v.indicatorCode, v.value, v.numerator, v.denominator, v.sourceKey]).sort()).toEqual([
      ['T_BUOI', 15, null, null, `report:${r.id}`],
      ['T_KNS', null, 320, 1000, `report:${r.id}`],
    ]);
    expect((await admin.post(`${R(r.id)}/reopen`, { version: 7, reason: ' ' })).statusCode).toBe(400);
    const reopened = await admin.post(`${R(r.id)}/reopen`, { version: 7, reason: 'Số liệu sai, đơn vị cần sửa.' });
    // Back with the unit: its own focal point corrects and resubmits; the commune office no longer edits it.
    expect(reopened.json()).toMatchObject({ status: 'returned', version: 8, can: { edit: false, submit: false } });
    expect((await focal.get(R(r.id))).json().can).toMatchObject({ edit: true, submit: true, review: false });
    expect(await sys((tx) => tx.select().from(indicatorValue).where(eq(indicatorValue.reportId, r.id)))).toEqual([]);
    const versions = (await viewer.get(`${R(r.id)}/versions`)).json().items;
    expect(versions.map((v: { action: string }) => v.action)).toEqual(['reopen', 'accept', 'submit', 'save', 'return', 'submit', 'save', 'create']);
    expect(versions.find((v: { version: number }) => v.version === 2).values[0]).toMatchObject({ code: 'T_BUOI', value: 12 });
    expect(versions[0]).toMatchObject({ comment: 'Số liệu sai, đơn vị cần sửa.', createdByName: expect.any(String) });
    const audit = rowsOf<{ action: string }>(
      await t.database.system.execute(sql`select action from audit_entry where entity_type = 'report' and entity_id = ${r.id} order by id`),
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'save', 'submit', 'return', 'save', 'submit', 'accept', 'reopen']);
  });

  it('marks a submission after the deadline late (allowed), and the due-item list shows late and missing items', async () => {
    const past = await open(focal, w.aSchool.id, 2025);
    await focal.patch(R(past.id), { version: 1, sections: sections('Báo cáo năm 2025.') });
    const sub = await focal.post(`${R(past.id)}/submit`, { version: 2 });
    expect(sub.statusCode).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', late: true });
    // A due item not yet due is not late while missing; once its instant passes it is.
    const officeDue = await dueItemId(t.database.db, planId, w.aOffice.id, { kind: 'report', year: 2027 });
    const row = async () => (await admin.get(`${A()}/due-items?unitId=${w.aOffice.id}&year=2027&kind=report&cadence=yearly`)).json().items[0];
    expect(await row()).toMatchObject({
      id: officeDue,
      status: 'missing',
      late: false,
      report: null,
      unitName: 'Phòng Văn hóa - Xã hội',
      dueDate: '2027-12-04',
    });
    await sys((tx) => tx.update(dueItem).set({ lateAfter: '2024-01-01T00:00:00Z' }).where(eq(dueItem.id, officeDue)));
    expect(await row()).toMatchObject({ status: 'missing', late: true });
    const list = (await admin.get(`${A()}/due-items?year=2025&kind=report&status=submitted`)).json();
    expect(list.items.map((i: { unitId: string }) => i.unitId)).toEqual([w.aSchool.id]);
    expect(list.items[0]).toMatchObject({ late: true, report: { id: past.id, status: 'submitted', late: true }, canWrite: true });
  });

  it("refuses the second of two saves from the same version, keeping the first one's content", async () => {
    const r = await open(focal, w.aSchool.id, 2027);
    const first = await focal.patch(R(r.id), { version: 1, sections: sections('Nội dung của người thứ nhất.') });
    expect(first.statusCode).toBe(200);
    const second = await admin.patch(R(r.id), { version: 1, sections: sections('Nội dung của người thứ hai.') });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('STALE_VERSION');
    expect(second.json().error.message).toMatch(/tải lại/u);
    const now = (await focal.get(R(r.id))).json();
    expect(now).toMatchObject({ version: 2, sections: [{ text: 'Nội dung của người thứ nhất.' }] });
    expect((await focal.get(`${R(r.id)}/versions`)).json().items).toHaveLength(2);
  });

  it('refuses bad figures with a Vietnamese message naming the indicator, and writes nothing', async () => {
    const r = await open(focal, w.aSchool.id, 2028);
    const bad = async (values: unknown[]) => {
      const res = await focal.patch(R(r.id), { version: 1, values });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      return res.json().error as { message: string; details: { field: string; message: string }[] };
    };
    expect((await bad([{ code: 'KHONG_CO', value: 1 }])).details[0]).toMatchObject({ field: 'values.0.code', message: expect.stringContaining('KHONG_CO') });
    expect((await bad([{ code: 'T_BUOI', value: 'mười hai' }])).details[0]).toMatchObject({
      field: 'values.0.value',
      message: expect.stringMatching(/Số buổi hướng dẫn.*phải là một số/u),
    });
    expect((await bad([{ code: 'T_BUOI', value: 12.5 }])).message).toMatch(/Số buổi hướng dẫn kỹ năng số.*số nguyên/u);
    expect((await bad([{ code: 'T_BUOI', value: 501 }])).message).toMatch(/Số buổi hướng dẫn kỹ năng số.*không được vượt quá 500/u);
    expect((await bad([{ code: 'T_BUOI', value: -1 }])).message).toMatch(/phải từ 0/u);
    expect((await bad([{ code: 'T_TYLE_HS', value: 120 }])).message).toMatch(/Tỷ lệ hồ sơ trực tuyến.*vượt quá 100%/u);
    expect((await bad([{ code: 'T_KNS', value: 30 }])).details[0]).toMatchObject({
      field: 'values.0.value',
      message: expect.stringMatching(/tử số.*mẫu số/u),
    });
    expect((await bad([{ code: 'T_KNS', numerator: 30 }])).details[0]).toMatchObject({
      field: 'values.0.denominator',
      message: expect.stringContaining('Tỷ lệ người trưởng thành có kỹ năng số cơ bản'),
    });
    expect((await bad([{ code: 'T_KNS', numerator: 0, denominator: 0 }])).details[0]).toMatchObject({
      field: 'values.0.denominator',
      message: expect.stringMatching(/Mẫu số.*bằng 0/u),
    });
    expect((await bad([{ code: 'T_KNS', numerator: 30, denominator: -5 }])).message).toMatch(/không được âm/u);
    expect((await bad([{ code: 'T_KNS', numerator: 1200, denominator: 1000 }])).message).toMatch(/lớn hơn mẫu số/u);
    expect((await bad([{ code: 'T_DAOTAO', numerator: 1, denominator: 2 }])).message).toMatch(/Độ phủ đào tạo.*tự động/u);
    expect(
      (
        await bad([
          { code: 'T_BUOI', value: 1 },
          { code: 'T_BUOI', value: 2 },
        ])
      ).details[0]!.field,
    ).toBe('values.1.code');
    // Several problems at once are all listed.
    expect(
      (
        await bad([
          { code: 'T_BUOI', value: 1.5 },
          { code: 'T_TYLE_HS', value: 101 },
        ])
      ).details.map((d) => d.field),
    ).toEqual(['values.0.value', 'values.1.value']);
    expect((await focal.get(R(r.id))).json()).toMatchObject({ version: 1, values: [] });
    // Empty figures are fine in a draft; a decimal comma is read.
    const ok = await focal.patch(R(r.id), {
      version: 1,
      values: [
        { code: 'T_BUOI', value: null },
        { code: 'T_TYLE_HS', value: '87,5' },
        { code: 'T_KNS', numerator: null, denominator: null },
      ],
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().values).toEqual([{ code: 'T_TYLE_HS', value: 87.5, numerator: null, denominator: null, note: null }]);
    // Submitting needs some narrative.
    const empty = await focal.post(`${R(r.id)}/submit`, { version: 2 });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('sections');
  });

  it('locks accepted reports and keeps submitted ones out of reach until returned', async () => {
    const r = await open(focal, w.aSchool.id, 2029);
    await focal.patch(R(r.id), { version: 1, sections: sections('Nội dung.') });
    await focal.post(`${R(r.id)}/submit`, { version: 2 });
    const whileSubmitted = await focal.patch(R(r.id), { version: 3, sections: sections('Sửa khi đã nộp.') });
    expect([whileSubmitted.statusCode, whileSubmitted.json().error.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await focal.post(`${R(r.id)}/submit`, { version: 3 })).json().error.code).toBe('INVALID_TRANSITION');
    expect((await admin.post(`${R(r.id)}/reopen`, { version: 3, reason: 'x' })).json().error.code).toBe('INVALID_TRANSITION');
    await admin.post(`${R(r.id)}/accept`, { version: 3 });
    for (const res of [
      await focal.patch(R(r.id), { version: 4, sections: sections('Sửa sau khi khóa.') }),
      await focal.post(`${R(r.id)}/submit`, { version: 4 }),
      await admin.post(`${R(r.id)}/return`, { version: 4, comment: 'x' }),
    ]) {
      expect([res.statusCode, res.json().error.code]).toEqual([409, 'REPORT_LOCKED']);
      expect(res.json().error.message).toMatch(/khóa/u);
    }
    expect((await focal.get(R(r.id))).json()).toMatchObject({ status: 'accepted', version: 4, sections: [{ text: 'Nội dung.' }] });
  });

  it('lets unit roles write only in their own subtree, other communes see nothing, viewers only read', async () => {
    const office = await open(admin, w.aOffice.id, 2026);
    expect((await focal.patch(R(office.id), { version: 1, sections: sections('x') })).statusCode).toBe(403);
    expect((await focal.post(`${R(office.id)}/submit`, { version: 1 })).statusCode).toBe(403);
    const officeDue = await dueItemId(t.database.db, planId, w.aOffice.id, { kind: 'report', year: 2028 });
    expect((await focal.post(`${A()}/due-items/${officeDue}/report`)).statusCode).toBe(403);
    // The digital team writes its own reports, not the school's; the village's admin-level writer may write both.
    const school = await open(focal, w.aSchool.id, 2026);
    expect((await team.patch(R(school.id), { version: school.version, sections: sections('x') })).statusCode).toBe(403);
    const teamReport = await open(team, w.aTeam.id, 2026);
    expect((await team.patch(R(teamReport.id), { version: 1, sections: sections('Tổ đã hỗ trợ 40 người.') })).statusCode).toBe(200);
    // Reading is open to every commune role; the lists say who may write what.
    expect((await focal.get(R(office.id))).json().can).toMatchObject({ edit: false, submit: false });
    const mine = (await focal.get(`${A()}/due-items?year=2026&kind=report`)).json().items as { unitId: string; canWrite: boolean }[];
    expect(mine.filter((i) => i.canWrite).map((i) => i.unitId)).toEqual([w.aSchool.id]);
    expect((await viewer.get(R(office.id))).statusCode).toBe(200);
    expect((await viewer.patch(R(office.id), { version: 1, sections: sections('x') })).statusCode).toBe(403);
    expect((await viewer.post(`${A()}/due-items/${officeDue}/report`)).statusCode).toBe(403);
    const c = await loginAs(t, 'c.admin', PASSWORD);
    expect((await c.get(R(office.id))).statusCode).toBe(404);
    expect((await c.patch(R(office.id), { version: 1, sections: sections('x') })).statusCode).toBe(404);
    expect((await c.post(`${A()}/due-items/${officeDue}/report`)).statusCode).toBe(404);
    expect((await c.get(`/api/communes/${w.c.id}/reports/${office.id}`)).statusCode).toBe(404);
    expect((await c.get(`${A()}/due-items`)).statusCode).toBe(404);
  });

  it('accepting writes indicator values and the live roll-up (ratios sum numerators and denominators); reopening removes them', async () => {
    const rollup = async () =>
      (
        await sys((tx) =>
          tx
            .select()
            .from(indicatorRollup)
            .where(and(eq(indicatorRollup.communeId, w.a.id), eq(indicatorRollup.year, 2031))),
        )
      )
        .map((r) => [r.indicatorCode, r.sumValue, r.sumNumerator, r.sumDenominator, r.n])
        .sort();
    // Reports for 2031 come from a due item added by hand (the plan covers 2025-2030).
    const items = await sys((tx) =>
      tx
        .insert(dueItem)
        .values(
          [w.aSchool.id, w.aVillage.id].map((unitId) => ({
            communeId: w.a.id,
            planId,
            unitId,
            kind: 'report',
            deadlineKey: 'test:2031',
            title: 'Báo cáo năm 2031',
            dueDate: '2031-12-04',
            lateAfter: '2031-12-04T17:00:00Z',
            year: 2031,
            cadence: 'yearly',
            planVersion: 1,
          })),
        )
        .returning(),
    );
    const fill = async (dueId: string, kns: [number, number], buoi: number) => {
      const r = await openReportVia(admin, w.a.id, dueId);
      await admin.patch(R(r.id), {
        version: 1,
        sections: sections('Nội dung.'),
        values: [
          { code: 'T_KNS', numerator: kns[0], denominator: kns[1] },
          { code: 'T_BUOI', value: buoi },
        ],
      });
      await admin.post(`${R(r.id)}/submit`, { version: 2 });
      expect((await admin.post(`${R(r.id)}/accept`, { version: 3 })).statusCode).toBe(200);
      return r.id;
    };
    const school = await fill(items[0]!.id, [300, 1000], 10);
    expect(await rollup()).toEqual([
      ['T_BUOI', 10, 0, 0, 1],
      ['T_KNS', 0, 300, 1000, 1],
    ]);
    await fill(items[1]!.id, [150, 500], 4);
    expect(await rollup()).toEqual([
      ['T_BUOI', 14, 0, 0, 2],
      ['T_KNS', 0, 450, 1500, 2],
    ]);
    expect((await admin.post(`${R(school)}/reopen`, { version: 4, reason: 'Trường báo cáo nhầm số liệu.' })).statusCode).toBe(200);
    expect(await rollup()).toEqual([
      ['T_BUOI', 4, 0, 0, 1],
      ['T_KNS', 0, 150, 500, 1],
    ]);
  });

  it('files unit plans: a summary and a pdf/docx/doc/odt file, uploaded and downloaded', async () => {
    const due = await dueItemId(t.database.db, planId, w.aSchool.id, { kind: 'unit_plan' });
    const r = await openReportVia(focal, w.a.id, due);
    const opened = (await focal.get(R(r.id))).json();
    expect(opened).toMatchObject({ kind: 'unit_plan', cadence: 'once', sections: [], form: [], file: null });
    const missing = await focal.post(`${R(r.id)}/submit`, { version: 1 });
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['summary', 'file']);
    expect((await focal.patch(R(r.id), { version: 1, values: [{ code: 'T_BUOI', value: 1 }] })).statusCode).toBe(400);
    const upload = (name: string, content: Buffer | string) => focal.request('POST', `${R(r.id)}/file`, ...multipartFile(name, content));
    expect((await upload('ke-hoach.xlsx', 'PK\u0003\u0004')).statusCode).toBe(415);
    expect((await upload('ke-hoach.pdf', 'không phải PDF')).statusCode).toBe(415);
    expect((await upload('ke-hoach.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_UPLOAD)]))).statusCode).toBe(413);
    expect((await team.request('POST', `${R(r.id)}/file`, ...multipartFile('ke-hoach.pdf', PDF_BYTES))).statusCode).toBe(403);
    const up = await upload('Kế hoạch trường.pdf', PDF_BYTES);
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ version: 2, file: { name: 'Kế hoạch trường.pdf', mime: 'application/pdf', size: PDF_BYTES.length } });
    const down = await viewer.get(`${R(r.id)}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(String(down.headers['content-disposition'])).toContain(`filename*=UTF-8''${encodeURIComponent('Kế hoạch trường.pdf')}`);
    expect(Buffer.compare(down.rawPayload, PDF_BYTES)).toBe(0);
    await focal.patch(R(r.id), { version: 2, summary: 'Trường triển khai 5 nhóm nhiệm vụ chuyển đổi số.' });
    expect((await focal.post(`${R(r.id)}/submit`, { version: 3 })).json()).toMatchObject({ status: 'submitted', kind: 'unit_plan' });
    const c = await loginAs(t, 'c.admin', PASSWORD);
    expect((await c.get(`${R(r.id)}/file`)).statusCode).toBe(404);
    // Reports other than unit plans take no file.
    const report = await open(focal, w.aSchool.id, 2026);
    expect((await focal.request('POST', `${R(report.id)}/file`, ...multipartFile('a.pdf', PDF_BYTES))).statusCode).toBe(400);
  });

  it('lists reports for review with filters and search, paginated', async () => {
    const all = (await admin.get(`${A()}/reports?pageSize=200`)).json();
    expect(all.total).toBeGreaterThanOrEqual(8);
    const dates = all.items.map((i: { dueDate: string }) => i.dueDate);
    expect(dates).toEqual([...dates].sort());
    const submitted = (await admin.get(`${A()}/reports?status=submitted&kind=report`)).json();
    expect(submitted.items.every((i: { status: string; kind: string }) => i.status === 'submitted' && i.kind === 'report')).toBe(true);
    const search = (await admin.get(`${A()}/reports?q=tieu hoc&year=2026&kind=report`)).json();
    expect(search.items.map((i: { unitId: string }) => i.unitId)).toEqual([w.aSchool.id]);
    const village = (await admin.get(`${A()}/reports?unitId=${w.aVillage.id}&year=2026`)).json();
    expect(village.items.map((i: { unitId: string }) => i.unitId)).toEqual([w.aTeam.id]);
    const page = (await admin.get(`${A()}/reports?page=2&pageSize=2`)).json();
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: all.total });
    expect(page.items).toHaveLength(2);
    expect((await admin.get(`${A()}/reports?status=bogus`)).statusCode).toBe(400);
    const due = (await admin.get(`${A()}/due-items?status=missing&kind=report&year=2030&cadence=yearly&unitId=${w.aVillage.id}`)).json();
    expect(due.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual([w.aVillage.id, w.aTeam.id].sort());
    // 2030 also holds the final review: its reports are due from the same units, on the confirmed day.
    const final = (await admin.get(`${A()}/due-items?kind=report&year=2030&cadence=final&unitId=${w.aVillage.id}`)).json();
    expect(final.items.map((i: { unitId: string; title: string }) => [i.unitId, i.title]).sort()).toEqual(
      [w.aVillage.id, w.aTeam.id].sort().map((id) => [id, 'Báo cáo tổng kết phong trào thi đua năm 2030']),
    );
  });
  it("the report list's can.review is exactly whether the review routes would take this user's review (return of a draft: refused for its state, not for the user)", async () => {
    await makeUser(t.database.db, {
      username: 'two.communes',
      password: PASSWORD,
      roles: [
        { role: 'commune_admin', communeId: w.b.id },
        { role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id },
      ],
    });
    const r = await open(admin, w.aOffice.id, 2030);
    expect((await admin.get(`${A()}/reports`)).json().can).toEqual({ review: true });
    expect((await focal.get(`${A()}/reports`)).json().can).toEqual({ review: false });
    const two = await loginAs(t, 'two.communes', PASSWORD);
    expect((await two.get(`${A()}/reports`)).json().can.review).toBe(false);
    expect((await two.get(`/api/communes/${w.b.id}/reports`)).json().can.review).toBe(true);
    expect((await (await loginAs(t, 'c.admin', PASSWORD)).get(`${A()}/reports`)).statusCode).toBe(404);
    let reviewers = 0;
    for (const username of [...Object.keys(w.users), 'two.communes']) {
      const c = await loginAs(t, username, PASSWORD);
      const list = await c.get(`${A()}/reports`);
      const review = list.statusCode === 200 ? list.json().can.review : false;
      const cur = (await admin.get(R(r.id))).json();
      const res = await c.post(`${R(r.id)}/return`, { version: cur.version, comment: 'Thử quyền' });
      expect(res.statusCode, `${username}: ${res.body}`).not.toBe(200);
      expect(review, `${username}: can.review vs return ${res.statusCode} ${res.body}`).toBe(![403, 404].includes(res.statusCode));
      if (review) reviewers++;
    }
    expect(reviewers).toBeGreaterThan(0);
    expect((await admin.get(R(r.id))).json().status).toBe('draft');
  });
});
