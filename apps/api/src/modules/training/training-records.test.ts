import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_PHOTO_LIMIT, type SessionPhoto, type TrainingBreakdown } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { makeUnit, makeUser } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { auditEntry } from '../../platform/audit.table';
import { storedFile } from '../files/files.table';
import { trainingSession, trainingSessionPhoto } from './training.table';
import { makeJpeg, makePng } from '../../testing/kits/images';

const BOUNDARY = 'photoboundary';
/** A multipart body of one file in the field `file`. */
function multipart(filename: string, content: Buffer, field = 'file'): [Buffer, Record<string, string>] {
  return [
    Buffer.concat([
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`),
      content,
      Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
    ]),
    { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  ];
}

async function sheetOf(res: { rawPayload: Buffer }): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}
/** The rows of a sheet as arrays of cell texts (from column 1). */
function rowsOf(ws: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      const v = row.getCell(c).value;
      cells.push(v === null || v === undefined ? '' : String(v));
    }
    out.push(cells);
  });
  return out;
}

describe(`Bình dân học vụ số: session photos, completions broken down, Excel exports (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let team: Client;
  let team2: Client;
  let viewer: Client;
  let focal: Client;
  let cAdmin: Client;
  let village2: string;
  let team2Id: string;
  let session: string;
  let session2: string;
  let cSession: string;
  const base = (c = w.a.id) => `/api/communes/${c}/training`;
  const err = (res: { json(): unknown }) => (res.json() as { error: { code: string; message: string; details?: { field?: string }[] } }).error;
  const upload = (who: Client, sessionId: string, name: string, content: Buffer, query = '', communeId = w.a.id) => {
    const [body, headers] = multipart(name, content);
    return who.request('POST', `${base(communeId)}/sessions/${sessionId}/photos${query}`, body, headers);
  };
  const exportsAudited = (entityType: string) =>
    inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.communeId, w.a.id), eq(auditEntry.action, 'export'), eq(auditEntry.entityType, entityType))),
    );

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    village2 = (await makeUnit(t.database.db, w.a.id, { code: 'THON-2', name: 'Thôn Bắc', kind: 'village' })).id;
    team2Id = (await makeUnit(t.database.db, w.a.id, { code: 'THON-2-CNS', name: 'Tổ CNSCĐ thôn Bắc', kind: 'digital_team', parentId: village2 })).id;
    await makeUser(t.database.db, { username: 'b.team2', password: PASSWORD, roles: [{ role: 'digital_team_member', communeId: w.a.id, unitId: team2Id }] });
    admin = await loginAs(t, 'a.admin', PASSWORD);
    team = await loginAs(t, 'a.team', PASSWORD);
    team2 = await loginAs(t, 'b.team2', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    focal = await loginAs(t, 'a.focal', PASSWORD);
    cAdmin = await loginAs(t, 'c.admin', PASSWORD);
    const mk = async (who: Client, body: Record<string, unknown>) => {
      const res = await who.post(`${base()}/sessions`, { date: '2026-03-01', place: 'Nhà văn hóa', moduleCodes: ['KNS.THIET_BI', 'KNS.AN_TOAN'], ...body });
      expect(res.statusCode).toBe(201);
      return res.json().id as string;
    };
    session = await mk(team, { teamId: w.aTeam.id, villageId: w.aVillage.id, trainers: ['Nguyễn Văn Tổ'], startTime: '19:30' });
    session2 = await mk(admin, { teamId: team2Id, villageId: village2, date: '2026-04-02', place: 'Nhà văn hóa thôn Bắc', moduleCodes: ['KNS.DVC_VNEID'] });
    // A session of commune C (another province).
    const cVillage = await makeUnit(t.database.db, w.c.id, { code: 'C-THON', name: 'Thôn C', kind: 'village' });
    const cTeam = await makeUnit(t.database.db, w.c.id, { code: 'C-THON-CNS', name: 'Tổ C', kind: 'digital_team', parentId: cVillage.id });
    cSession = await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
      const [s] = await tx
        .insert(trainingSession)
        .values({ communeId: w.c.id, teamId: cTeam.id, villageId: cVillage.id, date: '2026-03-03', place: 'C', moduleCodes: ['KNS.THIET_BI'], trainers: [] })
        .returning();
      return s!.id;
    });
  });
  afterAll(async () => t?.close());

  describe('session photos', () => {
    it('takes a real JPEG and PNG from a team member, reads their size, lists them and gives the bytes back privately', async () => {
      const jpeg = makeJpeg(1600, 1200);
      const res = await upload(team, session, 'IMG_0001.jpg', jpeg, '?caption=L%E1%BB%9Bp%20h%E1%BB%8Dc%20t%E1%BB%91i');
      expect(res.statusCode).toBe(201);
      const photo = res.json() as SessionPhoto;
      expect(photo).toMatchObject({ mime: 'image/jpeg', width: 1600, height: 1200, size: jpeg.length, caption: 'Lớp học tối', can: { delete: true } });
      expect(photo.uploadedByName).toBeTruthy();
      // A PNG named .jpg by the phone: the bytes decide.
      const png = makePng(3, 2);
      const p2 = await upload(team, session, 'anh.jpg', png);
      expect([p2.statusCode, p2.json().mime, p2.json().width, p2.json().height]).toEqual([201, 'image/png', 3, 2]);

      const list = await team.get(`${base()}/sessions/${session}/photos`);
      expect(list.statusCode).toBe(200);
      expect(list.json()).toMatchObject({ limit: SESSION_PHOTO_LIMIT, can: { add: true } });
      expect((list.json().items as SessionPhoto[]).map((p) => p.id)).toEqual([photo.id, p2.json().id]);
      const img = await team.get(`${base()}/sessions/${session}/photos/${photo.id}/image`);
      expect(img.statusCode).toBe(200);
      expect(img.headers['content-type']).toBe('image/jpeg');
      expect(String(img.headers['cache-control'])).toMatch(/^private/u);
      expect(Buffer.compare(img.rawPayload, jpeg)).toBe(0);
      // The commune admin sees them too; every upload is in the audit log of the session.
      expect((await admin.get(`${base()}/sessions/${session}/photos/${photo.id}/image`)).statusCode).toBe(200);
      const audited = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
        tx
          .select()
          .from(auditEntry)
          .where(and(eq(auditEntry.action, 'file'), eq(auditEntry.entityType, 'training_session'), eq(auditEntry.entityId, session))),
      );
      expect(audited).toHaveLength(2);
    });

    it('refuses a text file named .jpg, a corrupt header, an empty file, a file too heavy and a photo too wide, each with the field named', async () => {
      const text = await upload(team, session, 'anh-that.jpg', Buffer.from('Đây không phải là ảnh, chỉ là chữ.\n'));
      expect([text.statusCode, err(text).code, err(text).details?.[0]?.field]).toEqual([415, 'UNSUPPORTED_FILE_TYPE', 'file']);
      expect(err(text).message).toContain('JPEG, PNG hoặc WebP');
      const broken = await upload(team, session, 'hong.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x7f, 0xff]), Buffer.alloc(40, 0x11)]));
      expect([broken.statusCode, err(broken).code]).toEqual([400, 'FILE_UNREADABLE']);
      expect(err(broken).message).toContain('bị hỏng');
      const cut = makePng(20, 20).subarray(0, 22);
      expect((await upload(team, session, 'cut.png', cut)).statusCode).toBe(400);
      expect((await upload(team, session, 'empty.jpg', Buffer.alloc(0))).statusCode).toBe(400);
      // Past 3 MB (the browser shrinks photos well under it): 413, nothing kept.
      const heavy = Buffer.concat([makeJpeg(16, 16), Buffer.alloc(3 * 1024 * 1024 + 10, 0)]);
      const tooHeavy = await upload(team, session, 'nang.jpg', heavy);
      expect([tooHeavy.statusCode, err(tooHeavy).code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      // A real JPEG 5000 px wide (a few hundred bytes: every block is flat).
      const wide = await upload(team, session, 'rong.jpg', makeJpeg(5000, 10));
      expect([wide.statusCode, err(wide).code, err(wide).details?.[0]?.field]).toEqual([400, 'VALIDATION_FAILED', 'file']);
      expect(err(wide).message).toContain('5000 × 10');
      // No file at all; a file in another field; a caption with a control character.
      expect((await team.request('POST', `${base()}/sessions/${session}/photos`, {})).statusCode).toBe(415);
      const [other, headers] = multipart('a.jpg', makeJpeg(8, 8), 'photo');
      expect((await team.request('POST', `${base()}/sessions/${session}/photos`, other, headers)).statusCode).toBe(400);
      expect((await upload(team, session, 'a.jpg', makeJpeg(8, 8), '?caption=a%07b')).statusCode).toBe(400);
      expect((await team.get(`${base()}/sessions/${session}/photos`)).json().items).toHaveLength(2);
    });

    it('keeps photos to those who see the session: other commune 404, viewer and focal point 403, another village’s team 403', async () => {
      const jpeg = makeJpeg(8, 8);
      expect((await upload(admin, cSession, 'a.jpg', jpeg, '', w.c.id)).statusCode).toBe(404);
      expect((await admin.get(`${base(w.c.id)}/sessions/${cSession}/photos`)).statusCode).toBe(404);
      // The session of commune A asked through commune C's path is not found either.
      expect((await cAdmin.get(`${base(w.c.id)}/sessions/${session}/photos`)).statusCode).toBe(404);
      expect((await cAdmin.get(`${base()}/sessions/${session}/photos`)).statusCode).toBe(404);
      expect((await upload(viewer, session, 'a.jpg', jpeg)).statusCode).toBe(403);
      expect((await viewer.get(`${base()}/sessions/${session}/photos`)).statusCode).toBe(403);
      expect((await upload(focal, session, 'a.jpg', jpeg)).statusCode).toBe(403);
      // Thôn Bắc's team does not serve Thôn Đông, and the other way round.
      const first = ((await team.get(`${base()}/sessions/${session}/photos`)).json().items as SessionPhoto[])[0]!;
      expect((await upload(team2, session, 'a.jpg', jpeg)).statusCode).toBe(403);
      expect((await team2.get(`${base()}/sessions/${session}/photos`)).statusCode).toBe(403);
      expect((await team2.get(`${base()}/sessions/${session}/photos/${first.id}/image`)).statusCode).toBe(403);
      expect((await upload(team, session2, 'a.jpg', jpeg)).statusCode).toBe(403);
      expect((await upload(team2, session2, 'a.jpg', jpeg)).statusCode).toBe(201);
      // A photo asked under another session of the commune is not found.
      expect((await admin.get(`${base()}/sessions/${session2}/photos/${first.id}/image`)).statusCode).toBe(404);
      expect((await admin.get(`${base()}/sessions/${session}/photos/${crypto.randomUUID()}/image`)).statusCode).toBe(404);
    });

    it('deletes a photo for its uploader or a manager only', async () => {
      const mine = (await upload(team, session, 'cua-to.jpg', makeJpeg(8, 8))).json() as SessionPhoto;
      const admins = (await upload(admin, session, 'cua-xa.jpg', makeJpeg(8, 8))).json() as SessionPhoto;
      const url = (p: SessionPhoto) => `${base()}/sessions/${session}/photos/${p.id}`;
      const listed = (await team.get(`${base()}/sessions/${session}/photos`)).json().items as SessionPhoto[];
      expect(listed.find((p) => p.id === admins.id)?.can.delete).toBe(false);
      expect(listed.find((p) => p.id === mine.id)?.can.delete).toBe(true);
      expect((await team.request('DELETE', url(admins))).statusCode).toBe(403);
      expect((await viewer.request('DELETE', url(mine))).statusCode).toBe(403);
      expect((await team2.request('DELETE', url(mine))).statusCode).toBe(403);
      expect((await cAdmin.request('DELETE', url(mine))).statusCode).toBe(404);
      expect((await team.request('DELETE', url(mine))).statusCode).toBe(204);
      expect((await team.request('DELETE', url(mine))).statusCode).toBe(404);
      expect((await team.get(`${url(mine)}/image`)).statusCode).toBe(404);
      expect((await admin.request('DELETE', url(admins))).statusCode).toBe(204);
      // The admin deletes a team member's photo too.
      const again = (await upload(team, session, 'lai.jpg', makeJpeg(8, 8))).json() as SessionPhoto;
      expect((await admin.request('DELETE', url(again))).statusCode).toBe(204);
      const deletes = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
        tx
          .select()
          .from(auditEntry)
          .where(and(eq(auditEntry.action, 'delete'), eq(auditEntry.entityType, 'training_session'), eq(auditEntry.entityId, session))),
      );
      expect(deletes).toHaveLength(3);
      // The images' bytes went with their rows: every stored photo belongs to a photo still listed.
      const stored = await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => ({
        files: (await tx.select({ id: storedFile.id }).from(storedFile).where(eq(storedFile.purpose, 'session_photo'))).map((f) => f.id).sort(),
        photos: (await tx.select({ fileId: trainingSessionPhoto.fileId }).from(trainingSessionPhoto)).map((p) => p.fileId).sort(),
      }));
      expect(stored.files).toEqual(stored.photos);
    });

    it(`holds at most ${SESSION_PHOTO_LIMIT} photos a session and says so`, async () => {
      const have = ((await team.get(`${base()}/sessions/${session}/photos`)).json().items as SessionPhoto[]).length;
      for (let i = have; i < SESSION_PHOTO_LIMIT; i++) expect((await upload(team, session, `anh-${i}.jpg`, makeJpeg(8, 8))).statusCode).toBe(201);
      const list = (await team.get(`${base()}/sessions/${session}/photos`)).json();
      expect([list.items.length, list.can.add]).toEqual([SESSION_PHOTO_LIMIT, false]);
      const over = await upload(team, session, 'anh-21.jpg', makeJpeg(8, 8));
      expect([over.statusCode, err(over).details?.[0]?.field]).toEqual([409, 'file']);
      expect(err(over).message).toContain(`${SESSION_PHOTO_LIMIT} ảnh`);
      expect((await team.get(`${base()}/sessions/${session}/photos`)).json().items).toHaveLength(SESSION_PHOTO_LIMIT);
    });
  });

  describe('completions broken down, and the Excel exports', () => {
    const breakdown = async (who: Client, query: string) => {
      const res = await who.get(`${base()}/coverage/breakdown?${query}`);
      expect(res.statusCode).toBe(200);
      return res.json() as TrainingBreakdown;
    };
    const mod = (b: TrainingBreakdown, code: string) => b.modules.find((m) => m.code === code)!;

    beforeAll(async () => {
      const add = async (who: Client, body: Record<string, unknown>) => {
        const res = await who.post(`${base()}/residents`, { villageId: w.aVillage.id, confirmNew: true, ...body });
        expect(res.statusCode).toBe(201);
        return res.json().id as string;
      };
      // Thôn Đông: 26 (25-34, woman, resident), 76 (65+, man, official), 15 (15-24, other, pupil), 11 (under age).
      const r1 = await add(team, { fullName: 'Lê Thị Một', birthYear: 2000, gender: 'female', learnerGroup: 'residents' });
      const r2 = await add(team, { fullName: 'Trần Văn Hai', birthYear: 1950, gender: 'male', learnerGroup: 'officials' });
      const r3 = await add(team, { fullName: 'Phạm Ba', birthYear: 2011, gender: 'other', learnerGroup: 'pupils' });
      const r4 = await add(team, { fullName: 'Vũ Bốn Nhỏ', birthYear: 2015, gender: 'male', learnerGroup: 'pupils' });
      // Thôn Bắc: 46 (45-54, woman, worker), whose evidence is dated in 2025.
      const r5 = await add(admin, { villageId: village2, fullName: 'Đỗ Thị Năm', birthYear: 1980, gender: 'female', learnerGroup: 'workers' });
      const marks = [r1, r3, r4].map((residentId, i) => ({ residentId, present: true, opKey: `bd-mark-000${i}` }));
      expect((await team.put(`${base()}/sessions/${session}/attendance`, { marks })).statusCode).toBe(200);
      const evidence = async (who: Client, id: string, completedOn: string, no: string) =>
        expect((await who.post(`${base()}/residents/${id}/completions`, { moduleCode: 'KNS.THIET_BI', certificateNo: no, completedOn })).statusCode).toBe(200);
      await evidence(team, r2, '2026-02-01', 'BD-2');
      await evidence(team, r3, '2026-02-01', 'BD-3'); // attended too: counted once
      await evidence(admin, r5, '2025-06-01', 'BD-5');
      // Help: two in Thôn Đông by its team, one in Thôn Bắc by the admin.
      const help = async (who: Client, body: Record<string, unknown>) =>
        expect((await who.post(`${base()}/help`, { teamId: w.aTeam.id, villageId: w.aVillage.id, date: '2026-03-05', ...body })).statusCode).toBe(201);
      await help(team, { type: 'vneid_level2', residentId: r1 });
      await help(team, { type: 'public_service_filing', count: 7, note: 'Cấp đổi giấy phép lái xe' });
      await help(admin, { teamId: team2Id, villageId: village2, type: 'cashless_account', count: 3 });
      expect(
        (
          await admin.put(`${base()}/population`, {
            year: 2026,
            items: [
              { villageId: w.aVillage.id, adults: 10 },
              { villageId: village2, adults: 20 },
            ],
          })
        ).statusCode,
      ).toBe(200);
      expect((await admin.put(`${base()}/teams/${w.aTeam.id}`, { decisionNo: '12/QĐ-UBND', decisionDate: '2025-09-01' })).statusCode).toBe(200);
    });

    it('counts each module’s completions by learner group, age band and gender, by the year’s end, adults only, per village', async () => {
      const b = await breakdown(viewer, 'year=2026');
      expect(b.adultAge).toBe(15);
      expect(mod(b, 'KNS.THIET_BI')).toEqual({
        code: 'KNS.THIET_BI',
        name: 'Sử dụng điện thoại thông minh, máy tính và phần mềm thông dụng',
        total: 4,
        byGroup: { pupils: 1, residents: 1, officials: 1, workers: 1 },
        byAgeBand: { '15-24': 1, '25-34': 1, '35-44': 0, '45-54': 1, '55-64': 0, '65+': 1 },
        byGender: { male: 1, female: 2, other: 1 },
      });
      expect(mod(b, 'KNS.AN_TOAN')).toMatchObject({ total: 2, byGender: { male: 0, female: 1, other: 1 } });
      expect(mod(b, 'KNS.AI').total).toBe(0);
      // 2025: only what was completed by its end (the session and the other evidence are of 2026).
      const before = await breakdown(admin, 'year=2025');
      expect(mod(before, 'KNS.THIET_BI')).toMatchObject({ total: 1, byAgeBand: { '45-54': 1 }, byGroup: { workers: 1 }, byGender: { female: 1 } });
      expect(mod(before, 'KNS.AN_TOAN').total).toBe(0);
      expect(mod(await breakdown(admin, `year=2026&villageId=${village2}`), 'KNS.THIET_BI')).toMatchObject({ total: 1, byGender: { female: 1 } });
      expect(mod(await breakdown(admin, `year=2026&villageId=${w.aVillage.id}`), 'KNS.THIET_BI').total).toBe(3);
      // A village filter naming something else, a bad year, another commune.
      expect((await admin.get(`${base()}/coverage/breakdown?year=2026&villageId=${w.aOffice.id}`)).statusCode).toBe(400);
      expect((await admin.get(`${base()}/coverage/breakdown?year=20x6`)).statusCode).toBe(400);
      expect((await admin.get(`${base(w.c.id)}/coverage/breakdown?year=2026`)).statusCode).toBe(404);
      // The main coverage is unchanged by it (its modules figure counts every completion, as before).
      expect((await admin.get(`${base()}/coverage?year=2026`)).statusCode).toBe(200);
    });

    it('exports the sessions with attendees, module names, team, village and dd/MM/yyyy dates, and audits it', async () => {
      const res = await viewer.get(`${base()}/sessions/export.xlsx?year=2026`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="Buoi-huong-dan-\d\d-\d\d-\d{4}\.xlsx"/u);
      const rows = rowsOf(await sheetOf(res));
      expect(rows[0]).toEqual([
        'Ngày',
        'Giờ bắt đầu',
        'Thôn, tổ dân phố',
        'Tổ công nghệ số cộng đồng',
        'Địa điểm',
        'Học phần',
        'Người hướng dẫn',
        'Số người tham dự',
      ]);
      expect(rows.slice(1)).toEqual([
        ['02/04/2026', '', 'Thôn Bắc', 'Tổ CNSCĐ thôn Bắc', 'Nhà văn hóa thôn Bắc', 'Sử dụng ứng dụng VNeID và dịch vụ công trực tuyến', '', '0'],
        [
          '01/03/2026',
          '19:30',
          'Thôn Đông',
          'Tổ CNSCĐ thôn Đông',
          'Nhà văn hóa',
          'Sử dụng điện thoại thông minh, máy tính và phần mềm thông dụng; An toàn trên môi trường số: lừa đảo trực tuyến, bảo vệ dữ liệu cá nhân',
          'Nguyễn Văn Tổ',
          '3',
        ],
      ]);
      expect(rowsOf(await sheetOf(await viewer.get(`${base()}/sessions/export.xlsx?year=2026&villageId=${village2}`)))).toHaveLength(2);
      expect(rowsOf(await sheetOf(await viewer.get(`${base()}/sessions/export.xlsx?year=2025`)))).toHaveLength(1);
      expect(await exportsAudited('training_session')).toHaveLength(3);
      expect((await admin.get(`${base(w.c.id)}/sessions/export.xlsx`)).statusCode).toBe(404);
    });

    it('exports the help log (it names residents: a team its villages only, the admin all; no viewer), and audits it', async () => {
      const all = rowsOf(await sheetOf(await admin.get(`${base()}/help/export.xlsx?year=2026`)));
      expect(all[0]).toEqual(['Ngày', 'Thôn, tổ dân phố', 'Tổ công nghệ số cộng đồng', 'Nội dung hỗ trợ', 'Người dân được hỗ trợ', 'Số người', 'Ghi chú']);
      expect(all.slice(1).map((r) => [r[0], r[1], r[3], r[4], r[5], r[6]])).toEqual(
        expect.arrayContaining([
          ['05/03/2026', 'Thôn Đông', 'Kích hoạt định danh điện tử mức độ 2', 'Lê Thị Một', '1', ''],
          ['05/03/2026', 'Thôn Đông', 'Nộp hồ sơ dịch vụ công trực tuyến', '', '7', 'Cấp đổi giấy phép lái xe'],
          ['05/03/2026', 'Thôn Bắc', 'Mở tài khoản thanh toán không dùng tiền mặt', '', '3', ''],
        ]),
      );
      expect(all).toHaveLength(4);
      const mine = rowsOf(await sheetOf(await team.get(`${base()}/help/export.xlsx`)));
      expect(mine.slice(1).map((r) => r[1])).toEqual(['Thôn Đông', 'Thôn Đông']);
      expect(rowsOf(await sheetOf(await admin.get(`${base()}/help/export.xlsx?year=2025`)))).toHaveLength(1);
      expect((await viewer.get(`${base()}/help/export.xlsx`)).statusCode).toBe(403);
      expect((await admin.get(`${base(w.c.id)}/help/export.xlsx`)).statusCode).toBe(404);
      expect(await exportsAudited('help_log')).toHaveLength(3);
    });

    it('exports the teams with their founding decision, villages served and members, and audits it', async () => {
      const rows = rowsOf(await sheetOf(await viewer.get(`${base()}/teams/export.xlsx`)));
      expect(rows[0]).toEqual(['Tên tổ', 'Trực thuộc', 'Số quyết định thành lập', 'Ngày quyết định', 'Thôn, tổ dân phố phụ trách', 'Số thành viên']);
      expect(rows.slice(1)).toEqual(
        expect.arrayContaining([
          ['Tổ CNSCĐ thôn Đông', 'Thôn Đông', '12/QĐ-UBND', '01/09/2025', 'Thôn Đông', '1'],
          ['Tổ CNSCĐ thôn Bắc', 'Thôn Bắc', '', '', 'Thôn Bắc', '1'],
        ]),
      );
      expect(rows).toHaveLength(3);
      expect(await exportsAudited('training_team')).toHaveLength(1);
      expect((await viewer.get(`${base(w.c.id)}/teams/export.xlsx`)).statusCode).toBe(404);
    });

    it('exports the coverage per village for a year with the commune’s total, and the breakdown, and audits both', async () => {
      const res = await viewer.get(`${base()}/coverage/villages.xlsx?year=2026`);
      expect(res.statusCode).toBe(200);
      const rows = rowsOf(await sheetOf(res));
      expect(rows[0]![0]).toBe('Thôn, tổ dân phố');
      const coverage = (await viewer.get(`${base()}/coverage?year=2026`)).json();
      const east = coverage.villages.find((v: { villageId: string }) => v.villageId === w.aVillage.id);
      expect(rows.find((r) => r[0] === 'Thôn Đông')).toEqual([
        'Thôn Đông',
        '10',
        String(east.residents),
        String(east.trained),
        String(east.ratio),
        '1',
        String(east.helped),
        '1',
        'Có',
      ]);
      expect(rows.at(-1)!.slice(0, 3)).toEqual(['Toàn xã', '30', String(coverage.totals.residents)]);
      expect(rows).toHaveLength(coverage.villages.length + 2);
      expect((await viewer.get(`${base()}/coverage/villages.xlsx`)).statusCode).toBe(400);

      const b = await viewer.get(`${base()}/coverage/breakdown.xlsx?year=2026`);
      expect(b.statusCode).toBe(200);
      const sheet = rowsOf(await sheetOf(b));
      expect(sheet[0]!.slice(0, 2)).toEqual(['Học phần', 'Nhóm đối tượng']);
      expect(sheet[1]).toEqual([
        'Tên học phần',
        'Học sinh, sinh viên',
        'Người dân',
        'Cán bộ, công chức, viên chức',
        'Người lao động trong doanh nghiệp',
        'Từ 15 đến 24 tuổi',
        'Từ 25 đến 34 tuổi',
        'Từ 35 đến 44 tuổi',
        'Từ 45 đến 54 tuổi',
        'Từ 55 đến 64 tuổi',
        'Từ 65 tuổi trở lên',
        'Nam',
        'Nữ',
        'Khác',
        'Số người hoàn thành',
      ]);
      expect(sheet.find((r) => r[0] === 'Sử dụng điện thoại thông minh, máy tính và phần mềm thông dụng')).toEqual(
        ['', '1', '1', '1', '1', '1', '1', '0', '1', '0', '1', '1', '2', '1', '4'].map((v, i) =>
          i === 0 ? 'Sử dụng điện thoại thông minh, máy tính và phần mềm thông dụng' : v,
        ),
      );
      expect(sheet).toHaveLength(2 + (await breakdown(viewer, 'year=2026')).modules.length);
      const village = rowsOf(await sheetOf(await viewer.get(`${base()}/coverage/breakdown.xlsx?year=2026&villageId=${village2}`)));
      expect(village[0]![0]).toBe('Học phần (Thôn Bắc)');
      expect(await exportsAudited('village_population')).toHaveLength(1);
      expect(await exportsAudited('skill_module')).toHaveLength(2);
      expect((await admin.get(`${base(w.c.id)}/coverage/breakdown.xlsx?year=2026`)).statusCode).toBe(404);
    });
  });
});
