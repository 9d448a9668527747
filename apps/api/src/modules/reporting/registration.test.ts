import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../db/client';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makePerson, makePlan, makeUnit } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { planDocWithRegistration, publishedPlan } from './registration.matrix';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { auditEntry } from '../../platform/audit.table';
import { communeIndicator, target } from '../indicators/indicators.table';
import { registration } from './reporting.table';

/** Indicators of commune A used here (the national catalogue may not be seeded): a percentage and a count. */
const PCT = {
  code: 'REG_T_DVC',
  pillar: 'gov',
  name: 'Tỷ lệ hồ sơ trực tuyến',
  measure: '%',
  direction: 'higher',
  aggregation: 'ratio',
  numeratorLabel: 'Số hồ sơ trực tuyến',
  denominatorLabel: 'Tổng số hồ sơ',
};
const COUNT = {
  code: 'REG_T_BUOI',
  pillar: 'society',
  name: 'Số buổi hướng dẫn kỹ năng số',
  measure: 'buổi',
  direction: 'higher',
  aggregation: 'sum',
  integer: true,
};
const SHARE = {
  code: 'REG_T_TYLE',
  pillar: 'economy',
  name: 'Tỷ lệ hộ thanh toán không dùng tiền mặt',
  measure: '%',
  direction: 'higher',
  aggregation: 'average',
};
const B_ONLY = { code: 'REG_T_B', pillar: 'society', name: 'Chỉ tiêu riêng của xã B', measure: 'người', direction: 'higher', aggregation: 'sum' };

const ON_TIME_YEAR = 2030; // deadline 30/03/2030 (still ahead)
const LATE_YEAR = 2025; // deadline 30/03/2025 (passed)

