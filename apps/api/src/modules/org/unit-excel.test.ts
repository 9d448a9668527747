import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportResult, Unit } from '@tds/contracts';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { auditEntry } from '../../platform/audit.table';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { XLSX_MIME } from './import-units';
import { unit } from './org.table';
import { storedFile } from '../files/files.table';
import { parseUnitsWorkbook, unitColumns } from './unit-excel';

type Cell = string | Date | null;
const HEADERS = unitColumns.map((c) => c.header);

/** An .xlsx with one sheet: the header row, then the given rows. */
async function xlsx(rows: Cell[][], headers: string[] = HEADERS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  if (headers.length) ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A multipart/form-data body carrying one file. */
function multipart(content: Buffer, filename = 'don-vi.xlsx', field = 'file') {
  const boundary = `----tds${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${XLSX_MIME}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe(`units Excel import and export (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let admin: Client;
  const base = () => `/api/communes/${w.a.id}/units`;
  const upload = (client: Client, content: Buffer, dryRun: boolean, filename?: string, url = `${base()}/import?dryRun=${dryRun}`) => {
    const m = multipart(content, filename);
    return client.request('POST', url, m.body, m.headers);
  };
  const units = async (): Promise<Unit[]> => (await admin.get(`${base()}?includeInactive=true&pageSize=200`)).json().items;
  const byCode = async (code: string) => (await units()).find((u) => u.code === code);
  const count = (table: typeof unit | typeof storedFile) =>
    inScope(
      t.database.db,
      SYSTEM_SCOPE,
      async (tx) =>
        (
          await tx
            .select({ n: sql<number>`count(*)::int` })
            .from(table)
            .where(eq(table.communeId, w.a.id))
        )[0]!.n,
    );

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    admin = await loginAs(t, 'a.admin', PASSWORD);
  });
  afterAll(async () => t?.close());

  it('downloads a template with a kind dropdown and a help sheet that parses back to zero rows', async () => {
    const res = await admin.get(`${base()}/import-template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Mau-nhap-don-vi.xlsx"; filename*=UTF-8''${encodeURIComponent('Mẫu nhập đơn vị.xlsx')}`,
    );
    expect(await parseUnitsWorkbook(res.rawPayload)).toEqual({ rows: [], missingHeaders: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Đơn vị')!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.getCell('C2').dataValidation?.type).toBe('list');
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
    const imported = await upload(admin, res.rawPayload, true);
    expect([imported.statusCode, imported.json().error.code]).toEqual([400, 'IMPORT_EMPTY']);
  });

  it('exports every unit and re-importing the export changes nothing', async () => {
    const created = await admin.post(base(), {
      code: 'HTX',
      name: 'Hợp tác xã Đông Hưng',
      kind: 'enterprise',
      activeFrom: '2024-01-15',
      activeTo: '2030-12-31',
    });
    expect(created.statusCode).toBe(201);
    const res = await admin.get(`${base()}/export.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const parsed = await parseUnitsWorkbook(res.rawPayload);
    expect(parsed.rows).toHaveLength(5);
    expect(parsed.rows.find((r) => r.cells.code === 'THON-1-CNS')?.cells).toMatchObject({ kind: 'digital_team', parentCode: 'THON-1' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const htx = wb
      .getWorksheet('Đơn vị')!
      .getRows(2, 5)!
      .find((r) => r.getCell(1).value === 'HTX')!;
    expect([htx.getCell(3).value, htx.getCell(9).value, htx.getCell(10).value]).toEqual(['Doanh nghiệp, hợp tác xã', '15/01/2024', '31/12/2030']);

    const before = await units();
    const again = await upload(admin, res.rawPayload, false, 'don-vi.xlsx');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ dryRun: false, rows: 5, created: 0, updated: 5, errors: [] });
    expect(await units()).toEqual(before);
  });

  it('a dry run writes nothing; the commit creates a village and its team given in reverse order', async () => {
    const file = await xlsx([
      [
        'THON-2-CNS',
        'Tổ CNSCĐ thôn Tây',
        'Tổ công nghệ số cộng đồng',
        'thon-2',
        'Lê Văn Cường',
        '0912 345 678',
        'cuong@example.vn',
        null,
        new Date(Date.UTC(2025, 0, 15)),
        null,
      ],
      ['THON-2', 'Thôn Tây', 'thon, xom, to dan pho', null, null, null, null, 'Xóm Tây', '01/02/2020', null],
      ['TAICHINH', 'Phòng Tài chính', 'office', null, null, null, null, null, null, null],
      ['TH', 'Trường Tiểu học Gia Phúc', 'TRƯỜNG HỌC', null, null, null, null, null, null, null],
    ]);
    const unitsBefore = await count(unit);
    const dry = await upload(admin, file, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({ dryRun: true, rows: 4, created: 3, updated: 1, errors: [] });
    expect(await count(unit)).toBe(unitsBefore);

    const filesBefore = await count(storedFile);
    const res = await upload(admin, file, false, 'thôn tây.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, created: 3, updated: 1, errors: [] });
    expect(await count(unit)).toBe(unitsBefore + 3);
    const village = (await byCode('THON-2'))!;
    const team = (await byCode('THON-2-CNS'))!;
    expect(team).toMatchObject({ kind: 'digital_team', parentId: village.id, phone: '0912 345 678', email: 'cuong@example.vn', activeFrom: '2025-01-15' });
    expect(village).toMatchObject({ kind: 'village', parentId: null, address: 'Xóm Tây', activeFrom: '2020-02-01' });
    expect((await byCode('TH'))!.name).toBe('Trường Tiểu học Gia Phúc');
    const [row] = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select({ path: unit.path })
        .from(unit)
        .where(and(eq(unit.communeId, w.a.id), eq(unit.id, team.id))),
    );
    expect(row!.path).toBe(`/${village.id}/${team.id}/`);
    expect(await count(storedFile)).toBe(filesBefore + 1);
    const audits = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(auditEntry)
        .where(and(eq(auditEntry.communeId, w.a.id), eq(auditEntry.action, 'import'))),
    );
    expect(audits.at(-1)!.summary).toContain('3 tạo mới, 1 cập nhật');

    const retry = await upload(admin, file, false);
    expect(retry.json()).toMatchObject({ created: 0, updated: 4, errors: [] });
    expect(await count(unit)).toBe(unitsBefore + 3);
  });

  it('moves an existing unit under a new parent from the file and re-roots its subtree', async () => {
    const file = await xlsx([
      ['THON-1', 'Thôn Đông', 'village', 'KHOI-THON'],
      ['KHOI-THON', 'Khối thôn, tổ dân phố', 'office'],
    ]);
    const res = await upload(admin, file, false);
    expect(res.json()).toMatchObject({ created: 1, updated: 1, errors: [] });
    const paths = await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx.select({ id: unit.id, code: unit.code, path: unit.path }).from(unit).where(eq(unit.communeId, w.a.id)),
    );
    const id = (code: string) => paths.find((p) => p.code === code)!.id;
    expect(paths.find((p) => p.code === 'THON-1-CNS')!.path).toBe(`/${id('KHOI-THON')}/${id('THON-1')}/${id('THON-1-CNS')}/`);
    expect((await byCode('THON-1-CNS'))!.version).toBe(1);
  });

  it('lists every broken row with its row number and field, and a commit of that file writes nothing', async () => {
    const file = await xlsx([
      ['BAD-KIND', 'Loại sai', 'xyz', null, null, null, null, null, null, null],
      ['NONAME', null, 'office', null, null, null, null, null, null, null],
      ['DUP', 'Trùng 1', 'office', null, null, null, null, null, null, null],
      ['dup', 'Trùng 2', 'office', null, null, null, null, null, null, null],
      ['ORPHAN', 'Mồ côi', 'office', 'KHONG-CO', null, null, null, null, null, null],
      ['BADDATE', 'Ngày sai', 'office', null, null, null, null, null, '31/02/2025', null],
      ['TEAM-X', 'Tổ sai chỗ', 'digital_team', 'VHXH', null, null, null, null, null, null],
      ['CYC-A', 'Vòng A', 'office', 'CYC-B', null, null, null, null, null, null],
      ['CYC-B', 'Vòng B', 'office', 'CYC-A', null, null, null, null, null, null],
      ['RANGE', 'Ngày ngược', 'office', null, null, null, 'khong-phai-thu', null, '02/02/2025', '01/01/2025'],
      ['OK-1', 'Dòng đúng', 'office', null, null, null, null, null, null, null],
    ]);
    const expected = [
      [2, 'kind'],
      [3, 'name'],
      [5, 'code'],
      [6, 'parentCode'],
      [7, 'activeFrom'],
      [8, 'parentCode'],
      [9, 'parentCode'],
      [10, 'parentCode'],
      [11, 'email'],
      [11, 'activeTo'],
    ];
    const unitsBefore = await count(unit);
    const dry = await upload(admin, file, true);
    expect(dry.statusCode).toBe(200);
    const result = dry.json() as ImportResult;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual(expected);
    expect(result.errors[0]!.message).toMatch(/^Loại: "xyz" không phải loại đơn vị/u);
    expect(result.errors[7]!.message).toContain('vòng lặp');
    expect(result.errors[5]!.message).toContain('thôn');

    const commit = await upload(admin, file, false);
    expect(commit.statusCode).toBe(400);
    const body = commit.json();
    expect(body.error.code).toBe('IMPORT_ROWS_INVALID');
    expect(body.error.message).toContain('Dòng 2');
    expect(body.error.details.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual(expected);
    expect(await count(unit)).toBe(unitsBefore);
    expect(await byCode('OK-1')).toBeUndefined();
  });

  it('refuses files that are not .xlsx with 415, and empty or oversized sheets with 400', async () => {
    for (const content of [Buffer.from('Mã,Tên đơn vị,Loại\nA,B,office\n'), randomBytes(4096), Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(500)])]) {
      const res = await upload(admin, content, true);
      expect([res.statusCode, res.json().error.code]).toEqual([415, 'UNSUPPORTED_FILE_TYPE']);
      expect(res.json().error.message).toContain('.xlsx');
    }
    const xls = await upload(admin, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(500)]), true, 'cu.xls');
    expect([xls.statusCode, xls.json().error.message]).toEqual([415, expect.stringContaining('.xls')]);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trang 1');
    const empty = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()), false);
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'IMPORT_EMPTY']);

    const noHeaders = await upload(admin, await xlsx([['A', 'B']], ['Cột 1', 'Cột 2']), true);
    expect([noHeaders.statusCode, noHeaders.json().error.details[0]]).toEqual([400, { row: 1, field: 'Mã', message: 'Thiếu cột "Mã".' }]);

    const many = Array.from({ length: 5001 }, (_, i): Cell[] => [`U${i}`, `Đơn vị ${i}`, 'office']);
    const big = await upload(admin, await xlsx(many), true);
    expect(big.statusCode).toBe(400);
    expect(big.json().error.message).toContain('5000');
  });

  it('asks for the file field when none is sent, and for multipart when the body is JSON (415)', async () => {
    const m = multipart(await xlsx([]), 'x.xlsx', 'tep');
    const wrongField = await admin.request('POST', `${base()}/import`, m.body, m.headers);
    expect([wrongField.statusCode, wrongField.json().error.details[0].field]).toEqual([400, 'file']);
    const json = await admin.post(`${base()}/import?dryRun=false`, {});
    expect([json.statusCode, json.json().error.code, json.json().error.details[0].field]).toEqual([415, 'UNSUPPORTED_FILE_TYPE', 'file']);
  });

  it('hides another commune (404) and refuses a read-only role (403)', async () => {
    const file = await xlsx([['X1', 'Đơn vị lạ', 'office', null, null, null, null, null, null, null]]);
    const unitsBefore = await count(unit);
    const other = await upload(await loginAs(t, 'b.admin', PASSWORD), file, false);
    expect(other.statusCode).toBe(404);
    const viewer = await loginAs(t, 'a.viewer', PASSWORD);
    expect((await upload(viewer, file, false)).statusCode).toBe(403);
    expect((await viewer.get(`${base()}/export.xlsx`)).statusCode).toBe(200);
    const bAdmin = await loginAs(t, 'b.admin', PASSWORD);
    expect((await bAdmin.get(`${base()}/export.xlsx`)).statusCode).toBe(404);
    expect((await bAdmin.get(`${base()}/import-template.xlsx`)).statusCode).toBe(404);
    expect(await count(unit)).toBe(unitsBefore);
  });
});
