import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayVn } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUnit, makeUser } from '../../testing/factories';
import { multipartFile, PDF_BYTES } from '../../testing/kits/reports';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { auditEntry } from '../../platform/audit.table';
import { unzipEntry } from '../documents';
import { inspectionEvidence, inspectionsOfUnit } from './index';

type Rec = { id: string; status: string; version: number; unitName: string; can: { answer: boolean; close: boolean; return: boolean } };
type Detail = {
  id: string;
  version: number;
  status: string;
  checklist: string[];
  members: { userId: string; fullName: string }[];
  findingList: {
    id: string;
    unitId: string;
    closed: boolean;
    evidence: { number: string | null; file: { id: string } | null } | null;
    recommendations: Rec[];
  }[];
  can: Record<string, boolean>;
  rating: string | null;
  openRecommendations: number;
};
type Err = { error: { code: string; message: string; details?: { field?: string; message: string }[] } };

describe(`Kiểm tra, giám sát: visits, findings, recommendations, answers and follow-up (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let chair: Client;
  let council: Client;
  let focal: Client;
  let otherFocal: Client;
  let viewer: Client;
  let bAdmin: Client;
  let twoCommunes: Client;
  let twoCommunesId: string;
  let secondCouncilId: string;
  const today = todayVn();
  const visit = addDays(today, -7);
  const base = (c = w.a.id) => `/api/communes/${c}/inspections`;
  const err = (res: { json(): unknown }) => (res.json() as Err).error;
  const fields = (res: { json(): unknown }) => err(res).details?.map((d) => d.field);
  const plan = (over: Record<string, unknown> = {}) => ({
    title: 'Kiểm tra việc triển khai phong trào năm 2026',
    visitDate: visit,
    visitTime: '08:30',
    unitIds: [w.aSchool.id],
    memberIds: [w.users['a.chair']!.id],
    checklist: ['Việc xây dựng kế hoạch của đơn vị', 'Kết quả Bình dân học vụ số'],
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) => {
    const res = await admin.post(base(), plan(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Detail;
  };
  const get = async (id: string, c: Client = admin) => (await c.get(`${base()}/${id}`)).json() as Detail;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    const school2 = await makeUnit(t.database.db, w.a.id, { code: 'THCS', name: 'Trường THCS', kind: 'school' });
    await makeUser(t.database.db, { username: 'a.focal2', password: PASSWORD, roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: school2.id }] });
    twoCommunesId = (
      await makeUser(t.database.db, {
        username: 'council-a.admin-b',
        fullName: 'Trần Hai Xã',
        password: PASSWORD,
        roles: [
          { role: 'council_member', communeId: w.a.id },
          { role: 'commune_admin', communeId: w.b.id },
        ],
      })
    ).id;
    secondCouncilId = twoCommunesId;
    admin = await loginAs(t, 'a.admin', PASSWORD);
    chair = await loginAs(t, 'a.chair', PASSWORD);
    council = await loginAs(t, 'a.council', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    otherFocal = await loginAs(t, 'a.focal2', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    bAdmin = await loginAs(t, 'b.admin', PASSWORD);
    twoCommunes = await loginAs(t, 'council-a.admin-b', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('plans a visit: units and members of the commune only, Vietnamese messages naming the field, 404 for other communes, 403 for other roles', async () => {
    const created = await create();
    expect(created.status).toBe('planned');
    expect(created.members.map((m) => m.userId)).toEqual([w.users['a.chair']!.id]);
    expect(created.can).toMatchObject({ edit: true, record: true, conclude: true, close: false });

    // Candidates: the commune's council roles only.
    const cands = (await admin.get(`${base()}/members`)).json() as { items: { userId: string }[] };
    expect(cands.items.map((c) => c.userId).sort()).toEqual([w.users['a.chair']!.id, w.users['a.council']!.id, twoCommunesId].sort());

    let res = await admin.post(base(), plan({ unitIds: [w.aSchool.id, w.bOffice.id] }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['unitIds.1']]);
    expect(err(res).message).toContain('Đơn vị được kiểm tra thứ 2');
    res = await admin.post(base(), plan({ memberIds: [w.users['a.focal']!.id] }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['memberIds.0']]);
    expect(err(res).message).toContain('Thành viên đoàn kiểm tra thứ 1');
    res = await admin.post(base(), plan({ memberIds: [w.users['b.admin']!.id] }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['memberIds.0']]);
    res = await admin.post(base(), plan({ title: 'Kiểm tra\u0007' }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['title']]);
    res = await admin.post(base(), plan({ visitDate: '2026-02-30' }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['visitDate']]);
    expect(err(res).message).toContain('Ngày kiểm tra');
    res = await admin.post(base(), plan({ unitIds: [] }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['unitIds']]);
    res = await admin.post(base(), plan({ planId: '00000000-0000-4000-8000-000000000000' }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['planId']]);
    res = await admin.request('POST', base(), JSON.stringify(plan({ note: 'x'.repeat(1_100_000) })), { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(413);

    expect((await admin.post(base(w.c.id), plan())).statusCode).toBe(404);
    expect((await admin.get(`${base(w.c.id)}/${created.id}`)).statusCode).toBe(404);
    expect((await bAdmin.get(`${base()}/${created.id}`)).statusCode).toBe(404);
    expect((await admin.get(`${base(w.b.id)}/${created.id}`)).statusCode).toBe(404);
    expect((await viewer.post(base(), plan())).statusCode).toBe(403);
    expect((await focal.post(base(), plan())).statusCode).toBe(403);
    expect((await chair.post(base(), plan())).statusCode).toBe(403);
    expect((await viewer.get(`${base()}/${created.id}`)).statusCode).toBe(200);

    // Edit: a stale version refused, the unit list replaced.
    res = await admin.patch(`${base()}/${created.id}`, { ...plan({ title: 'Kiểm tra (sửa)' }), version: created.version + 5 });
    expect([res.statusCode, err(res).code]).toEqual([409, 'STALE_VERSION']);
    res = await admin.patch(`${base()}/${created.id}`, {
      ...plan({ title: 'Kiểm tra (sửa)', memberIds: [w.users['a.chair']!.id, w.users['a.council']!.id] }),
      version: created.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Detail).members).toHaveLength(2);
  });

  it('a retried plan (again, or at the same moment) with the same key plans the visit once', async () => {
    const body = plan({ title: 'Đợt kiểm tra gửi lại khi mạng chập chờn', opKey: 'retry-inspection-0001' });
    const [x, y] = await Promise.all([admin.post(base(), body), admin.post(base(), body)]);
    const z = await admin.post(base(), body);
    expect([x.statusCode, y.statusCode, z.statusCode]).toEqual([201, 201, 201]);
    expect(new Set([x.json().id, y.json().id, z.json().id]).size).toBe(1);
    const listed = (await admin.get(`${base()}?q=${encodeURIComponent('gui lai khi mang')}`)).json() as { total: number };
    expect(listed.total).toBe(1);
  });

  it('records findings only by members on the visit (or the office), refuses a recommendation due before the visit, and records a retried finding once', async () => {
    const ins = await create({ memberIds: [w.users['a.chair']!.id] });
    const finding = {
      text: 'Đơn vị đã xây dựng kế hoạch nhưng chưa có sổ theo dõi.',
      evidence: { number: '15/KH-TH', date: visit, summary: 'Kế hoạch thực hiện phong trào' },
      recommendations: [{ text: 'Lập sổ theo dõi kết quả thực hiện.', dueOn: addDays(today, 5) }],
      opKey: 'finding-key-0001',
    };
    // A council member not on this visit, a viewer, a focal point.
    expect((await council.post(`${base()}/${ins.id}/findings`, finding)).statusCode).toBe(403);
    expect((await viewer.post(`${base()}/${ins.id}/findings`, finding)).statusCode).toBe(403);
    expect((await focal.post(`${base()}/${ins.id}/findings`, finding)).statusCode).toBe(403);
    expect((await chair.post(`${base(w.c.id)}/${ins.id}/findings`, finding)).statusCode).toBe(404);
    let res = await chair.post(`${base()}/${ins.id}/findings`, { ...finding, recommendations: [{ text: 'Sớm quá', dueOn: addDays(visit, -1) }] });
    expect([res.statusCode, fields(res)]).toEqual([400, ['recommendations.0.dueOn']]);
    expect(err(res).message).toContain('hạn thực hiện phải từ ngày kiểm tra');
    res = await chair.post(`${base()}/${ins.id}/findings`, { ...finding, unitId: w.aOffice.id });
    expect([res.statusCode, fields(res)]).toEqual([400, ['unitId']]);
    res = await chair.post(`${base()}/${ins.id}/findings`, { ...finding, text: '' });
    expect([res.statusCode, fields(res)]).toEqual([400, ['text']]);

    res = await chair.post(`${base()}/${ins.id}/findings`, finding);
    expect(res.statusCode, res.body).toBe(201);
    const once = res.json() as Detail;
    expect(once.status).toBe('in_progress');
    expect(once.findingList).toHaveLength(1);
    expect(once.findingList[0]!.unitId).toBe(w.aSchool.id);
    expect(once.findingList[0]!.recommendations[0]!.status).toBe('open');
    // The retry (same key) records nothing more.
    const again = (await chair.post(`${base()}/${ins.id}/findings`, finding)).json() as Detail;
    expect([again.findingList.length, again.version]).toEqual([1, once.version]);
    // The office records on any visit.
    expect((await admin.post(`${base()}/${ins.id}/findings`, { text: 'Ghi nhận của Văn phòng.' })).statusCode).toBe(201);
    // The chairman sees record rights; a council member not on the visit does not.
    expect((await get(ins.id, chair)).can.record).toBe(true);
    expect((await get(ins.id, council)).can.record).toBe(false);
  });

  it('takes evidence files that are what they say, within the size limit, and only files uploaded for the same inspection', async () => {
    const ins = await create();
    const other = await create();
    const upload = (c: Client, id: string, name: string, content: Buffer | string) =>
      c.request('POST', `${base()}/${id}/files`, ...multipartFile(name, content));
    let res = await upload(chair, ins.id, 'virus.exe', 'MZ....');
    expect([res.statusCode, fields(res)]).toEqual([415, ['file']]);
    res = await upload(chair, ins.id, 'bien-ban.pdf', 'not a pdf at all');
    expect([res.statusCode, err(res).code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
    res = await upload(chair, ins.id, 'bao-cao.docx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]));
    expect(res.statusCode).toBe(415);
    res = await upload(chair, ins.id, 'lon.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(11 * 1024 * 1024)]));
    expect([res.statusCode, err(res).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect((await upload(viewer, ins.id, 'bien-ban.pdf', PDF_BYTES)).statusCode).toBe(403);
    expect((await upload(otherFocal, ins.id, 'bien-ban.pdf', PDF_BYTES)).statusCode).toBe(403);
    res = await upload(chair, ins.id, 'Biên bản.pdf', PDF_BYTES);
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json() as { id: string; name: string };
    expect(file.name).toBe('Biên bản.pdf');
    const otherFile = (await upload(admin, other.id, 'khac.pdf', PDF_BYTES)).json() as { id: string };

    res = await chair.post(`${base()}/${ins.id}/findings`, { text: 'Có minh chứng.', evidence: { fileId: otherFile.id } });
    expect([res.statusCode, fields(res)]).toEqual([400, ['evidence.fileId']]);
    res = await chair.post(`${base()}/${ins.id}/findings`, { text: 'Có minh chứng.', evidence: { fileId: file.id } });
    expect(res.statusCode).toBe(201);
    expect((res.json() as Detail).findingList[0]!.evidence?.file?.id).toBe(file.id);
    const dl = await viewer.get(`${base()}/${ins.id}/files/${file.id}`);
    expect([dl.statusCode, dl.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(dl.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await viewer.get(`${base()}/${ins.id}/files/${otherFile.id}`)).statusCode).toBe(404);
    expect((await bAdmin.get(`${base()}/${ins.id}/files/${file.id}`)).statusCode).toBe(404);
  });

  it('follows a recommendation to closure: the unit answers (no other unit, not the office), a retry is idempotent, the office returns or closes it, then the inspection closes', async () => {
    const ins = await create();
    let d = (
      await chair.post(`${base()}/${ins.id}/findings`, {
        text: 'Chưa cập nhật số liệu Bình dân học vụ số.',
        recommendations: [
          { text: 'Cập nhật số liệu hằng tháng.', dueOn: addDays(today, 3) },
          { text: 'Báo cáo kết quả khắc phục.', dueOn: addDays(today, -1) },
        ],
      })
    ).json() as Detail;
    const [r1, r2] = d.findingList[0]!.recommendations as [Rec, Rec];
    expect(r1.can.answer).toBe(false);
    expect((await get(ins.id, focal)).findingList[0]!.recommendations[0]!.can).toEqual({ answer: true, close: false, return: false });
    const answerUrl = (r: Rec) => `${base()}/${ins.id}/recommendations/${r.id}/answer`;
    const answer = { version: r1.version, text: 'Đã cập nhật số liệu tháng 11.', evidence: { number: '20/BC-TH', date: today } };

    // "Việc của tôi": the school has both to answer (one overdue); the office nothing to review yet.
    const todo = async (c: Client) =>
      ((await c.get(`/api/me/todo?communeId=${w.a.id}&limit=50`)).json() as { groups: { kind: string; items: { key: string; href: string }[] }[] }).groups;
    const keys = (groups: Awaited<ReturnType<typeof todo>>, kind: string) => groups.find((g) => g.kind === kind)!.items.map((i) => i.key);
    const focalTodo = await todo(focal);
    expect(keys(focalTodo, 'due_soon')).toContain(`inspection-recommendation:${r1.id}`);
    expect(keys(focalTodo, 'overdue')).toContain(`inspection-recommendation:${r2.id}`);
    expect(focalTodo.flatMap((g) => g.items).find((i) => i.key === `inspection-recommendation:${r1.id}`)!.href).toBe(`/inspections/${w.a.id}/${ins.id}`);
    expect(keys(await todo(otherFocal), 'due_soon')).not.toContain(`inspection-recommendation:${r1.id}`);

    expect((await otherFocal.post(answerUrl(r1), answer)).statusCode).toBe(403);
    expect((await admin.post(answerUrl(r1), answer)).statusCode).toBe(403);
    expect((await chair.post(answerUrl(r1), answer)).statusCode).toBe(403);
    expect((await focal.post(`${base(w.c.id)}/${ins.id}/recommendations/${r1.id}/answer`, answer)).statusCode).toBe(404);
    let res = await focal.post(answerUrl(r1), { ...answer, text: '  ' });
    expect([res.statusCode, fields(res)]).toEqual([400, ['text']]);
    res = await focal.post(answerUrl(r1), answer);
    expect(res.statusCode, res.body).toBe(200);
    const answered = (res.json() as Detail).findingList[0]!.recommendations[0]!;
    expect([answered.status, answered.version]).toEqual(['answered', r1.version + 1]);
    // The retry of the same answer: nothing more written.
    res = await focal.post(answerUrl(r1), answer);
    expect(res.statusCode).toBe(200);
    expect((res.json() as Detail).findingList[0]!.recommendations[0]!.version).toBe(r1.version + 1);
    const entries = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.entityType, 'inspection_recommendation'), eq(auditEntry.entityId, r1.id), eq(auditEntry.action, 'answer'))),
    );
    expect(entries).toHaveLength(1);
    expect(keys(await todo(admin), 'to_review')).toContain(`inspection-follow-up:${r1.id}`);

    // Returned with a comment, answered again, closed.
    res = await admin.post(`${base()}/${ins.id}/recommendations/${r1.id}/return`, { version: answered.version, comment: '' });
    expect([res.statusCode, fields(res)]).toEqual([400, ['comment']]);
    res = await admin.post(`${base()}/${ins.id}/recommendations/${r1.id}/return`, { version: answered.version, comment: 'Thiếu số liệu tháng 10.' });
    const returned = (res.json() as Detail).findingList[0]!.recommendations[0]!;
    expect(returned.status).toBe('returned');
    expect(keys(await todo(focal), 'returned')).toContain(`inspection-recommendation:${r1.id}`);
    res = await focal.post(answerUrl(r1), { version: returned.version, text: 'Đã bổ sung số liệu tháng 10.' });
    const again = (res.json() as Detail).findingList[0]!.recommendations[0]!;
    expect(again.status).toBe('answered');
    expect((await focal.post(`${base()}/${ins.id}/recommendations/${r1.id}/close`, { version: again.version })).statusCode).toBe(403);
    res = await admin.post(`${base()}/${ins.id}/recommendations/${r1.id}/close`, { version: again.version });
    expect(res.statusCode).toBe(200);
    const closed = (res.json() as Detail).findingList[0]!.recommendations[0]!;
    expect(closed.status).toBe('closed');
    // Retried close: idempotent; an answer on a closed recommendation: 409.
    expect((await admin.post(`${base()}/${ins.id}/recommendations/${r1.id}/close`, { version: again.version })).statusCode).toBe(200);
    res = await focal.post(answerUrl(r1), { version: closed.version, text: 'Trả lời muộn.' });
    expect([res.statusCode, err(res).code]).toEqual([409, 'INVALID_TRANSITION']);

    // Conclude: the result and rating; then it cannot close while a recommendation is open.
    d = await get(ins.id);
    res = await admin.post(`${base()}/${ins.id}/conclude`, { version: d.version, conclusion: 'Đơn vị thực hiện khá.', rating: 'excellent' });
    expect([res.statusCode, fields(res)]).toEqual([400, ['rating']]);
    res = await admin.post(`${base()}/${ins.id}/conclude`, { version: d.version, conclusion: 'Đơn vị thực hiện khá.', rating: 'fair' });
    expect(res.statusCode, res.body).toBe(200);
    const concluded = res.json() as Detail;
    expect([concluded.status, concluded.rating]).toEqual(['concluded', 'fair']);
    expect((await admin.post(`${base()}/${ins.id}/conclude`, { version: d.version, conclusion: 'Đơn vị thực hiện khá.', rating: 'fair' })).statusCode).toBe(
      200,
    );
    res = await chair.post(`${base()}/${ins.id}/findings`, { text: 'Ghi thêm sau kết luận.' });
    expect([res.statusCode, err(res).code]).toEqual([409, 'INVALID_TRANSITION']);
    res = await admin.post(`${base()}/${ins.id}/close`, { version: concluded.version });
    expect([res.statusCode, err(res).code]).toEqual([409, 'INVALID_TRANSITION']);
    expect(err(res).message).toContain('Còn 1 kiến nghị chưa đóng');
    expect(concluded.can.close).toBe(false);

    // The second recommendation answered with a file, closed; then the inspection closes.
    const f = (await focal.request('POST', `${base()}/${ins.id}/files`, ...multipartFile('khac-phuc.pdf', PDF_BYTES))).json() as { id: string };
    res = await focal.post(answerUrl(r2), { version: r2.version, text: 'Đã báo cáo.', evidence: { fileId: f.id } });
    expect(res.statusCode, res.body).toBe(200);
    const r2a = (res.json() as Detail).findingList[0]!.recommendations[1]!;
    await admin.post(`${base()}/${ins.id}/recommendations/${r2.id}/close`, { version: r2a.version });
    d = await get(ins.id);
    expect([d.can.close, d.findingList[0]!.closed]).toEqual([true, true]);
    res = await admin.post(`${base()}/${ins.id}/close`, { version: d.version });
    expect([res.statusCode, (res.json() as Detail).status]).toEqual([200, 'closed']);
    res = await chair.post(`${base()}/${ins.id}/findings`, { text: 'Ghi thêm sau khi đóng.' });
    expect([res.statusCode, err(res).code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await focal.request('POST', `${base()}/${ins.id}/files`, ...multipartFile('muon.pdf', PDF_BYTES))).statusCode).toBe(409);

    // The face the scoring module cites.
    const ev = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => inspectionEvidence(tx, w.a.id, ins.id));
    expect(ev).toMatchObject({ id: ins.id, unitIds: [w.aSchool.id], status: 'closed', rating: 'fair', conclusion: 'Đơn vị thực hiện khá.', visitDate: visit });
    expect(await inScope(t.database.db, SYSTEM_SCOPE, (tx) => inspectionEvidence(tx, w.c.id, ins.id))).toBeNull();
    const ofUnit = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => inspectionsOfUnit(tx, w.a.id, w.aSchool.id, Number(visit.slice(0, 4))));
    expect(ofUnit.map((i) => i.id)).toContain(ins.id);
    expect(await inScope(t.database.db, SYSTEM_SCOPE, (tx) => inspectionsOfUnit(tx, w.a.id, w.aOffice.id, Number(visit.slice(0, 4))))).toEqual([]);
  });

  it('cancels a planned visit with its reason (the office only): nothing more is recorded on it and it is not cited as evidence', async () => {
    const ins = await create({ title: 'Đợt kiểm tra sẽ hủy' });
    const url = `${base()}/${ins.id}/cancel`;
    expect((await chair.post(url, { version: ins.version, reason: 'Bận' })).statusCode).toBe(403);
    expect((await bAdmin.post(`${base(w.b.id)}/${ins.id}/cancel`, { version: ins.version, reason: 'Bận' })).statusCode).toBe(404);
    const noReason = await admin.post(url, { version: ins.version, reason: '  \u0007 ' });
    expect([noReason.statusCode, fields(noReason)]).toEqual([400, ['reason']]);
    const done = await admin.post(url, { version: ins.version, reason: 'Nhà trường tổ chức thi học kỳ; chuyển sang đợt sau.' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Nhà trường tổ chức thi học kỳ; chuyển sang đợt sau.',
      can: { edit: false, record: false, cancel: false },
    });
    // A retry of the same cancel answers as the first did.
    const again = await admin.post(url, { version: ins.version, reason: 'Nhà trường tổ chức thi học kỳ; chuyển sang đợt sau.' });
    expect([again.statusCode, again.json().status]).toEqual([200, 'cancelled']);
    const finding = await chair.post(`${base()}/${ins.id}/findings`, { text: 'Kết quả sau khi hủy' });
    expect(finding.statusCode).toBe(409);
    const edit = await admin.patch(`${base()}/${ins.id}`, { ...plan({ title: 'Sửa sau khi hủy' }), version: done.json().version });
    expect(edit.statusCode).toBe(409);
    const ofUnit = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => inspectionsOfUnit(tx, w.a.id, w.aSchool.id, Number(visit.slice(0, 4))));
    expect(ofUnit.map((i) => i.id)).not.toContain(ins.id);
    // A visit with findings is held: it cannot be cancelled.
    const held = await create({ title: 'Đợt kiểm tra đã ghi kết quả' });
    expect((await chair.post(`${base()}/${held.id}/findings`, { text: 'Đã kiểm tra hồ sơ.' })).statusCode).toBe(201);
    const late = await admin.post(`${base()}/${held.id}/cancel`, { version: held.version, reason: 'Muộn' });
    expect(late.statusCode).toBe(409);
  });

  it('counts two members recording at the same moment, keeps a unit with findings on the visit, and reopens a concluded visit', async () => {
    const ins = await create({ unitIds: [w.aSchool.id, w.aOffice.id], memberIds: [w.users['a.chair']!.id, w.users['a.council']!.id] });
    const [one, two] = await Promise.all([
      chair.post(`${base()}/${ins.id}/findings`, { unitId: w.aSchool.id, text: 'Ghi nhận của Chủ tịch.' }),
      council.post(`${base()}/${ins.id}/findings`, { unitId: w.aOffice.id, text: 'Ghi nhận của thành viên.' }),
    ]);
    expect([one.statusCode, two.statusCode]).toEqual([201, 201]);
    let d = await get(ins.id);
    expect(d.findingList.map((f) => f.unitId).sort()).toEqual([w.aSchool.id, w.aOffice.id].sort());
    // Several units: the finding names its unit.
    let res = await chair.post(`${base()}/${ins.id}/findings`, { text: 'Không rõ đơn vị.' });
    expect([res.statusCode, fields(res)]).toEqual([400, ['unitId']]);
    res = await admin.patch(`${base()}/${ins.id}`, { ...plan({ unitIds: [w.aSchool.id] }), version: d.version });
    expect([res.statusCode, fields(res)]).toEqual([400, ['unitIds']]);
    res = await admin.post(`${base()}/${ins.id}/conclude`, { version: d.version, conclusion: 'Trung bình.', rating: 'average' });
    d = res.json() as Detail;
    expect(d.can).toMatchObject({ edit: false, record: false, conclude: false, reopen: true });
    expect((await admin.patch(`${base()}/${ins.id}`, { ...plan(), version: d.version })).statusCode).toBe(409);
    res = await admin.post(`${base()}/${ins.id}/reopen`, { version: d.version });
    expect([res.statusCode, (res.json() as Detail).status]).toEqual([200, 'in_progress']);
    expect((await chair.post(`${base()}/${ins.id}/reopen`, { version: d.version + 1 })).statusCode).toBe(403);
  });

  it('refuses to conclude before the visit day', async () => {
    const ins = await create({ visitDate: addDays(today, 10) });
    const res = await admin.post(`${base()}/${ins.id}/conclude`, { version: ins.version, conclusion: 'Sớm.', rating: 'good' });
    expect([res.statusCode, fields(res)]).toEqual([400, ['visitDate']]);
    expect(err(res).message).toContain('Chưa đến ngày kiểm tra');
  });

  it('keeps a user with roles in two communes to the rights of each: a council member in A, the admin of B', async () => {
    const ins = await create({ memberIds: [secondCouncilId] });
    // On A's visit as a council member: records; plans nothing in A.
    expect((await twoCommunes.post(`${base()}/${ins.id}/findings`, { text: 'Ghi nhận của thành viên.' })).statusCode).toBe(201);
    expect((await twoCommunes.post(base(), plan())).statusCode).toBe(403);
    // In B: plans with B's units, never with A's.
    const bCouncil = await makeUser(t.database.db, { username: 'b.council', password: PASSWORD, roles: [{ role: 'council_member', communeId: w.b.id }] });
    let res = await twoCommunes.post(base(w.b.id), plan({ unitIds: [w.bOffice.id], memberIds: [bCouncil.id] }));
    expect(res.statusCode, res.body).toBe(201);
    res = await twoCommunes.post(base(w.b.id), plan({ unitIds: [w.aSchool.id], memberIds: [bCouncil.id] }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['unitIds.0']]);
    res = await twoCommunes.post(base(w.b.id), plan({ unitIds: [w.bOffice.id], memberIds: [w.users['a.chair']!.id] }));
    expect([res.statusCode, fields(res)]).toEqual([400, ['memberIds.0']]);
    // Lists never mix communes.
    const inA = (await twoCommunes.get(`${base()}?pageSize=200`)).json() as { items: { communeId: string }[] };
    const inB = (await twoCommunes.get(`${base(w.b.id)}?pageSize=200`)).json() as { items: { communeId: string }[]; can: { create: boolean } };
    expect(new Set(inA.items.map((i) => i.communeId))).toEqual(new Set([w.a.id]));
    expect(new Set(inB.items.map((i) => i.communeId))).toEqual(new Set([w.b.id]));
    expect(inB.can.create).toBe(true);
    expect(((await twoCommunes.get(base())).json() as { can: { create: boolean } }).can.create).toBe(false);
  });

  it('lists with filters (year, unit, status, words without diacritics), paginates, and exports the list, the record and the minutes', async () => {
    const special = await create({ title: 'Giám sát Đoàn Thanh niên', visitDate: '2025-05-05', unitIds: [w.aOffice.id] });
    const page = async (q: string) => (await viewer.get(`${base()}?${q}`)).json() as { items: { id: string }[]; total: number };
    expect((await page('year=2025')).items.map((i) => i.id)).toEqual([special.id]);
    expect((await page(`unitId=${w.aOffice.id}`)).items.map((i) => i.id)).toContain(special.id);
    expect((await page(`unitId=${w.aOffice.id}&year=2025`)).items.map((i) => i.id)).toEqual([special.id]);
    expect((await page(`unitId=${w.aSchool.id}&year=2025`)).items).toEqual([]);
    expect((await page('q=giam%20sat%20doan')).items.map((i) => i.id)).toEqual([special.id]);
    expect((await page('status=closed')).total).toBe(1);
    const all = await page('pageSize=2');
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    const bad = await viewer.get(`${base()}?status=nope`);
    expect([bad.statusCode, fields(bad)]).toEqual([400, ['status']]);

    const readXlsx = async (buf: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(buf as unknown as ArrayBuffer);
      return wb.worksheets.map((ws) => {
        const rows: string[][] = [];
        ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
        return rows;
      });
    };
    const list = await viewer.get(`${base()}/export.xlsx?year=2025`);
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-disposition']).toContain('.xlsx');
    const [sheet] = await readXlsx(list.rawPayload);
    expect(sheet![0]!.slice(0, 3)).toEqual(['STT', 'Ngày kiểm tra', 'Tên đợt kiểm tra']);
    expect(sheet![1]).toContain('05/05/2025 08:30');
    expect(sheet).toHaveLength(2);

    const closedId = ((await viewer.get(`${base()}?status=closed`)).json() as { items: { id: string }[] }).items[0]!.id;
    const record = await viewer.get(`${base()}/${closedId}/record.xlsx`);
    expect(record.statusCode).toBe(200);
    const [info, findings] = await readXlsx(record.rawPayload);
    expect(info!.find((r) => r[0] === 'Xếp loại')![1]).toBe('Khá');
    expect(findings![0]).toContain('Trả lời của đơn vị');
    expect(findings!.some((r) => r.includes('Đã bổ sung số liệu tháng 10.') || r.some((c) => c.includes('Đã bổ sung số liệu tháng 10.')))).toBe(true);
    expect(findings!.some((r) => r.includes('Đã đóng'))).toBe(true);

    const minutes = await viewer.get(`${base()}/${closedId}/minutes.docx`);
    expect(minutes.statusCode).toBe(200);
    const xml = unzipEntry(minutes.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('BIÊN BẢN');
    expect(xml).toContain('KẾT LUẬN');
    expect(xml).toContain('Đơn vị thực hiện khá.');
    expect((await bAdmin.get(`${base()}/${closedId}/minutes.docx`)).statusCode).toBe(404);
  });
});
