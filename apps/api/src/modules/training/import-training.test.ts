import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToExcelSerial, vietnamYear } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { multipartFile } from '../../testing/kits/reports';
import { makeUnit } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { auditEntry } from '../../platform/audit.table';
import { indicatorValue } from '../indicators';
import { attendance, completionEvidence, resident, trainingSession, villagePopulation } from './training.table';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SESSION_HEAD = ['Mã buổi', 'Ngày', 'Giờ bắt đầu', 'Thôn, tổ dân phố', 'Tổ công nghệ số cộng đồng', 'Địa điểm', 'Học phần', 'Người hướng dẫn'];
const MARK_HEAD = ['Mã buổi', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số định danh cá nhân', 'Số điện thoại'];
const COMPLETION_HEAD = ['Họ và tên', 'Năm sinh', 'Thôn, tổ dân phố', 'Số định danh cá nhân', 'Học phần', 'Số chứng nhận', 'Ngày hoàn thành'];
const POPULATION_HEAD = ['Thôn, tổ dân phố', 'Năm', 'Số người từ đủ 15 tuổi'];
const VNEID = 'Sử dụng ứng dụng VNeID và dịch vụ công trực tuyến';

/** A workbook of named sheets, each given as its rows (the first one the header). */
async function book(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const sessionsBook = (sessions: unknown[][], marks: unknown[][]) => book({ 'Buổi học': [SESSION_HEAD, ...sessions], 'Điểm danh': [MARK_HEAD, ...marks] });
type Err = { row: number; sheet?: string; field?: string; message: string };
const where = (errors: Err[]) => errors.map((e) => [e.sheet ?? '', e.row, e.field ?? '']);

describe(`training imports from Excel: sessions with attendance, completions, population (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let team: Client;
  let viewer: Client;
  let otherAdmin: Client;
  let north: string;
  const base = (c = w.a.id) => `/api/communes/${c}/training`;
  const upload = (client: Client, kind: string, file: Buffer, dryRun: boolean, opts: { name?: string; communeId?: string; type?: string } = {}) => {
    const [body, headers] = multipartFile(opts.name ?? 'tep.xlsx', file, opts.type ?? XLSX);
    return client.request('POST', `${base(opts.communeId)}/${kind}/import?dryRun=${dryRun}`, body, headers);
  };
  const sys = <T>(fn: Parameters<typeof inScope<T>>[2]) => inScope(t.database.db, SYSTEM_SCOPE, fn);
  const counts = () =>
    sys(async (tx) => ({
      sessions: (await tx.select().from(trainingSession).where(eq(trainingSession.communeId, w.a.id))).length,
      marks: (await tx.select().from(attendance).where(eq(attendance.communeId, w.a.id))).length,
      residents: (await tx.select().from(resident).where(eq(resident.communeId, w.a.id))).length,
      completions: (await tx.select().from(completionEvidence).where(eq(completionEvidence.communeId, w.a.id))).length,
      population: (await tx.select().from(villagePopulation).where(eq(villagePopulation.communeId, w.a.id))).length,
    }));

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    north = (await makeUnit(t.database.db, w.a.id, { code: 'THON-2', name: 'Thôn Bắc', kind: 'village' })).id;
    await makeUnit(t.database.db, w.a.id, { code: 'THON-2-CNS', name: 'Tổ CNSCĐ thôn Bắc', kind: 'digital_team', parentId: north });
    admin = await loginAs(t, 'a.admin', PASSWORD);
    team = await loginAs(t, 'a.team', PASSWORD);
    viewer = await loginAs(t, 'a.viewer', PASSWORD);
    otherAdmin = await loginAs(t, 'c.admin', PASSWORD);
    // Already on the list: one with a national ID, one without.
    expect(
      (
        await admin.post(`${base()}/residents`, {
          villageId: w.aVillage.id,
          fullName: 'Phạm Văn Có',
          birthYear: 1960,
          gender: 'male',
          nationalId: '001060000111',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await admin.post(`${base()}/residents`, { villageId: w.aVillage.id, fullName: 'Đặng Thị Sẵn', birthYear: 1985, gender: 'female' })).statusCode,
    ).toBe(201);
  });
  afterAll(async () => t?.close());

  it('sessions: a dry run lists every row’s problem by sheet, row and column, and a commit of that file writes nothing', async () => {
    const next = vietnamYear() + 1;
    const bad = await sessionsBook(
      [
        ['B1', '10/03/2025', '07:30', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa thôn Đông', `KNS.THIET_BI; ${VNEID}`, 'Nguyễn Văn Hướng; Lê Thị Dẫn'],
        ['B2', '31/02/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa', 'KNS.THIET_BI'],
        ['B3', '11/03/2025', '', 'Thôn Xa', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa', 'KNS.THIET_BI'],
        ['B4', '12/03/2025', '25:00', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa', 'KNS.KHONG_CO'],
        ['b1', '13/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa', 'KNS.THIET_BI'],
        ['B5', isoToExcelSerial('2025-03-10'), '7h30', 'thon dong', 'THON-1-CNS', 'nha van hoa thon dong', 'KNS.AN_TOAN'],
        ['B6', '14/03/2025', '', 'Thôn Bắc', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa', 'KNS.THIET_BI'],
        ['B7', '01/12/2024', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa', 'KNS.THIET_BI'],
      ],
      [
        ['B1', 'Trần Thị Mới', 1970, 'Nữ'],
        ['B1', 'Lê Văn Sau', next, 'Nam'],
        ['B1', 'tran thi moi', '1970', 'Nữ'],
        ['B9', 'Hồ Văn Lạc', 1980, 'Nam'],
        ['B2', 'Hồ Văn Chờ', 1980, 'Nam'],
        ['B1', 'Vũ Văn Chưa', 1990, ''],
        ['B1', 'Mai Thị Số', 1991, 'Nữ', '1060000111'],
      ],
    );
    const before = await counts();
    const dry = await upload(admin, 'sessions', bad, true);
    expect(dry.statusCode).toBe(200);
    const body = dry.json() as { errors: Err[]; errorCount: number; sessions: object; marks: object; newResidents: number; rows: number };
    expect(where(body.errors)).toEqual([
      ['Buổi học', 3, 'Ngày'],
      ['Buổi học', 4, 'Thôn, tổ dân phố'],
      ['Buổi học', 5, 'Giờ bắt đầu'],
      ['Buổi học', 5, 'Học phần'],
      ['Buổi học', 6, 'Mã buổi'],
      ['Buổi học', 7, 'Ngày'],
      ['Buổi học', 8, 'Tổ công nghệ số cộng đồng'],
      ['Buổi học', 9, 'Ngày'],
      ['Điểm danh', 3, 'Năm sinh'],
      ['Điểm danh', 4, 'Họ và tên'],
      ['Điểm danh', 5, 'Mã buổi'],
      ['Điểm danh', 7, 'Giới tính'],
      ['Điểm danh', 8, 'Số định danh cá nhân'],
    ]);
    const msg = (sheet: string, row: number) => body.errors.find((e) => e.sheet === sheet && e.row === row)!.message;
    expect(msg('Buổi học', 3)).toBe('Ngày: "31/02/2025" không phải ngày (ghi dd/MM/yyyy, ví dụ 05/03/2026).');
    expect(msg('Buổi học', 4)).toBe('Thôn, tổ dân phố: "Thôn Xa" không phải thôn, tổ dân phố của xã.');
    expect(msg('Buổi học', 6)).toBe('Mã buổi: mã buổi "b1" đã dùng ở dòng 2 của trang Buổi học.');
    expect(msg('Buổi học', 7)).toContain('đã có ở dòng 2 của trang Buổi học');
    expect(msg('Buổi học', 8)).toBe('Tổ công nghệ số cộng đồng: Tổ CNSCĐ thôn Đông không phụ trách Thôn Bắc.');
    expect(msg('Buổi học', 9)).toBe('Ngày: Ngày 01/12/2024 trước 01/01/2025.');
    expect(msg('Điểm danh', 3)).toBe(`Năm sinh: Năm sinh ${next} sau năm hiện tại (${next - 1}).`);
    expect(msg('Điểm danh', 4)).toBe('Họ và tên: người này đã được điểm danh ở buổi B1 tại dòng 2 của trang Điểm danh.');
    expect(msg('Điểm danh', 5)).toBe('Mã buổi: "B9" không có ở trang Buổi học.');
    expect(msg('Điểm danh', 8)).toContain('Excel có thể đã bỏ số 0 đầu');
    expect(body).toMatchObject({ rows: 15, sessions: { created: 1, unchanged: 0 }, marks: { created: 1, unchanged: 0 }, newResidents: 1, errorCount: 13 });

    const refused = await upload(admin, 'sessions', bad, false);
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'IMPORT_ROWS_INVALID']);
    expect(refused.json().error.message).toContain('Trang Buổi học, dòng 3');
    expect(await counts()).toEqual(before);
  });

  const good = () =>
    sessionsBook(
      [
        ['B1', '10/03/2025', '07:30', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa thôn Đông', `KNS.THIET_BI; ${VNEID}`, 'Nguyễn Văn Hướng; Lê Thị Dẫn'],
        ['B2', '17/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Sân đình', 'KNS.AN_TOAN'],
        ['B3', new Date(Date.UTC(2025, 2, 18)), '', 'Thôn Bắc', 'Tổ CNSCĐ thôn Bắc', 'Nhà văn hóa thôn Bắc', 'KNS.THIET_BI'],
      ],
      [
        // Found by national ID (the name written differently), by name + birth year + village, and new ones.
        ['B1', 'Pham Van Co', 1960, '', '001060000111'],
        ['B1', 'đặng thị sẵn', 1985],
        ['B1', 'Trần Thị Mới', 1970, 'Nữ', '', '0912 000 222'],
        ['B2', 'Trần Thị Mới', 1970, 'Nữ'],
        ['B2', 'Ngô Văn Mới', '02/01/1999', 'Nam', '001099000333'],
        ['B3', 'Trần Thị Mới', 1970, 'Nữ'],
      ],
    );

  it('sessions: a commit writes sessions, new residents once each, marks and one audit entry; the same file again creates nothing', async () => {
    const before = await counts();
    const file = await good();
    const dry = (await upload(admin, 'sessions', file, true)).json();
    expect(dry).toMatchObject({ dryRun: true, errorCount: 0, sessions: { created: 3, unchanged: 0 }, marks: { created: 6, unchanged: 0 }, newResidents: 3 });
    expect(await counts()).toEqual(before);
    const done = await upload(admin, 'sessions', file, false, { name: 'buoi-hoc.xlsx' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ dryRun: false, sessions: { created: 3 }, marks: { created: 6 }, newResidents: 3 });
    const after = await counts();
    // Trần Thị Mới of Thôn Đông once (two sessions there), and once more in Thôn Bắc (another village: another person).
    expect(after).toMatchObject({ sessions: before.sessions + 3, marks: before.marks + 6, residents: before.residents + 3 });
    const b1 = await sys(
      async (tx) =>
        (
          await tx
            .select()
            .from(trainingSession)
            .where(and(eq(trainingSession.communeId, w.a.id), eq(trainingSession.place, 'Nhà văn hóa thôn Đông')))
        )[0]!,
    );
    expect(b1).toMatchObject({
      date: '2025-03-10',
      startTime: '07:30',
      moduleCodes: ['KNS.THIET_BI', 'KNS.DVC_VNEID'],
      trainers: ['Nguyễn Văn Hướng', 'Lê Thị Dẫn'],
    });
    const detail = (await admin.get(`${base()}/sessions/${b1.id}`)).json() as { attendance: { fullName: string }[] };
    expect(detail.attendance.map((a) => a.fullName).sort()).toEqual(['Phạm Văn Có', 'Trần Thị Mới', 'Đặng Thị Sẵn']);
    const audits = await sys((tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.communeId, w.a.id), eq(auditEntry.action, 'import'), eq(auditEntry.entityType, 'training_session'))),
    );
    expect(audits.map((a) => a.summary)).toEqual(['Nhập buổi hướng dẫn từ tệp "buoi-hoc.xlsx": 3 buổi mới, 6 lượt điểm danh, 3 người dân mới']);
    // The coverage was refreshed: the sessions of 2025 are counted.
    const [teamSessions] = await sys((tx) =>
      tx
        .select()
        .from(indicatorValue)
        .where(and(eq(indicatorValue.unitId, w.aTeam.id), eq(indicatorValue.indicatorCode, 'XH.BUOI_HUONG_DAN'), eq(indicatorValue.year, 2025))),
    );
    expect(teamSessions).toMatchObject({ value: 2 });

    const again = (await upload(admin, 'sessions', file, false)).json();
    expect(again).toMatchObject({ sessions: { created: 0, unchanged: 3 }, marks: { created: 0, unchanged: 6 }, newResidents: 0, errorCount: 0 });
    expect(await counts()).toEqual(after);
  });

  it('sessions: a session already there with other modules is a row error, not an overwrite', async () => {
    const file = await sessionsBook([['B1', '10/03/2025', '07:30', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà văn hóa thôn Đông', 'KNS.AI']], []);
    const dry = (await upload(admin, 'sessions', file, true)).json() as { errors: Err[] };
    expect(where(dry.errors)).toEqual([['Buổi học', 2, 'Học phần']]);
    expect(dry.errors[0]!.message).toContain('hệ thống không ghi đè');
    expect(dry.errors[0]!.message).not.toContain('KNS.');
  });

  it('sessions: an import that fails while writing leaves nothing behind', async () => {
    // A fault at the database after the sessions and residents are written (the marks' insert raises).
    await t.database.system.execute(sql`create or replace function tds_test_fail_mark() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from training_session s where s.commune_id = new.commune_id and s.id = new.session_id and s.place = 'Nơi gây lỗi') then
          raise exception 'forced failure';
        end if;
        return new;
      end $$`);
    await t.database.system.execute(sql`create trigger tds_test_fail_mark before insert on attendance for each row execute function tds_test_fail_mark()`);
    try {
      const before = await counts();
      const file = await sessionsBook(
        [
          ['K1', '20/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Trường học', 'KNS.THIET_BI'],
          ['K2', '21/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nơi gây lỗi', 'KNS.THIET_BI'],
        ],
        [
          ['K1', 'Lý Văn Dở', 1977, 'Nam'],
          ['K2', 'Lý Thị Dang', 1978, 'Nữ'],
        ],
      );
      expect((await upload(admin, 'sessions', file, true)).json()).toMatchObject({ errorCount: 0, sessions: { created: 2 }, newResidents: 2 });
      const res = await upload(admin, 'sessions', file, false);
      expect(res.statusCode).toBe(500);
      expect(await counts()).toEqual(before);
    } finally {
      await t.database.system.execute(sql`drop trigger tds_test_fail_mark on attendance`);
      await t.database.system.execute(sql`drop function tds_test_fail_mark()`);
    }
  });

  it('sessions: a team member imports for the team’s village only; a viewer and another commune are refused', async () => {
    const north = await sessionsBook([['N1', '24/03/2025', '', 'Thôn Bắc', 'Tổ CNSCĐ thôn Bắc', 'Nhà văn hóa', 'KNS.THIET_BI']], []);
    const dry = (await upload(team, 'sessions', north, true)).json() as { errors: Err[] };
    expect(dry.errors).toEqual([
      { sheet: 'Buổi học', row: 2, field: 'Thôn, tổ dân phố', message: 'Thôn, tổ dân phố: Bạn không phụ trách thôn, tổ dân phố này.' },
      {
        sheet: 'Buổi học',
        row: 2,
        field: 'Tổ công nghệ số cộng đồng',
        message: 'Tổ công nghệ số cộng đồng: Bạn chỉ nhập buổi của Tổ công nghệ số cộng đồng mình.',
      },
    ]);
    const own = await sessionsBook(
      [['E1', '25/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà ông Trưởng thôn', 'KNS.THIET_BI']],
      [['E1', 'Đặng Thị Sẵn', 1985]],
    );
    expect((await upload(team, 'sessions', own, false)).json()).toMatchObject({ sessions: { created: 1 }, marks: { created: 1 }, newResidents: 0 });
    expect((await upload(viewer, 'sessions', own, true)).statusCode).toBe(403);
    expect((await upload(otherAdmin, 'sessions', own, true)).statusCode).toBe(404);
    expect((await upload(admin, 'sessions', own, true, { communeId: w.c.id })).statusCode).toBe(404);
    expect((await viewer.get(`${base()}/sessions/template`)).statusCode).toBe(403);
    expect((await otherAdmin.get(`${base()}/sessions/template`)).statusCode).toBe(404);
  });

  it('completions: the resident must exist, a second import changes nothing, another certificate number is a row error', async () => {
    const before = await counts();
    const bad = await book({
      'Chứng nhận': [
        COMPLETION_HEAD,
        ['Phạm Văn Có', 1960, 'Thôn Đông', '', 'KNS.AI', 'NTHVS-0001', '15/04/2025'],
        ['Người Không Có', 1950, 'Thôn Đông', '', 'KNS.AI', 'NTHVS-0002', '15/04/2025'],
        ['Đặng Thị Sẵn', 1985, 'Thôn Đông', '', 'KNS.KHONG_CO', 'NTHVS-0003', '15/04/2025'],
        ['Đặng Thị Sẵn', 1985, 'Thôn Đông', '', 'KNS.AI', 'NTHVS-0004', '31/13/2025'],
        ['Đặng Thị Sẵn', 1985, 'Thôn Đông', '', 'KNS.AI', 'NTHVS-0005', '01/01/2099'],
        ['Pham van co', 1960, 'Thôn Đông', '001060000111', 'Trí tuệ nhân tạo', 'NTHVS-0006', '16/04/2025'],
        ['Đặng Thị Sẵn', 1985, 'Thôn Xa', '', 'KNS.AI', 'NTHVS-0007', '15/04/2025'],
        ['Đặng Thị Sẵn', 1885, 'Thôn Đông', '', 'KNS.AI', 'NTHVS-0008', '15/04/2025'],
      ],
    });
    const dry = (await upload(admin, 'completions', bad, true)).json() as { errors: Err[]; created: number };
    expect(where(dry.errors)).toEqual([
      ['', 3, 'Họ và tên'],
      ['', 4, 'Học phần'],
      ['', 5, 'Ngày hoàn thành'],
      ['', 6, 'Ngày hoàn thành'],
      ['', 7, 'Học phần'],
      ['', 8, 'Thôn, tổ dân phố'],
      ['', 9, 'Năm sinh'],
    ]);
    expect(dry.errors[0]!.message).toContain('không tìm thấy Người Không Có (sinh năm 1950)');
    expect(dry.errors[4]!.message).toBe('Học phần: người này và học phần này đã có ở dòng 2 của tệp.');
    expect(dry.created).toBe(1);
    expect((await upload(admin, 'completions', bad, false)).statusCode).toBe(400);
    expect(await counts()).toEqual(before);

    const file = await book({
      'Chứng nhận': [
        COMPLETION_HEAD,
        ['Phạm Văn Có', 1960, 'Thôn Đông', '001060000111', 'KNS.AI', 'NTHVS-0001', '15/04/2025'],
        ['Đặng Thị Sẵn', '1985', 'thon dong', '', 'Trí tuệ nhân tạo', 'NTHVS-0009', isoToExcelSerial('2025-04-16')],
      ],
    });
    expect((await upload(admin, 'completions', file, false)).json()).toMatchObject({ dryRun: false, created: 2, unchanged: 0, errorCount: 0 });
    expect((await counts()).completions).toBe(before.completions + 2);
    expect((await upload(admin, 'completions', file, false)).json()).toMatchObject({ created: 0, unchanged: 2 });
    expect((await counts()).completions).toBe(before.completions + 2);

    const other = await book({ 'Chứng nhận': [COMPLETION_HEAD, ['Phạm Văn Có', 1960, 'Thôn Đông', '', 'KNS.AI', 'NTHVS-9999', '15/04/2025']] });
    const conflict = (await upload(admin, 'completions', other, true)).json() as { errors: Err[] };
    expect(conflict.errors).toEqual([
      {
        row: 2,
        field: 'Số chứng nhận',
        message:
          'Số chứng nhận: Phạm Văn Có đã được ghi nhận hoàn thành học phần này với chứng nhận số NTHVS-0001 (ngày 15/04/2025); hệ thống không ghi đè. Kiểm tra lại số chứng nhận.',
      },
    ]);
    // A team member of Thôn Đông cannot record for Thôn Bắc; a viewer and another commune are refused.
    const inNorth = await book({ 'Chứng nhận': [COMPLETION_HEAD, ['Trần Thị Mới', 1970, 'Thôn Bắc', '', 'KNS.AI', 'NTHVS-0100', '15/04/2025']] });
    expect((await upload(admin, 'completions', inNorth, true)).json()).toMatchObject({ errorCount: 0, created: 1 });
    expect(where((await upload(team, 'completions', inNorth, true)).json().errors)).toEqual([['', 2, 'Thôn, tổ dân phố']]);
    expect((await upload(viewer, 'completions', file, true)).statusCode).toBe(403);
    expect((await upload(otherAdmin, 'completions', file, true)).statusCode).toBe(404);
  });

  it('population: numbers checked (no negatives, no decimals, year range), unknown villages and repeated rows named, twice changes nothing', async () => {
    const next = vietnamYear() + 1;
    const bad = await book({
      'Dân số': [
        POPULATION_HEAD,
        ['Thôn Đông', 2025, 1200],
        ['Thôn Bắc', 2025, -5],
        ['Thôn Bắc', 2025, 12.5],
        ['Thôn Xa', 2025, 100],
        ['thon dong', 2025, 1300],
        ['Thôn Bắc', next + 1, 100],
        ['Thôn Bắc', '25', 100],
        ['Thôn Bắc', 2026, '1.234'],
        ['Thôn Bắc', 2026, ''],
      ],
    });
    const dry = (await upload(admin, 'population', bad, true)).json() as { errors: Err[]; created: number };
    expect(where(dry.errors)).toEqual([
      ['', 3, 'Số người từ đủ 15 tuổi'],
      ['', 4, 'Số người từ đủ 15 tuổi'],
      ['', 5, 'Thôn, tổ dân phố'],
      ['', 6, 'Thôn, tổ dân phố'],
      ['', 7, 'Năm'],
      ['', 8, 'Năm'],
      ['', 9, 'Số người từ đủ 15 tuổi'],
      ['', 10, 'Số người từ đủ 15 tuổi'],
    ]);
    expect(dry.errors[0]!.message).toContain('không được âm');
    expect(dry.errors[1]!.message).toContain('không phải số nguyên');
    expect(dry.errors[3]!.message).toBe('Thôn, tổ dân phố: thôn này, năm 2025 đã có ở dòng 2 của tệp.');
    expect(dry.errors[4]!.message).toBe(`Năm: Năm ${next + 1} ngoài khoảng 2000 đến ${next}.`);
    expect((await upload(admin, 'population', bad, false)).statusCode).toBe(400);
    expect((await counts()).population).toBe(0);

    const file = await book({ 'Dân số': [POPULATION_HEAD, ['Thôn Đông', 2025, 1200], ['THON-2', '2025', '800']] });
    expect((await upload(admin, 'population', file, false)).json()).toMatchObject({ created: 2, updated: 0, unchanged: 0, errorCount: 0 });
    expect((await upload(admin, 'population', file, false)).json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const changed = await book({ 'Dân số': [POPULATION_HEAD, ['Thôn Đông', 2025, 1250]] });
    expect((await upload(admin, 'population', changed, false)).json()).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const pop = (await admin.get(`${base()}/population?year=2025`)).json() as { items: { villageName: string; adults: number | null }[] };
    expect(pop.items.map((i) => [i.villageName, i.adults]).sort()).toEqual([
      ['Thôn Bắc', 800],
      ['Thôn Đông', 1250],
    ]);
    // training.manage: a team member (who records) and a viewer are refused; another commune does not see this one.
    expect((await upload(team, 'population', file, true)).statusCode).toBe(403);
    expect((await upload(viewer, 'population', file, true)).statusCode).toBe(403);
    expect((await upload(otherAdmin, 'population', file, true)).statusCode).toBe(404);
    expect((await team.get(`${base()}/population/template`)).statusCode).toBe(403);
  });

  it('refuses hostile and broken files: control characters named by cell, not a workbook, wrong columns, a missing sheet', async () => {
    // Excel keeps a control character in a cell as an escape (_x0001_), which the reader turns back into the character.
    const control = await book({ 'Dân số': [POPULATION_HEAD, ['Thôn_x0001_Đông', 2025, 10], ['Thôn Bắc', '20_x0008_25', 10]] });
    const res = await upload(admin, 'population', control, true);
    expect(res.statusCode).toBe(200);
    expect(where(res.json().errors)).toEqual([
      ['', 2, 'Thôn, tổ dân phố'],
      ['', 3, 'Năm'],
    ]);
    expect(res.json().errors[0].message).toBe('Thôn, tổ dân phố: Chứa ký tự điều khiển không hợp lệ; hãy gõ lại ô này.');
    const controlSessions = await sessionsBook(
      [['C1', '26/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Nhà_x001F_văn hóa', 'KNS.THIET_BI']],
      [['C1', 'Lò_x0000_Văn', 1980, 'Nam']],
    );
    expect(where((await upload(admin, 'sessions', controlSessions, true)).json().errors)).toEqual([
      ['Buổi học', 2, 'Địa điểm'],
      ['Điểm danh', 2, 'Họ và tên'],
    ]);
    const refuse = async (kind: string, file: Buffer, status: number, field: string) => {
      const r = await upload(admin, kind, file, true);
      expect([r.statusCode, r.json().error.details?.[0]?.field]).toEqual([status, field]);
      return r.json().error.message as string;
    };
    await refuse('sessions', Buffer.from('<html>not a workbook</html>'), 415, 'file');
    await refuse('completions', Buffer.from('%PDF-1.4 not excel'), 415, 'file');
    await refuse('population', Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(200)]), 415, 'file');
    await refuse('population', Buffer.alloc(0), 400, 'file');
    await refuse('population', await book({ 'Dân số': [['Thôn', 'Năm', 'Dân số']] }), 400, 'Thôn, tổ dân phố');
    await refuse('completions', await book({ 'Chứng nhận': [COMPLETION_HEAD] }), 400, 'file');
    // The sessions sheet is needed; the attendance sheet, once there, needs its columns.
    expect(await refuse('sessions', await book({ Khác: [['Mã', 'Ngày']] }), 400, 'Mã buổi (trang Buổi học)')).toContain('Mã buổi (trang Buổi học)');
    await refuse('sessions', await book({ 'Buổi học': [SESSION_HEAD], 'Điểm danh': [['Mã buổi', 'Tên']] }), 400, 'Họ và tên (trang Điểm danh)');
    // Sessions only, no attendance sheet: accepted.
    const only = await book({ 'Buổi học': [SESSION_HEAD, ['X1', '26/03/2025', '', 'Thôn Đông', 'Tổ CNSCĐ thôn Đông', 'Chợ', 'KNS.THIET_BI']] });
    expect((await upload(admin, 'sessions', only, true)).json()).toMatchObject({ errorCount: 0, sessions: { created: 1 }, marks: { created: 0 } });
  });

  it('templates carry the headers the imports read, with the commune’s lists', async () => {
    for (const [kind, sheet, head] of [
      ['sessions', 'Buổi học', SESSION_HEAD],
      ['completions', 'Chứng nhận', COMPLETION_HEAD],
      ['population', 'Dân số', POPULATION_HEAD],
    ] as const) {
      const res = await admin.get(`${base()}/${kind}/template`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      expect((wb.getWorksheet(sheet)!.getRow(1).values as unknown[]).slice(1)).toEqual(head);
      const help = JSON.stringify((wb.getWorksheet('Hướng dẫn')!.getSheetValues() as unknown[]).flat());
      expect(help).toContain('Thôn Bắc');
      // An empty template reads back as "no rows".
      expect((await upload(admin, kind, res.rawPayload, true)).json().error.code).toBe('IMPORT_EMPTY');
    }
  });
});