describe(`registration (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client, focal: Client, team: Client, viewer: Client, cAdmin: Client;
  let planId: string;
  const sys = <T>(fn: (tx: Tx) => Promise<T>) => inScope(t.database.db, SYSTEM_SCOPE, fn);
  const regs = (communeId = w.a.id, plan = planId) => `/api/communes/${communeId}/plans/${plan}/registrations`;
  const put = (c: Client, unitId: string, body: unknown, plan = planId) => c.request('PUT', `${regs(w.a.id, plan)}/${unitId}`, body);
  const rowOf = async (unitId: string, year: number) =>
    (
      await sys((tx) =>
        tx
          .select()
          .from(registration)
          .where(and(eq(registration.planId, planId), eq(registration.unitId, unitId), eq(registration.year, year))),
      )
    )[0];
  const targetsOf = async (unitId: string) =>
    (
      await sys((tx) =>
        tx
          .select()
          .from(target)
          .where(and(eq(target.communeId, w.a.id), eq(target.unitId, unitId))),
      )
    )
      .map((r) => ({ code: r.indicatorCode, year: r.year, value: r.value, origin: r.origin }))
      .sort((a, b) => a.code.localeCompare(b.code) || a.year - b.year);

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    await sys(async (tx) => {
      await tx.insert(communeIndicator).values([PCT, COUNT, SHARE].map((i) => ({ communeId: w.a.id, ...i })));
      await tx.insert(communeIndicator).values({ communeId: w.b.id, ...B_ONLY });
    });
    [admin, focal, team, viewer, cAdmin] = await Promise.all([
      loginAs(t, 'a.admin', PASSWORD),
      loginAs(t, 'a.focal', PASSWORD),
      loginAs(t, 'a.team', PASSWORD),
      loginAs(t, 'a.viewer', PASSWORD),
      loginAs(t, 'c.admin', PASSWORD),
    ]);
    planId = await publishedPlan(admin, w.a.id);
  }, 60_000);
  afterAll(async () => t?.close());

  it("a focal point saves a draft, then submits it; the targets become the unit's targets", async () => {
    const empty = (await focal.get(`${regs()}/${w.aSchool.id}?year=${ON_TIME_YEAR}`)).json();
    expect(empty).toMatchObject({
      id: null,
      status: 'not_registered',
      version: null,
      canEdit: true,
      fromYear: 2025,
      toYear: 2030,
      deadline: { dueDate: '2030-03-30' },
    });

    const body = {
      year: ON_TIME_YEAR,
      commitments: '',
      awardCodes: ['TAP_THE_LAO_DONG_TIEN_TIEN', 'GIAY_KHEN_CT_UBND_XA'],
      indicators: [
        {
          code: PCT.code,
          targets: [
            { year: 2027, value: 90 },
            { year: 2026, value: 80 },
          ],
        },
        { code: COUNT.code, targets: [{ year: 2026, value: 12 }] },
      ],
      people: [{ personId: w.aPerson.id, titleCode: 'CHIEN_SI_THI_DUA_CO_SO', commitment: 'Hướng dẫn 50 người dân dùng dịch vụ công' }],
      submit: false,
    };
    const draft = await put(focal, w.aSchool.id, body);
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({
      status: 'draft',
      version: 1,
      late: false,
      submittedAt: null,
      people: [{ personName: 'Nguyễn Văn An', titleCode: 'CHIEN_SI_THI_DUA_CO_SO' }],
    });
    expect(draft.json().indicators[0].targets.map((x: { year: number }) => x.year)).toEqual([2026, 2027]);
    expect(await targetsOf(w.aSchool.id)).toEqual([]);
    expect((await rowOf(w.aSchool.id, ON_TIME_YEAR))!.dueItemId).toBe(empty.deadline.dueItemId);

    // Submitting asks for the commitments.
    const noCommitments = await put(focal, w.aSchool.id, { ...body, version: 1, submit: true });
    expect(noCommitments.statusCode).toBe(400);
    expect(noCommitments.json().error.details).toEqual([expect.objectContaining({ field: 'commitments' })]);
    expect(noCommitments.json().error.message).toBe('Nội dung cam kết: Không được để trống khi gửi đăng ký.');

    const sent = await put(focal, w.aSchool.id, { ...body, version: 1, commitments: 'Hoàn thành 100% chỉ tiêu được giao.', submit: true });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', version: 2, late: false });
    expect(sent.json().submittedAt).toEqual(expect.any(String));
    expect(await targetsOf(w.aSchool.id)).toEqual([
      { code: COUNT.code, year: 2026, value: 12, origin: 'registration' },
      { code: PCT.code, year: 2026, value: 80, origin: 'registration' },
      { code: PCT.code, year: 2027, value: 90, origin: 'registration' },
    ]);

    // Amended while open: stays submitted, keeps its submission time, targets follow (a dropped one goes).
    const amended = await put(focal, w.aSchool.id, {
      ...body,
      version: 2,
      commitments: 'Hoàn thành vượt chỉ tiêu.',
      indicators: [{ code: PCT.code, targets: [{ year: 2027, value: 95 }] }],
    });
    expect(amended.statusCode).toBe(200);
    expect(amended.json()).toMatchObject({ status: 'submitted', version: 3, submittedAt: sent.json().submittedAt, commitments: 'Hoàn thành vượt chỉ tiêu.' });
    expect(await targetsOf(w.aSchool.id)).toEqual([{ code: PCT.code, year: 2027, value: 95, origin: 'registration' }]);

    const audit = await sys((tx) =>
      tx
        .select({ action: auditEntry.action })
        .from(auditEntry)
        .where(and(eq(auditEntry.entityType, 'registration'), eq(auditEntry.entityId, draft.json().id))),
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'submit', 'update']);
  });

  it('refuses a stale version and writes nothing', async () => {
    const cur = (await rowOf(w.aSchool.id, ON_TIME_YEAR))!;
    const base = { year: ON_TIME_YEAR, commitments: 'Bản cũ ghi đè', submit: true };
    for (const body of [{ ...base, version: cur.version - 1 }, base]) {
      const res = await put(admin, w.aSchool.id, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('STALE_VERSION');
    }
    const after = (await rowOf(w.aSchool.id, ON_TIME_YEAR))!;
    expect([after.version, after.commitments]).toEqual([cur.version, cur.commitments]);
  });

  it('marks a registration submitted after the deadline late; the admin sees registered, draft, not registered and late', async () => {
    const late = await put(admin, w.aOffice.id, { year: LATE_YEAR, commitments: 'Cam kết của phòng.', submit: true });
    expect(late.statusCode).toBe(200);
    expect(late.json()).toMatchObject({ status: 'submitted', late: true, deadline: { dueDate: '2025-03-30', lateAfter: '2025-03-30T17:00:00.000Z' } });
    const draft = await put(team, w.aTeam.id, { year: LATE_YEAR, commitments: 'Đang soạn' });
    expect(draft.json()).toMatchObject({ status: 'draft', late: false });

    const list = await viewer.get(`${regs()}?year=${LATE_YEAR}`);
    expect(list.statusCode).toBe(200);
    const l = list.json();
    expect(l.counts).toEqual({ participating: 4, registered: 1, draft: 1, notRegistered: 3, late: 1, overdue: 3 });
    const by = Object.fromEntries(l.items.map((i: { unitId: string }) => [i.unitId, i]));
    expect(by[w.aOffice.id]).toMatchObject({ status: 'submitted', late: true, overdue: false });
    expect(by[w.aTeam.id]).toMatchObject({ status: 'draft', overdue: true });
    expect(by[w.aSchool.id]).toMatchObject({ status: 'not_registered', late: false, overdue: true, deadline: { dueDate: '2025-03-30' } });

    const onTime = (await admin.get(`${regs()}?year=${ON_TIME_YEAR}`)).json();
    expect(onTime.counts).toMatchObject({ participating: 4, registered: 1, late: 0, overdue: 0 });
    expect(onTime.items.find((i: { unitId: string }) => i.unitId === w.aSchool.id)).toMatchObject({ status: 'submitted', late: false });
    expect((await admin.get(`${regs()}?year=2041`)).statusCode).toBe(400);
  });

  it('a registration submitted on time is not overdue in the due items once its deadline has passed', async () => {
    // The school submitted its ON_TIME_YEAR registration above, before the deadline; now let the deadline pass.
    const listed = async () =>
      (
        (await admin.get(`/api/communes/${w.a.id}/due-items?planId=${planId}&kind=registration&year=${ON_TIME_YEAR}&pageSize=100`)).json() as {
          items: { unitId: string; status: string; late: boolean; submittedAt: string | null }[];
        }
      ).items;
    const before = (await listed()).find((d) => d.unitId === w.aSchool.id)!;
    expect(before).toMatchObject({ status: 'submitted', late: false });
    expect(before.submittedAt).toEqual(expect.any(String));
    await sys((tx) =>
      tx.execute(sql`update due_item set late_after = now() - interval '1 day' where plan_id = ${planId} and kind = 'registration' and year = ${ON_TIME_YEAR}`),
    );
    const after = await listed();
    expect(after.find((d) => d.unitId === w.aSchool.id)).toMatchObject({ status: 'submitted', late: false, submittedAt: before.submittedAt });
    // A unit that never registered is overdue now, and has no submission time.
    expect(after.find((d) => d.unitId === w.aOffice.id)).toMatchObject({ status: 'missing', late: true, submittedAt: null });
  });

  it('refuses to save while registration is closed; the admin reopens it (audited)', async () => {
    expect((await focal.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: false })).statusCode).toBe(403);
    const closed = await admin.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: false });
    expect(closed.json()).toEqual({ planId, registrationOpen: false });
    const cur = (await rowOf(w.aSchool.id, ON_TIME_YEAR))!;
    const refused = await put(focal, w.aSchool.id, { year: ON_TIME_YEAR, version: cur.version, commitments: 'Sửa khi đã đóng' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('REGISTRATION_CLOSED');
    expect((await focal.get(`${regs()}/${w.aSchool.id}?year=${ON_TIME_YEAR}`)).json()).toMatchObject({ registrationOpen: false, canEdit: false });
    expect((await admin.get(`${regs()}?year=${ON_TIME_YEAR}`)).json().registrationOpen).toBe(false);
    await admin.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: true });
    expect((await put(focal, w.aSchool.id, { year: ON_TIME_YEAR, version: cur.version, commitments: 'Sửa khi mở lại' })).statusCode).toBe(200);
    const audit = await sys((tx) =>
      tx
        .select({ action: auditEntry.action })
        .from(auditEntry)
        .where(and(eq(auditEntry.entityType, 'plan'), eq(auditEntry.entityId, planId))),
    );
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['registration_close', 'registration_open']));
  });

  it('takes registrations only for published commune plans and participating units', async () => {
    const draftPlan = (await admin.post(`/api/communes/${w.a.id}/plans`, { doc: planDocWithRegistration(), source: 'template' })).json().id as string;
    const res = await put(focal, w.aSchool.id, { year: ON_TIME_YEAR, commitments: 'x' }, draftPlan);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PLAN_NOT_PUBLISHED');
    expect((await admin.get(regs(w.a.id, draftPlan))).json().error.code).toBe('PLAN_NOT_PUBLISHED');
    const unitPlan = await makePlan(t.database.db, w.a.id, { doc: planDocWithRegistration(), ownerUnitId: w.aSchool.id });
    expect((await admin.get(regs(w.a.id, unitPlan.id))).statusCode).toBe(404);
    // A unit created after publishing owes nothing under the plan.
    const late = await makeUnit(t.database.db, w.a.id, { code: 'MOI', name: 'Đơn vị mới', kind: 'office' });
    expect((await put(admin, late.id, { year: ON_TIME_YEAR, commitments: 'x' })).statusCode).toBe(404);
  });

  it('refuses bad content with a message naming the field and row, and writes nothing', async () => {
    const officeMan = await makePerson(t.database.db, w.a.id, { unitId: w.aOffice.id, fullName: 'Phạm Văn Đông' });
    const year = 2029;
    const ok = { year, commitments: 'Cam kết', submit: true };
    const cases: [unknown, string, string, RegExp][] = [
      [{ ...ok, awardCodes: ['GIAY_KHEN_CT_UBND_XA', 'KHONG_CO'] }, 'awardCodes.1', 'Hình thức khen thưởng, danh hiệu thứ 2', /KHONG_CO.*danh mục/u],
      [{ ...ok, people: [{ personId: officeMan.id }] }, 'people.0.personId', 'Cá nhân thứ 1', /không thuộc đơn vị/iu],
      [{ ...ok, people: [{ personId: w.bPerson.id }] }, 'people.0.personId', 'Cá nhân thứ 1', /không thuộc đơn vị/iu],
      [
        { ...ok, people: [{ personId: w.aPerson.id, titleCode: 'GIAY_KHEN_CT_UBND_XA' }] },
        'people.0.titleCode',
        'Cá nhân thứ 1 – Danh hiệu',
        /không phải danh hiệu/u,
      ],
      [
        { ...ok, indicators: [{ code: 'KHONG_CO', targets: [{ year: 2029, value: 1 }] }] },
        'indicators.0.code',
        'Chỉ tiêu thứ 1 – Mã',
        /không có trong danh mục/u,
      ],
      [
        { ...ok, indicators: [{ code: B_ONLY.code, targets: [{ year: 2029, value: 1 }] }] },
        'indicators.0.code',
        'Chỉ tiêu thứ 1 – Mã',
        /không có trong danh mục/u,
      ],
      [
        {
          ...ok,
          indicators: [
            { code: COUNT.code, targets: [{ year: 2029, value: 3 }] },
            { code: PCT.code, targets: [{ year: 2029, value: 100 }] },
            { code: SHARE.code, targets: [{ year: 2029, value: 120 }] },
          ],
        },
        'indicators.2.targets.0.value',
        'Chỉ tiêu thứ 3 – Mục tiêu thứ 1 – Giá trị',
        /120.*vượt quá 100%/u,
      ],
      [{ ...ok, indicators: [{ code: COUNT.code, targets: [] }] }, 'indicators.0.targets', 'Chỉ tiêu thứ 1 – Mục tiêu', /chưa có giá trị/iu],
      [
        { ...ok, indicators: [{ code: COUNT.code, targets: [{ year: 2029, value: 2.5 }] }] },
        'indicators.0.targets.0.value',
        'Chỉ tiêu thứ 1 – Mục tiêu thứ 1 – Giá trị',
        /số nguyên/u,
      ],
      [
        { ...ok, indicators: [{ code: COUNT.code, targets: [{ year: 2029, value: -1 }] }] },
        'indicators.0.targets.0.value',
        'Chỉ tiêu thứ 1 – Mục tiêu thứ 1 – Giá trị',
        /nhỏ hơn/u,
      ],
      [
        { ...ok, indicators: [{ code: COUNT.code, targets: [{ year: 2035, value: 1 }] }] },
        'indicators.0.targets.0.year',
        'Chỉ tiêu thứ 1 – Mục tiêu thứ 1 – Năm',
        /ngoài thời gian/u,
      ],
    ];
    for (const [body, field, label, message] of cases) {
      const res = await put(focal, w.aSchool.id, body);
      expect([field, res.statusCode]).toEqual([field, 400]);
      const e = res.json().error;
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.details.map((d: { field: string }) => d.field)).toContain(field);
      const detail = e.details.find((d: { field: string }) => d.field === field);
      expect(detail.message).toMatch(message);
      // The field is named in words, once, never by its path.
      expect(detail.label).toBe(label);
      expect(e.message.startsWith(label)).toBe(true);
      expect(e.message).not.toMatch(/\[\d\]|\.\d|targets|indicators|people|awardCodes/u);
      expect(e.message.split(label).length).toBe(2);
    }
    // A value of the wrong type is refused by the schema, naming the field.
    const typed = await put(focal, w.aSchool.id, { ...ok, indicators: [{ code: PCT.code, targets: [{ year: 2029, value: 'nhiều' }] }] });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details[0].field).toBe('indicators.0.targets.0.value');
    expect(await rowOf(w.aSchool.id, year)).toBeUndefined();
  });

  it('lets unit roles write only their own subtree; other communes see nothing; viewers only read', async () => {
    const body = { year: ON_TIME_YEAR, commitments: 'Cam kết' };
    const other = await put(focal, w.aOffice.id, body);
    expect(other.statusCode).toBe(403);
    expect((await put(team, w.aVillage.id, body)).statusCode).toBe(403);
    expect((await put(viewer, w.aSchool.id, body)).statusCode).toBe(403);
    expect((await viewer.get(`${regs()}/${w.aSchool.id}?year=${ON_TIME_YEAR}`)).json()).toMatchObject({ status: 'submitted', canEdit: false });
    expect((await viewer.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: false })).statusCode).toBe(403);
    expect((await cAdmin.get(regs())).statusCode).toBe(404);
    expect((await cAdmin.get(`${regs()}/${w.aSchool.id}`)).statusCode).toBe(404);
    expect((await cAdmin.request('PUT', `${regs()}/${w.aSchool.id}`, body)).statusCode).toBe(404);
    expect((await cAdmin.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: false })).statusCode).toBe(404);
    // Commune A's plan asked for under commune C's path is not found either.
    expect((await cAdmin.get(regs(w.c.id))).statusCode).toBe(404);
    expect(await rowOf(w.aOffice.id, ON_TIME_YEAR)).toBeUndefined();
  });
  it("the registration list's can.setWindow is exactly whether the window route accepts this user (a repeat that changes nothing)", async () => {
    expect((await admin.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: true })).statusCode).toBe(200);
    expect((await admin.get(regs())).json().can).toEqual({ setWindow: true });
    expect((await focal.get(regs())).json().can).toEqual({ setWindow: false });
    let accepted = 0;
    for (const username of Object.keys(w.users)) {
      const c = await loginAs(t, username, PASSWORD);
      const list = await c.get(regs());
      const setWindow = list.statusCode === 200 ? list.json().can.setWindow : false;
      const res = await c.post(`/api/communes/${w.a.id}/plans/${planId}/registration-window`, { open: true });
      expect([200, 403, 404], `${username}: ${res.body}`).toContain(res.statusCode);
      expect(setWindow, `${username}: can.setWindow vs ${res.statusCode}`).toBe(res.statusCode === 200);
      if (res.statusCode === 200) accepted++;
    }
    expect(accepted).toBeGreaterThan(0);
  });
});
