import { and, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDoc } from '@tds/contracts';
import { rowsOf } from '../../db/security';
import { auditEntry } from '../../platform/audit.table';
import { resolveSession } from '../../platform/session';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makeUser } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { publishTemplatePlan } from '../../testing/kits/reports';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { plan } from '../plans/plans.table';
import { appUser } from '../users/users.table';
import { communeDueItemsFor } from './commune-due-items';
import { figuresYears, gatherSections } from './gather-figures';
import { communeDueItem, communeReport, communeReportVersion } from './commune-reports.table';
import { listProvinceCommuneReports } from './list-province-commune-reports';
import { submitCommuneReport } from './submit-commune-report';

describe(`commune reports to the province (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let focal: Client;
  let viewer: Client;
  let province1: Client;
  let province2: Client;
  let bAdmin: Client;
  let twoCommunes: Client;
  let planId: string;
  const A = () => `/api/communes/${w.a.id}/commune-reports`;
  const P1 = () => `/api/provinces/${w.p1.id}/commune-reports`;
  const sys = <T>(fn: Parameters<typeof inScope<T>>[2]) => inScope(t.database.db, SYSTEM_SCOPE, fn);
  /** The id of A's report of a period. */
  const reportOf = async (periodKind: string, year: number) =>
    (
      await sys((tx) =>
        tx
          .select({ id: communeReport.id })
          .from(communeReport)
          .where(and(eq(communeReport.communeId, w.a.id), eq(communeReport.periodKind, periodKind), eq(communeReport.year, year))),
      )
    )[0]!.id;
  const versions = async (id: string) =>
    (await sys((tx) => tx.select({ n: count() }).from(communeReportVersion).where(eq(communeReportVersion.reportId, id))))[0]!.n;
  const audits = async (id: string) => (await sys((tx) => tx.select({ n: count() }).from(auditEntry).where(eq(auditEntry.entityId, id))))[0]!.n;

  beforeAll(async () => {
    // Mail goes to the outbox only (no sender runs in this test): a port nobody listens on is enough.
    t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: '9' });
    w = await buildWorld(t.database.db);
    await sys((tx) => tx.update(appUser).set({ email: 'vhxh@a.example.vn' }).where(eq(appUser.id, w.users['a.admin']!.id)));
    admin = await loginAs(t, 'a.admin', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    province1 = await loginAs(t, 'province1', PASSWORD);
    bAdmin = await loginAs(t, 'b.admin', PASSWORD);
    await makeUser(t.database.db, {
      username: 'province2',
      password: PASSWORD,
      provinceId: w.p2.id,
      roles: [{ role: 'province_officer', provinceId: w.p2.id }],
    });
    province2 = await loginAs(t, 'province2', PASSWORD);
    await makeUser(t.database.db, {
      username: 'admin-a.viewer-b',
      password: PASSWORD,
      roles: [
        { role: 'commune_admin', communeId: w.a.id },
        { role: 'viewer', communeId: w.b.id },
      ],
    });
    twoCommunes = await loginAs(t, 'admin-a.viewer-b', PASSWORD);
    planId = await publishTemplatePlan(admin, w.a.id);
    await publishTemplatePlan(await loginAs(t, 'b.admin', PASSWORD), w.b.id);
  }, 180_000);
  afterAll(async () => t?.close());

  it('a published plan gives the commune a yearly report per year, a mid-term and a final review, each with a draft; publishing again duplicates nothing', async () => {
    const items = await sys((tx) => tx.select().from(communeDueItem).where(eq(communeDueItem.communeId, w.a.id)));
    expect(items.map((i) => `${i.periodKind}:${i.year}:${i.dueDate}`).sort()).toEqual([
      'final:2030:2030-12-15',
      'midterm:2027:2027-12-15',
      'year:2025:2025-12-15',
      'year:2026:2026-12-15',
      'year:2027:2027-12-15',
      'year:2028:2028-12-15',
      'year:2029:2029-12-15',
      'year:2030:2030-12-15',
    ]);
    const [p] = await sys((tx) => tx.select({ v: plan.currentVersion }).from(plan).where(eq(plan.id, planId)));
    const again = await admin.post(`/api/communes/${w.a.id}/plans/${planId}/publish`, { version: p!.v });
    expect(again.statusCode).toBe(200);
    expect((await sys((tx) => tx.select({ n: count() }).from(communeDueItem).where(eq(communeDueItem.communeId, w.a.id))))[0]!.n).toBe(8);
    expect((await sys((tx) => tx.select({ n: count() }).from(communeReport).where(eq(communeReport.communeId, w.a.id))))[0]!.n).toBe(8);
    const list = await admin.get(`${A()}?period=year&pageSize=3`);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 6, pageSize: 3, can: { write: true } });
    expect(list.json().items[0]).toMatchObject({ periodKind: 'year', year: 2025, status: 'draft', dueDate: '2025-12-15' });
  });

  it("takes the plan's own deadline when the commune itself owes it", async () => {
    const doc = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json() as PlanDoc;
    const own: PlanDoc['deadlines'][number] = {
      what: 'Báo cáo kết quả thực hiện phong trào',
      from: 'Phòng Văn hóa - Xã hội',
      to: 'UBND thành phố',
      day: 10,
      month: 12,
      year: null,
      recurrence: 'yearly',
      qualifier: 'before',
      text: 'Phòng Văn hóa - Xã hội tổng hợp báo cáo trước ngày 10/12 hằng năm',
    };
    const items = communeDueItemsFor([{ ...doc, deadlines: [...doc.deadlines, own] }]);
    expect(items.find((i) => i.periodKind === 'year' && i.year === 2026)).toMatchObject({ dueDate: '2026-12-09', lateAfter: '2026-12-09T17:00:00.000Z' });
    expect(communeDueItemsFor([doc]).find((i) => i.year === 2026)!.dueDate).toBe('2026-12-15');
  });

  it('runs submit → return (comment) → resubmit → accept, keeping every version, telling each side', async () => {
    const id = await reportOf('year', 2026);
    const R = `${A()}/${id}`;
    const before = (await admin.get(R)).json();
    expect(before).toMatchObject({ status: 'draft', version: 1, sections: [], can: { save: true, prepare: true, submit: true, return: false, accept: false } });
    // Nothing to submit yet: the sections come from the units' reports.
    const empty = await admin.post(`${R}/submit`, { version: 1 });
    expect([empty.statusCode, empty.json().error.details[0].field]).toEqual([400, 'sections']);

    const prepared = await admin.post(`${R}/prepare`, { version: 1 });
    expect(prepared.statusCode).toBe(200);
    expect(prepared.json().version).toBe(2);
    expect(prepared.json().sections).toHaveLength(1);
    expect(prepared.json().sections[0]).toMatchObject({ planId, text: '', figures: { year: 2026 } });
    expect(prepared.json().sections[0].figures.expected).toBeGreaterThan(0);

    const saved = await admin.patch(R, { version: 2, sections: [{ planId, text: 'Xã đã triển khai đầy đủ các nội dung.' }] });
    expect(saved.json()).toMatchObject({ version: 3, sections: [{ text: 'Xã đã triển khai đầy đủ các nội dung.' }] });
    const submitted = await admin.post(`${R}/submit`, { version: 3 });
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 4, can: { save: false, submit: false, return: false } });
    const at = submitted.json().submittedAt;
    expect(at).toBeTruthy();

    // The province's officers are told, and see it waiting.
    const bell = await province1.get('/api/notifications');
    expect(bell.json().items.map((n: { title: string }) => n.title)).toContain('Xã đã nộp báo cáo lên tỉnh');
    // Not another province's, nor the commune admin who submitted it.
    expect((await province2.get('/api/notifications')).json().items).toEqual([]);
    expect((await admin.get('/api/notifications')).json().items.map((n: { title: string }) => n.title)).not.toContain('Xã đã nộp báo cáo lên tỉnh');
    const todo = (await province1.get('/api/me/todo')).json();
    expect(todo.groups.find((g: { kind: string }) => g.kind === 'to_review').items.map((i: { href: string }) => i.href)).toContain(
      `/commune-reports/${w.a.id}/${id}`,
    );
    const listed = (await province1.get(`${P1()}?period=year&year=2026`)).json();
    expect(listed.counts).toMatchObject({ communes: 2, submitted: 1 });
    const rowA = listed.items.find((r: { communeId: string }) => r.communeId === w.a.id);
    expect(rowA).toMatchObject({ standing: 'submitted', report: { id, submittedAt: at, can: { return: true, accept: true } } });

    const noComment = await province1.post(`${P1()}/${id}/return`, { version: 4, comment: '   ' });
    expect([noComment.statusCode, noComment.json().error.details[0].field]).toEqual([400, 'comment']);
    const returned = await province1.post(`${P1()}/${id}/return`, { version: 4, comment: 'Bổ sung số liệu của các thôn.' });
    expect(returned.json()).toMatchObject({ status: 'returned', version: 5, reviewComment: 'Bổ sung số liệu của các thôn.' });

    // The commune sees the comment, in the report, its bell and its to-do.
    const seen = (await admin.get(R)).json();
    expect(seen).toMatchObject({ status: 'returned', reviewComment: 'Bổ sung số liệu của các thôn.', reviewerName: expect.any(String), can: { submit: true } });
    const aBell = (await admin.get('/api/notifications')).json();
    expect(aBell.items.map((n: { title: string }) => n.title)).toContain('Tỉnh trả lại báo cáo của xã');
    // ... and by mail, like a returned unit report.
    const mails = rowsOf<{ to_address: string; subject: string; body: string }>(
      await t.database.system.execute(sql`select to_address, subject, body from outbox_message where meta->>'kind' = 'workflow' and commune_id = ${w.a.id}`),
    );
    expect(mails).toEqual([
      { to_address: 'vhxh@a.example.vn', subject: 'Tỉnh trả lại báo cáo của xã', body: expect.stringContaining(`/commune-reports/${w.a.id}/${id}`) },
    ]);
    expect(mails[0]!.body).toContain('Bổ sung số liệu của các thôn.');
    const aTodo = (await admin.get('/api/me/todo')).json();
    expect(aTodo.groups.find((g: { kind: string }) => g.kind === 'returned').items).toEqual(
      expect.arrayContaining([expect.objectContaining({ note: 'Bổ sung số liệu của các thôn.', href: `/commune-reports/${w.a.id}/${id}` })]),
    );

    const resubmitted = await admin.post(`${R}/submit`, { version: 5 });
    expect(resubmitted.json()).toMatchObject({ status: 'submitted', version: 6, submittedAt: at });
    const accepted = await province1.post(`${P1()}/${id}/accept`, { version: 6 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 7, can: { save: false, submit: false, return: false, accept: false } });
    const locked = await admin.patch(R, { version: 7, sections: [{ planId, text: 'Sửa sau khi tiếp nhận.' }] });
    expect([locked.statusCode, locked.json().error.code]).toEqual([409, 'REPORT_LOCKED']);

    const history = (await admin.get(R)).json().versions;
    expect(history.map((v: { version: number; action: string }) => `${v.version}:${v.action}`)).toEqual([
      '7:accept',
      '6:submit',
      '5:return',
      '4:submit',
      '3:save',
      '2:prepare',
    ]);
    expect(history.find((v: { action: string }) => v.action === 'return').comment).toBe('Bổ sung số liệu của các thôn.');
    expect((await province1.get(`${P1()}?period=year&year=2026`)).json().counts).toMatchObject({ accepted: 1, submitted: 0 });
  });

  it('refuses a stale version with 409 and writes nothing; a retried transition answers as the first and writes nothing', async () => {
    const id = await reportOf('year', 2027);
    const R = `${A()}/${id}`;
    expect((await admin.post(`${R}/prepare`, { version: 1 })).statusCode).toBe(200);
    const [v0, a0] = [await versions(id), await audits(id)];
    const stale = await admin.patch(R, { version: 1, sections: [{ planId, text: 'Cũ.' }] });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'STALE_VERSION']);
    expect([await versions(id), await audits(id), (await admin.get(R)).json().version]).toEqual([v0, a0, 2]);

    await admin.patch(R, { version: 2, sections: [{ planId, text: 'Nội dung.' }] });
    const first = await admin.post(`${R}/submit`, { version: 3 });
    const [v1, a1] = [await versions(id), await audits(id)];
    const retry = await admin.post(`${R}/submit`, { version: 3 });
    expect([retry.statusCode, retry.json().version, retry.json().status, retry.json().submittedAt]).toEqual([200, 4, 'submitted', first.json().submittedAt]);
    expect([await versions(id), await audits(id)]).toEqual([v1, a1]);
    const acc = await province1.post(`${P1()}/${id}/accept`, { version: 4 });
    const again = await province1.post(`${P1()}/${id}/accept`, { version: 4 });
    expect([acc.statusCode, again.statusCode, again.json().version]).toEqual([200, 200, 5]);
    // Someone else's act on the same version is not a retry.
    const other = await admin.post(`${R}/submit`, { version: 3 });
    expect(other.statusCode).toBe(409);
  });

  it('keeps other communes, other provinces, unit roles and readers out', async () => {
    const id = await reportOf('year', 2028);
    const R = `${A()}/${id}`;
    expect((await bAdmin.get(R)).statusCode).toBe(404);
    expect((await bAdmin.patch(R, { version: 1, sections: [] })).statusCode).toBe(404);
    expect((await bAdmin.get(`/api/communes/${w.b.id}/commune-reports/${id}`)).statusCode).toBe(404);
    // The unit's focal point reads the commune's report but does not write it; a viewer neither.
    expect((await focal.get(R)).json().can).toEqual({ save: false, prepare: false, submit: false, return: false, accept: false });
    expect((await focal.post(`${R}/prepare`, { version: 1 })).statusCode).toBe(403);
    expect((await focal.post(`${R}/submit`, { version: 1 })).statusCode).toBe(403);
    expect((await viewer.post(`${R}/submit`, { version: 1 })).statusCode).toBe(403);
    // Commune users do not review: the permission is the province's.
    await admin.post(`${R}/prepare`, { version: 1 });
    await admin.patch(R, { version: 2, sections: [{ planId, text: 'Nội dung.' }] });
    await admin.post(`${R}/submit`, { version: 3 });
    expect((await admin.post(`${P1()}/${id}/accept`, { version: 4 })).statusCode).toBe(403);
    // Another province's officer sees neither province P1 nor its communes' reports.
    expect((await province2.get(`${P1()}?period=year`)).statusCode).toBe(404);
    expect((await province2.post(`${P1()}/${id}/return`, { version: 4, comment: 'Không được.' })).statusCode).toBe(404);
    expect((await province2.post(`/api/provinces/${w.p2.id}/commune-reports/${id}/accept`, { version: 4 })).statusCode).toBe(404);
    expect((await province2.get(R)).statusCode).toBe(404);
    expect((await sys((tx) => tx.select({ s: communeReport.status }).from(communeReport).where(eq(communeReport.id, id))))[0]!.s).toBe('submitted');
    // The province's officer reads it from the commune's side too, and may act on it only from there where `can` says so.
    expect((await province1.get(R)).json().can).toMatchObject({ save: false, submit: false, return: true, accept: true });
  });

  it('a user with roles in two communes may write one and only read the other', async () => {
    const idA = await reportOf('year', 2029);
    const [b] = await sys((tx) =>
      tx
        .select({ id: communeReport.id })
        .from(communeReport)
        .where(and(eq(communeReport.communeId, w.b.id), eq(communeReport.periodKind, 'year'), eq(communeReport.year, 2029))),
    );
    expect((await twoCommunes.get(`${A()}/${idA}`)).json().can).toMatchObject({ save: true, submit: true });
    const inB = await twoCommunes.get(`/api/communes/${w.b.id}/commune-reports/${b!.id}`);
    expect([inB.statusCode, inB.json().can.save, inB.json().can.submit]).toEqual([200, false, false]);
    expect((await twoCommunes.post(`/api/communes/${w.b.id}/commune-reports/${b!.id}/prepare`, { version: 1 })).statusCode).toBe(403);
    expect((await twoCommunes.post(`${A()}/${idA}/prepare`, { version: 1 })).statusCode).toBe(200);
  });

  it("a review gathers the plan's years: the mid-term 2025-2027, the final 2025-2030, counts added up and indicators of the last year", async () => {
    expect(figuresYears('midterm', 2027, { fromYear: 2025, toYear: 2030 })).toEqual([2025, 2026, 2027]);
    expect(figuresYears('final', 2030, { fromYear: 2026, toYear: 2030 })).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(figuresYears('final', 2030, { fromYear: 2025, toYear: 2028 })).toEqual([2025, 2026, 2027, 2028]);
    expect(figuresYears('year', 2026, { fromYear: 2025, toYear: 2030 })).toEqual([2026]);
    const now = new Date('2028-01-15T03:00:00Z');
    const gather = (periodKind: string, year: number) => sys((tx) => gatherSections(tx, w.a.id, { periodKind, year }, [], now));
    const [mid] = await gather('midterm', 2027);
    const yearly = [(await gather('year', 2025))[0]!, (await gather('year', 2026))[0]!, (await gather('year', 2027))[0]!];
    const sum = (k: 'expected' | 'onTime' | 'late' | 'missing' | 'accepted') => yearly.reduce((n, s) => n + s.figures![k], 0);
    expect(mid!.figures).toMatchObject({
      year: 2027,
      fromYear: 2025,
      expected: sum('expected'),
      onTime: sum('onTime'),
      late: sum('late'),
      missing: sum('missing'),
    });
    expect(mid!.figures!.accepted).toBe(sum('accepted'));
    expect(mid!.figures!.expected).toBeGreaterThan(yearly[2]!.figures!.expected);
    expect(mid!.figures!.indicators).toEqual(yearly[2]!.figures!.indicators);
    expect(yearly[1]!.figures).not.toHaveProperty('fromYear');
  });

  it('refuses hostile input: control characters naming the field, huge bodies, unknown fields', async () => {
    const id = await reportOf('midterm', 2027);
    const R = `${A()}/${id}`;
    await admin.post(`${R}/prepare`, { version: 1 });
    const ctl = await admin.patch(R, { version: 2, sections: [{ planId, text: 'Xin chào\u0000' }] });
    expect(ctl.statusCode).toBe(400);
    expect(ctl.json().error.details[0].field).toContain('sections');
    await admin.patch(R, { version: 2, sections: [{ planId, text: 'Nội dung sơ kết.' }] });
    await admin.post(`${R}/submit`, { version: 3 });
    const badComment = await province1.post(`${P1()}/${id}/return`, { version: 4, comment: 'Sửa\u0007 lại' });
    expect([badComment.statusCode, badComment.json().error.details[0].field]).toEqual([400, 'comment']);
    expect(badComment.json().error.message).toContain('Nhận xét');
    const huge = await province1.post(`${P1()}/${id}/return`, { version: 4, comment: 'x'.repeat(2_000_000) });
    expect(huge.statusCode).toBe(413);
    const long = await province1.post(`${P1()}/${id}/return`, { version: 4, comment: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(400);
    const unknown = await admin.patch(R, { version: 4, sections: [], status: 'accepted' });
    expect(unknown.statusCode).toBe(400);
    const foreign = await admin.patch(`${A()}/${await reportOf('final', 2030)}`, { version: 1, sections: [{ planId, text: 'x' }] });
    expect([foreign.statusCode, foreign.json().error.details[0].field]).toEqual([400, 'sections.0.planId']);
    expect((await sys((tx) => tx.select({ s: communeReport.status }).from(communeReport).where(eq(communeReport.id, id))))[0]!.s).toBe('submitted');
  });

  it('marks a late submission, counts missing only once the due date has passed, and never a report not yet due', async () => {
    const actorA = (await resolveSession(t.database.db, admin.token, 60))!;
    const actorP = (await resolveSession(t.database.db, province1.token, 60))!;
    const query = { period: 'year' as const, year: 2025, page: 1, pageSize: 20 };
    // 10/12/2025: 2025's reports are not yet due; nobody is missing.
    const early = await listProvinceCommuneReports({ db: t.database.db, actor: actorP, provinceId: w.p1.id, query, now: new Date('2025-12-10T03:00:00Z') });
    expect(early.counts).toMatchObject({ communes: 2, missing: 0, notDue: 2, late: 0 });
    // 16/12/2025 (Vietnam): both are missing and late.
    const after = await listProvinceCommuneReports({ db: t.database.db, actor: actorP, provinceId: w.p1.id, query, now: new Date('2025-12-16T01:00:00Z') });
    expect(after.counts).toMatchObject({ missing: 2, notDue: 0, late: 2 });
    const id = await reportOf('year', 2025);
    await admin.post(`${A()}/${id}/prepare`, { version: 1 });
    await admin.patch(`${A()}/${id}`, { version: 2, sections: [{ planId, text: 'Báo cáo năm 2025.' }] });
    const late = await submitCommuneReport({
      db: t.database.db,
      actor: actorA,
      meta: {},
      communeId: w.a.id,
      id,
      version: 3,
      now: new Date('2025-12-20T02:00:00Z'),
    });
    expect([late.status, late.late]).toEqual(['submitted', true]);
    const later = await listProvinceCommuneReports({ db: t.database.db, actor: actorP, provinceId: w.p1.id, query, now: new Date('2025-12-21T01:00:00Z') });
    expect(later.counts).toMatchObject({ submitted: 1, missing: 1, late: 2 });
    expect(later.items.find((r) => r.communeId === w.a.id)!.report).toMatchObject({ late: true, standing: 'submitted' });
    // On time: 2030's report submitted before its due date.
    const id30 = await reportOf('year', 2030);
    await admin.post(`${A()}/${id30}/prepare`, { version: 1 });
    await admin.patch(`${A()}/${id30}`, { version: 2, sections: [{ planId, text: 'Báo cáo năm 2030.' }] });
    const onTime = await submitCommuneReport({
      db: t.database.db,
      actor: actorA,
      meta: {},
      communeId: w.a.id,
      id: id30,
      version: 3,
      now: new Date('2030-12-15T16:59:00Z'),
    });
    expect(onTime.late).toBe(false);
  });
  it('`can` is exactly what the write routes then allow, for every user of the world, on a draft and on a submitted report', async () => {
    const users = [
      'sysadmin',
      'province1',
      'province2',
      'a.admin',
      'a.chair',
      'a.council',
      'a.focal',
      'a.team',
      'a.viewer',
      'b.admin',
      'c.admin',
      'admin-a.viewer-b',
    ];
    const id = await reportOf('final', 2030);
    const put = (status: string) =>
      sys((tx) =>
        tx
          .update(communeReport)
          .set({ status, content: { sections: [{ planId, planTitle: 'Kế hoạch', planNumber: null, text: 'Nội dung.', figures: null }] } })
          .where(eq(communeReport.id, id))
          .returning({ version: communeReport.version }),
      ).then((r) => r[0]!.version);
    const wrong: string[] = [];
    const allowed: string[] = [];
    for (const u of users) {
      const c = await loginAs(t, u, PASSWORD);
      let version = await put('draft');
      const seen = await c.get(`${A()}/${id}`);
      const can = seen.statusCode === 200 ? seen.json().can : { save: false, submit: false, return: false, accept: false };
      const saved = await c.patch(`${A()}/${id}`, { version, sections: [{ planId, text: `Lưu bởi ${u}.` }] });
      if ((saved.statusCode === 200) !== can.save) wrong.push(`${u} save: can ${can.save}, got ${saved.statusCode}`);
      if (saved.statusCode === 200) allowed.push(`${u} save`);
      version = await put('draft');
      const sent = await c.post(`${A()}/${id}/submit`, { version });
      if ((sent.statusCode === 200) !== can.submit) wrong.push(`${u} submit: can ${can.submit}, got ${sent.statusCode}`);
      for (const act of ['accept', 'return'] as const) {
        version = await put('submitted');
        const view = await c.get(`${A()}/${id}`);
        const may = view.statusCode === 200 ? view.json().can[act] : false;
        const res = await c.post(`${P1()}/${id}/${act}`, { version, comment: 'Ý kiến của tỉnh.' });
        if ((res.statusCode === 200) !== may) wrong.push(`${u} ${act}: can ${may}, got ${res.statusCode}`);
        if (res.statusCode === 200) allowed.push(`${u} ${act}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(allowed.sort()).toEqual([
      'a.admin save',
      'admin-a.viewer-b save',
      'province1 accept',
      'province1 return',
      'sysadmin accept',
      'sysadmin return',
      'sysadmin save',
    ]);
  });
});
