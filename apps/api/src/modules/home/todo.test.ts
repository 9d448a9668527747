import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayVn, todoKinds, vnInstant, type TodoItemDto, type TodoKind, type TodoList } from '@tds/contracts';
import { resolveSession } from '../../platform/session';
import { makeUser } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { dueItemId, openReportVia, publishTemplatePlan } from '../../testing/kits/reports';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { publishedPlan } from '../reporting/registration.matrix';
import { listTodo } from './list-todo';

/** "Today" for most checks: 25/11/2026 in Vietnam. The 2026 reports are due 04/12/2026 (9 days), registrations 30/03 each year. */
const NOW = vnInstant('2026-11-25', '10:00');
const SECTIONS = [{ key: 'ket_qua', title: 'Kết quả triển khai thực hiện phong trào', text: 'Đã tổ chức 12 buổi.' }];

describe(`Việc của tôi (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let planA: string;
  const clients: Record<string, Client> = {};
  /** The list as the use-case gives it to a user at a fixed instant. */
  const todo = async (username: string, opts: { now?: Date; communeId?: string; limit?: number } = {}): Promise<TodoList> => {
    const actor = (await resolveSession(t.database.db, clients[username]!.token, 60))!;
    return listTodo({ db: t.database.db, actor, now: opts.now ?? NOW, communeId: opts.communeId, limit: opts.limit ?? 20 });
  };
  const group = (list: TodoList, kind: TodoKind) => list.groups.find((g) => g.kind === kind)!;
  const items = (list: TodoList) => list.groups.flatMap((g) => g.items);
  const titles = (list: TodoList, kind: TodoKind) => group(list, kind).items.map((i) => i.title);
  const submit = async (client: Client, communeId: string, id: string) => {
    const got = (await client.get(`/api/communes/${communeId}/reports/${id}`)).json() as { version: number };
    const saved = await client.patch(`/api/communes/${communeId}/reports/${id}`, { version: got.version, sections: SECTIONS });
    if (saved.statusCode !== 200) throw new Error(`save: ${saved.body}`);
    const sent = await client.post(`/api/communes/${communeId}/reports/${id}/submit`, { version: (saved.json() as { version: number }).version });
    if (sent.statusCode !== 200) throw new Error(`submit: ${sent.body}`);
    return sent.json() as { version: number; submittedAt: string };
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    await makeUser(t.database.db, {
      username: 'x.village',
      password: PASSWORD,
      roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: w.aVillage.id }],
    });
    await makeUser(t.database.db, {
      username: 'x.two',
      password: PASSWORD,
      roles: [
        { role: 'unit_focal_point', communeId: w.a.id, unitId: w.aSchool.id },
        { role: 'commune_admin', communeId: w.b.id },
      ],
    });
    await makeUser(t.database.db, { username: 'x.none', password: PASSWORD, roles: [] });
    for (const u of [
      'a.admin',
      'a.focal',
      'a.team',
      'a.viewer',
      'a.chair',
      'a.council',
      'b.admin',
      'c.admin',
      'province1',
      'sysadmin',
      'x.village',
      'x.two',
      'x.none',
    ]) {
      clients[u] = await loginAs(t, u, PASSWORD);
    }
    // Commune A: the template's yearly reports (due 04/12) and unit plan (30/12/2026), and a registration due 30/03 each year.
    planA = await publishedPlan(clients['a.admin']!, w.a.id);
    // Commune B: the template; its office's 2026 report is submitted and waits for B's reviewers.
    const planB = await publishTemplatePlan(clients['b.admin']!, w.b.id);
    const bReport = await openReportVia(clients['b.admin']!, w.b.id, await dueItemId(t.database.db, planB, w.bOffice.id, { kind: 'report', year: 2026 }));
    await submit(clients['b.admin']!, w.b.id, bReport.id);
  }, 180_000);
  afterAll(async () => t?.close());

  it("a focal point sees its unit's items due within 14 days and those overdue, with the page to open; nothing of other units or communes", async () => {
    const list = await todo('a.focal');
    expect(list.today).toBe('2026-11-25');
    expect(list.groups.map((g) => g.kind)).toEqual([...todoKinds]);
    expect(titles(list, 'due_soon')).toEqual(['Báo cáo kết quả thực hiện phong trào thi đua năm 2026 – Trường Tiểu học']);
    expect(group(list, 'due_soon').items[0]).toMatchObject({ communeId: w.a.id, communeName: 'Xã Gia Phúc', dueDate: '2026-12-04', daysLeft: 9, since: null });
    expect(group(list, 'due_soon').items[0]!.detail).toBeTruthy();
    // Overdue: the most overdue first; the 2026 unit plan (30/12) and later years are not listed yet.
    expect(group(list, 'overdue').items.map((i) => [i.title, i.dueDate, i.daysLeft])).toEqual([
      ['Đăng ký thi đua năm 2025 – Trường Tiểu học', '2025-03-30', -605],
      ['Báo cáo kết quả thực hiện phong trào thi đua năm 2025 – Trường Tiểu học', '2025-12-04', -356],
      ['Đăng ký thi đua năm 2026 – Trường Tiểu học', '2026-03-30', -240],
    ]);
    expect(group(list, 'overdue').total).toBe(3);
    // One click: a report not opened yet opens through its due item; a registration on its form.
    const report2026 = await dueItemId(t.database.db, planA, w.aSchool.id, { kind: 'report', year: 2026 });
    expect(group(list, 'due_soon').items[0]!.href).toBe(`/reports/due/${report2026}`);
    expect(group(list, 'overdue').items[0]!.href).toBe(`/registration?planId=${planA}&year=2025&unitId=${w.aSchool.id}`);
    expect(group(list, 'returned').total + group(list, 'to_review').total).toBe(0);
    // The other units of A (office, village, team) owe the same items; none of them is the school's to do.
    expect(items(list).every((i) => i.title.endsWith('– Trường Tiểu học') && i.communeId === w.a.id)).toBe(true);
    // The digital team of the village sees its own unit only; the village's focal point its village and the team under it.
    const team = await todo('a.team');
    expect(items(team).length).toBeGreaterThan(0);
    expect(items(team).every((i) => i.title.endsWith('– Tổ CNSCĐ thôn Đông'))).toBe(true);
    const village = await todo('x.village');
    expect(new Set(items(village).map((i) => i.title.split(' – ')[1]))).toEqual(new Set(['Thôn Đông', 'Tổ CNSCĐ thôn Đông']));
  });

  it('counts days in Vietnam time: due today is not overdue, the next Vietnamese day it is; 14 days ahead is listed, 15 is not', async () => {
    const at = async (now: Date) => {
      const list = await todo('a.focal', { now });
      const r = items(list).find((i) => i.dueDate === '2026-12-04');
      return r ? [r.kind, r.daysLeft] : null;
    };
    expect(await at(new Date('2026-12-04T16:59:00Z'))).toEqual(['due_soon', 0]); // 23:59 on 04/12 in Vietnam
    expect(await at(new Date('2026-12-04T17:00:00Z'))).toEqual(['overdue', -1]); // still 04/12 in UTC, 05/12 in Vietnam
    expect(await at(vnInstant('2026-11-20', '08:00'))).toEqual(['due_soon', 14]);
    expect(await at(vnInstant('2026-11-19', '23:59'))).toBeNull();
    // Long before anything is due, nothing is overdue.
    const early = await todo('a.focal', { now: vnInstant('2025-01-01', '08:00') });
    expect(group(early, 'overdue').total).toBe(0);
  });

  it('a closed registration is not asked for; an opened draft stays to do and opens itself', async () => {
    const admin = clients['a.admin']!;
    expect((await admin.post(`/api/communes/${w.a.id}/plans/${planA}/registration-window`, { open: false })).statusCode).toBe(200);
    try {
      expect(titles(await todo('a.focal'), 'overdue')).toEqual(['Báo cáo kết quả thực hiện phong trào thi đua năm 2025 – Trường Tiểu học']);
    } finally {
      await admin.post(`/api/communes/${w.a.id}/plans/${planA}/registration-window`, { open: true });
    }
    const draft = await openReportVia(clients['a.focal']!, w.a.id, await dueItemId(t.database.db, planA, w.aSchool.id, { kind: 'report', year: 2025 }));
    const overdue = group(await todo('a.focal'), 'overdue').items.find((i) => i.dueDate === '2025-12-04');
    expect(overdue).toMatchObject({ href: `/reports/${draft.id}`, daysLeft: -356 });
  });

  it('a submitted report waits for the reviewers of its commune only; returned, it is back with the unit to correct; accepted, it is done', async () => {
    const focal = clients['a.focal']!;
    const admin = clients['a.admin']!;
    // The 2027 report is not due for a year: not listed until something happens to it.
    const r = await openReportVia(focal, w.a.id, await dueItemId(t.database.db, planA, w.aSchool.id, { kind: 'report', year: 2027 }));
    expect(items(await todo('a.focal')).some((i) => i.href === `/reports/${r.id}`)).toBe(false);
    const sent = await submit(focal, w.a.id, r.id);

    const review = group(await todo('a.admin'), 'to_review');
    expect(review.items.map((i) => [i.title, i.href, i.communeId, i.since])).toEqual([
      ['Báo cáo kết quả thực hiện phong trào thi đua năm 2027 – Trường Tiểu học', `/reports/${r.id}`, w.a.id, todayVn(new Date(sent.submittedAt))],
    ]);
    expect(review.total).toBe(1);
    // B's reviewer sees B's report, not A's; C's sees nothing.
    expect(titles(await todo('b.admin'), 'to_review')).toEqual(['Báo cáo kết quả thực hiện phong trào thi đua năm 2026 – Phòng Văn hóa - Xã hội']);
    expect(items(await todo('c.admin'))).toEqual([]);
    // Roles that read reports but do not review them, and the focal point who sent it, have nothing to review.
    for (const u of ['a.viewer', 'a.chair', 'a.council', 'province1', 'a.focal', 'a.team']) expect(group(await todo(u), 'to_review').total, u).toBe(0);

    const returned = await admin.post(`/api/communes/${w.a.id}/reports/${r.id}/return`, { version: sent.version, comment: 'Bổ sung số liệu quý IV.' });
    expect(returned.statusCode).toBe(200);
    expect(group(await todo('a.admin'), 'to_review').total).toBe(0);
    const back = group(await todo('a.focal'), 'returned');
    expect(back.items).toEqual([
      expect.objectContaining({
        key: `report:${r.id}`,
        title: 'Báo cáo kết quả thực hiện phong trào thi đua năm 2027 – Trường Tiểu học',
        note: 'Bổ sung số liệu quý IV.',
        href: `/reports/${r.id}`,
        dueDate: '2027-12-04',
        since: todayVn(new Date((returned.json() as { reviewedAt: string }).reviewedAt)),
      }),
    ]);
    // Returned to the school: not the village's, not the commune office's to correct.
    expect(group(await todo('a.team'), 'returned').total).toBe(0);
    expect(group(await todo('a.admin'), 'returned').total).toBe(0);

    const again = await submit(focal, w.a.id, r.id);
    expect(group(await todo('a.focal'), 'returned').total).toBe(0);
    expect(group(await todo('a.admin'), 'to_review').total).toBe(1);
    expect((await admin.post(`/api/communes/${w.a.id}/reports/${r.id}/accept`, { version: again.version })).statusCode).toBe(200);
    expect(group(await todo('a.admin'), 'to_review').total).toBe(0);
    expect(items(await todo('a.focal')).some((i) => i.href === `/reports/${r.id}`)).toBe(false);
  });

  it('a user with roles in two communes sees the work of both, each labelled with its commune; communeId keeps one', async () => {
    const both = await todo('x.two');
    expect(new Set(items(both).map((i) => i.communeName))).toEqual(new Set(['Xã Gia Phúc', 'Phường Hưng Đạo']));
    expect(group(both, 'to_review').items.map((i) => [i.communeName, i.title])).toEqual([
      ['Phường Hưng Đạo', 'Báo cáo kết quả thực hiện phong trào thi đua năm 2026 – Phòng Văn hóa - Xã hội'],
    ]);
    expect(group(both, 'due_soon').items.map((i) => i.communeName)).toEqual(['Xã Gia Phúc']);
    const onlyB = await todo('x.two', { communeId: w.b.id });
    // B's review and B's own report to its province (overdue since 2025), nothing of A.
    expect(new Set(items(onlyB).map((i) => i.communeId))).toEqual(new Set([w.b.id]));
    const onlyA = await todo('x.two', { communeId: w.a.id });
    expect(items(onlyA).length).toBeGreaterThan(0);
    expect(items(onlyA).every((i) => i.communeId === w.a.id)).toBe(true);
    // A commune where the user holds nothing: empty, not an error.
    expect(items(await todo('x.two', { communeId: w.c.id }))).toEqual([]);
  });

  it('caps each group at `limit`, keeping the full count', async () => {
    const list = await todo('a.focal', { limit: 1 });
    expect(group(list, 'overdue')).toMatchObject({ total: 3, items: [expect.objectContaining({ dueDate: '2025-03-30' })] });
    const many = await todo('x.village', { limit: 2 });
    expect(group(many, 'overdue').total).toBe(6);
    expect(group(many, 'overdue').items.map((i) => i.dueDate)).toEqual(['2025-03-30', '2025-03-30']);
  });

  it('GET /api/me/todo: signed-in only; empty groups for users with no work; hostile input refused with 400 naming the field', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/me/todo' })).statusCode).toBe(401);
    for (const u of ['x.none', 'a.viewer', 'sysadmin']) {
      const res = await clients[u]!.get('/api/me/todo');
      expect(res.statusCode, u).toBe(200);
      expect((res.json() as TodoList).groups.map((g) => [g.kind, g.total, g.items.length])).toEqual(todoKinds.map((k) => [k, 0, 0]));
    }
    // B's reviewer, through the route: B's submitted report, whatever the day (it has no date window).
    const b = (await clients['b.admin']!.get(`/api/me/todo?communeId=${w.b.id}&limit=5`)).json() as TodoList;
    expect(group(b, 'to_review').items.map((i: TodoItemDto) => i.communeName)).toEqual(['Phường Hưng Đạo']);
    expect(items((await clients['b.admin']!.get(`/api/me/todo?communeId=${w.a.id}`)).json() as TodoList)).toEqual([]);

    const bad: [string, string][] = [
      ['communeId=abc', 'Xã/phường'],
      [`communeId=${encodeURIComponent("' or 1=1 --")}`, 'Xã/phường'],
      [`communeId=${w.a.id}&communeId=${w.b.id}`, 'Xã/phường'],
      ['limit=0', 'Số mục'],
      ['limit=51', 'Số mục'],
      ['limit=many', 'Số mục'],
      ['unitId=x', 'unitId'],
    ];
    for (const [query, field] of bad) {
      const res = await clients['a.focal']!.get(`/api/me/todo?${query}`);
      expect([query, res.statusCode]).toEqual([query, 400]);
      const error = (res.json() as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.message, query).toContain(field);
    }
  });
});
