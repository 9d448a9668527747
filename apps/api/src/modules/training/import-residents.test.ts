import ExcelJS from 'exceljs';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isoToExcelSerial, vietnamYear } from '@tds/contracts';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { multipartFile } from '../../testing/kits/reports';
import { makeUnit } from '../../testing/factories';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { auditEntry } from '../../platform/audit.table';
import { resident } from './training.table';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEAD = ['Họ và tên', 'Năm sinh', 'Giới tính', 'Thôn, tổ dân phố', 'Số điện thoại', 'Nhóm đối tượng', 'Số định danh cá nhân'];

async function workbook(rows: unknown[][], head = HEAD): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Người dân');
  ws.addRow(head);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(`residents from Excel: dry run, row errors, all or nothing, twice changes nothing (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  let team: Client;
  const url = (dryRun: boolean, c = w.a.id) => `/api/communes/${c}/training/residents/import?dryRun=${dryRun}`;
  const upload = (client: Client, file: Buffer, dryRun: boolean, name = 'nguoi-dan.xlsx', communeId?: string) => {
    const [body, headers] = multipartFile(name, file, XLSX);
    return client.request('POST', url(dryRun, communeId), body, headers);
  };
  const count = () =>
    inScope(
      t.database.db,
      SYSTEM_SCOPE,
      async (tx) =>
        (
          await tx
            .select()
            .from(resident)
            .where(and(eq(resident.communeId, w.a.id), isNull(resident.mergedIntoId)))
        ).length,
    );

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    await makeUnit(t.database.db, w.a.id, { code: 'THON-2', name: 'Thôn Bắc', kind: 'village' });
    admin = await loginAs(t, 'a.admin', PASSWORD);
    team = await loginAs(t, 'a.team', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('reports every row’s problem by row and column in Vietnamese, writes nothing until the file is right, then all rows at once', async () => {
    const next = vietnamYear() + 1;
    const bad = await workbook([
      ['Nguyễn Văn Một', 1970, 'Nam', 'Thôn Đông', '0912000001', 'Người dân', '001070000001'],
      ['Trần Thị Hai', '15/06/1975', 'Nữ', 'thon dong', '', '', ''],
      ['Lê Văn Ba', next, 'Nam', 'Thôn Đông'],
      ['Phạm Thị Bốn', 1899, 'nu', 'Thôn Đông'],
      ['Hoàng Văn Năm', 1980, 'Nam', 'Thôn Tây'],
      ['Vũ Thị Sáu', 1981, 'X', 'Thôn Đông'],
      ['Đỗ Văn Bảy', 1982, 'Nam', 'Thôn Đông', '', '', 1070000002],
      ['Nguyễn Văn Một', 1970, 'Nam', 'Thôn Đông'],
      ['Bùi Văn Tám', isoToExcelSerial('1990-01-02'), 'Nam', 'THON-1', '', 'Học sinh, sinh viên'],
      ['Ngô Thị Chín', new Date(Date.UTC(1965, 3, 30)), 'Nữ', 'Thôn Đông', '', 'Nông dân'],
    ]);
    const dry = await upload(admin, bad, true);
    expect(dry.statusCode).toBe(200);
    const body = dry.json();
    expect(body).toMatchObject({ dryRun: true, rows: 10, created: 3, unchanged: 0, errorCount: 7 });
    expect(body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, 'Năm sinh'],
      [5, 'Năm sinh'],
      [6, 'Thôn, tổ dân phố'],
      [7, 'Giới tính'],
      [8, 'Số định danh cá nhân'],
      [9, 'Họ và tên'],
      [11, 'Nhóm đối tượng'],
    ]);
    expect(body.errors[0].message).toBe(`Năm sinh: Năm sinh ${next} sau năm hiện tại (${next - 1}).`);
    expect(body.errors[1].message).toBe('Năm sinh: Năm sinh 1899 trước năm 1900.');
    expect(body.errors[4].message).toContain('Excel có thể đã bỏ số 0 đầu');
    expect(body.errors[5].message).toBe('Họ và tên: trùng với dòng 2 của tệp.');
    // A commit of a file with errors writes nothing.
    const refused = await upload(admin, bad, false);
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'IMPORT_ROWS_INVALID']);
    expect(await count()).toBe(0);

    const good = await workbook([
      ['Nguyễn Văn Một', 1970, 'Nam', 'Thôn Đông', '0912000001', 'Người dân', '001070000001'],
      ['Trần Thị Hai', '15/06/1975', 'Nữ', 'thon dong'],
      ['Lê Văn Ba', '1/2/75', 'Nam', 'Thôn Bắc'],
      ['Bùi Văn Tám', isoToExcelSerial('1990-01-02'), 'Nam', 'THON-1', '', 'Học sinh, sinh viên'],
    ]);
    const done = await upload(admin, good, false);
    expect(done.json()).toMatchObject({ dryRun: false, rows: 4, created: 4, unchanged: 0, errorCount: 0 });
    const list = (await admin.get(`/api/communes/${w.a.id}/training/residents?pageSize=50`)).json().items as {
      fullName: string;
      birthYear: number;
      idLast4: string | null;
      learnerGroup: string;
    }[];
    expect(list.map((r) => [r.fullName, r.birthYear]).sort()).toEqual([
      ['Bùi Văn Tám', 1990],
      ['Lê Văn Ba', 1975],
      ['Nguyễn Văn Một', 1970],
      ['Trần Thị Hai', 1975],
    ]);
    expect(list.find((r) => r.fullName === 'Nguyễn Văn Một')?.idLast4).toBe('0001');
    // The same file again changes nothing.
    expect((await upload(admin, good, false)).json()).toMatchObject({ created: 0, unchanged: 4 });
    expect(await count()).toBe(4);
  });

  it('keeps a team member to the villages the team serves, and another commune out', async () => {
    const file = await workbook([['Phan Văn Mười', 1960, 'Nam', 'Thôn Bắc']]);
    const dry = (await upload(team, file, true)).json();
    expect(dry.errors).toEqual([{ row: 2, field: 'Thôn, tổ dân phố', message: 'Thôn, tổ dân phố: Bạn không phụ trách thôn, tổ dân phố này.' }]);
    expect((await upload(admin, file, true, 'x.xlsx', w.c.id)).statusCode).toBe(404);
  });

  it('exports what the user may see, the ID as its last four digits, and audits the export; the template reads back', async () => {
    const read = async (client: Client) => {
      const res = await client.get(`/api/communes/${w.a.id}/training/residents/export.xlsx`);
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
      return rows;
    };
    const all = await read(admin);
    expect(all[0]![6]).toBe('Số định danh (4 số cuối)');
    expect(all.find((r) => r[0] === 'Nguyễn Văn Một')).toEqual(['Nguyễn Văn Một', '1970', 'Nam', 'Thôn Đông', '0912000001', 'Người dân', '…0001']);
    expect(JSON.stringify(all)).not.toContain('001070000001');
    // The team of Thôn Đông exports Thôn Đông only.
    expect((await read(team)).map((r) => r[3]).slice(1)).toEqual(expect.arrayContaining(['Thôn Đông']));
    expect((await read(team)).map((r) => r[3])).not.toContain('Thôn Bắc');
    const audits = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.communeId, w.a.id), eq(auditEntry.action, 'export'))),
    );
    expect(audits.length).toBe(3);
    // The template's header is what the import reads.
    const tpl = await admin.get(`/api/communes/${w.a.id}/training/residents/import-template.xlsx`);
    expect((await upload(admin, tpl.rawPayload, true)).json().error.code).toBe('IMPORT_EMPTY');
  });

  it('refuses broken files, wrong columns and files that inflate, naming why', async () => {
    const refuse = async (file: Buffer, status: number, field: string) => {
      const res = await upload(admin, file, true);
      expect([res.statusCode, res.json().error.details?.[0]?.field]).toEqual([status, field]);
    };
    await refuse(Buffer.from('not a workbook'), 415, 'file');
    await refuse(Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(100)]), 415, 'file');
    await refuse(Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(100)]), 415, 'file');
    await refuse(await workbook([['x', 1970]], ['Tên', 'Năm sinh']), 400, 'Họ và tên');
    await refuse(await workbook([]), 400, 'file');
    // A sheet of 60 MB of repeated text packed into a few hundred kB: refused before it is inflated.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Người dân');
    ws.addRow(HEAD);
    const long = 'a'.repeat(30_000);
    for (let i = 0; i < 2000; i++) ws.addRow([`${i} ${long}`, 1970, 'Nam', 'Thôn Đông']);
    const bomb = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(admin, bomb, true);
    expect(res.statusCode).toBe(413);
  }, 120_000);

  it('a file longer than one write with a wrong row near its end writes nothing; put right, every row is written once', async () => {
    // 25,000 rows: the first parts reach the database while later rows are still being checked.
    const n = 25_000;
    const rows = Array.from({ length: n }, (_, i) => [`Người Thử ${i}`, 1940 + (i % 60), i % 2 ? 'Nam' : 'Nữ', i % 2 ? 'Thôn Đông' : 'Thôn Bắc']);
    const before = await count();
    const wrong = rows.map((r, i) => (i === n - 3 ? [r[0], r[1], r[2], 'Thôn Không Có'] : r));
    const refused = await upload(admin, await workbook(wrong), false);
    expect([refused.statusCode, refused.json().error.code]).toEqual([400, 'IMPORT_ROWS_INVALID']);
    expect(refused.json().error.details).toEqual([expect.objectContaining({ row: n - 1, field: 'Thôn, tổ dân phố' })]);
    expect(await count()).toBe(before);
    const done = await upload(admin, await workbook(rows), false);
    expect(done.json()).toMatchObject({ rows: n, created: n, unchanged: 0, errorCount: 0 });
    expect(await count()).toBe(before + n);
  }, 60_000);
});
