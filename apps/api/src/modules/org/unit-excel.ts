import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { unit } from './org.table';
import { cleanText, formatDateVi, isoIfValid, parseDateVi, searchKey, unitKindLabelsVi, unitKinds, type UnitKind } from '@tds/contracts';

/** Keys of the columns of the units sheet; `parentCode` stands for the parent's code. */
export type UnitColumnKey = 'code' | 'name' | 'kind' | 'parentCode' | 'contactName' | 'phone' | 'email' | 'address' | 'activeFrom' | 'activeTo';

/** The column layout of the units sheet, in order. */
export const unitColumns: readonly { key: UnitColumnKey; header: string; width: number; help: string }[] = [
  {
    key: 'code',
    header: 'Mã',
    width: 16,
    help: 'Bắt buộc. Chữ không dấu, số, dấu chấm, gạch nối, gạch dưới; tối đa 32 ký tự; không trùng trong xã/phường. Mã đã có thì đơn vị đó được cập nhật.',
  },
  { key: 'name', header: 'Tên đơn vị', width: 40, help: 'Bắt buộc. Tối đa 200 ký tự.' },
  { key: 'kind', header: 'Loại', width: 30, help: 'Bắt buộc. Chọn trong danh sách, hoặc ghi mã loại ở bảng dưới.' },
  {
    key: 'parentCode',
    header: 'Mã đơn vị cấp trên',
    width: 20,
    help: 'Để trống nếu trực thuộc xã/phường. Mã một đơn vị đã có hoặc ở dòng khác của tệp. Tổ công nghệ số cộng đồng phải trực thuộc một thôn, xóm, tổ dân phố hoặc một tổ chức đoàn thể.',
  },
  { key: 'contactName', header: 'Người liên hệ', width: 24, help: 'Không bắt buộc. Tối đa 120 ký tự.' },
  { key: 'phone', header: 'Điện thoại', width: 16, help: 'Không bắt buộc. Chữ số và + ( ) . -' },
  { key: 'email', header: 'Thư điện tử', width: 26, help: 'Không bắt buộc.' },
  { key: 'address', header: 'Địa chỉ', width: 36, help: 'Không bắt buộc. Tối đa 300 ký tự.' },
  { key: 'activeFrom', header: 'Hoạt động từ ngày', width: 18, help: 'Không bắt buộc. Dạng dd/MM/yyyy.' },
  { key: 'activeTo', header: 'Hoạt động đến ngày', width: 18, help: 'Không bắt buộc. Dạng dd/MM/yyyy, không trước ngày bắt đầu.' },
];

/** Column keys whose header must be present in an imported sheet. */
export const requiredColumns: readonly UnitColumnKey[] = ['code', 'name', 'kind'];

/** Name of the data sheet. */
export const UNITS_SHEET = 'Đơn vị';
/** Name of the help sheet of the template (it also holds the list behind the kind dropdown). */
export const HELP_SHEET = 'Hướng dẫn';
/** Rows of the template that carry the kind dropdown. */
const DROPDOWN_ROWS = 5001;
/** First row of the kind table on the help sheet. */
const KIND_TABLE_ROW = unitColumns.length + 5;

/** One unit as written to an export: the row plus its parent's code. */
export interface ExportUnit {
  code: string;
  name: string;
  kind: string;
  parentCode: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  activeFrom: string | null;
  activeTo: string | null;
}

/** The cells of one data row, converted; a key is missing when its column is absent from the sheet. */
export type ParsedCells = Partial<Record<UnitColumnKey, string | null>>;

/** One data row of an imported sheet with its 1-based Excel row number. */
export interface ParsedUnitRow {
  row: number;
  cells: ParsedCells;
}

/** The outcome of reading a workbook: rows, or the headers that are missing, or the count of too many rows. */
export interface ParsedWorkbook {
  rows: ParsedUnitRow[];
  missingHeaders: string[];
  tooManyRows?: number;
}

/** The blank template: a header row with the kind dropdown, and a help sheet. */
export async function buildTemplate(): Promise<Buffer> {
  const wb = newWorkbook();
  addUnitsSheet(wb);
  addHelpSheet(wb);
  return toBuffer(wb);
}

/** A workbook of the given units, in the template's layout (kinds as labels, dates as dd/MM/yyyy). */
export async function exportUnits(rows: ExportUnit[]): Promise<Buffer> {
  const wb = newWorkbook();
  const ws = addUnitsSheet(wb);
  for (const r of rows) {
    const kind = (unitKinds as readonly string[]).includes(r.kind) ? unitKindLabelsVi[r.kind as UnitKind] : r.kind;
    ws.addRow(unitColumns.map((c) => (c.key === 'kind' ? kind : c.key === 'activeFrom' || c.key === 'activeTo' ? formatDateVi(r[c.key]) : (r[c.key] ?? ''))));
  }
  addHelpSheet(wb);
  return toBuffer(wb);
}

/** Use-case: every unit of a commune, inactive ones too, in Vietnamese name order, as an .xlsx file. */
export async function exportCommuneUnits(opts: { db: Db; actor: Actor; communeId: string }): Promise<Buffer> {
  authorize(opts.actor, 'org.read', { communeId: opts.communeId });
  const parent = alias(unit, 'parent');
  const rows = await inScope(opts.db, opts.actor.scope, (tx) =>
    tx
      .select({ u: unit, parentCode: parent.code })
      .from(unit)
      .leftJoin(parent, sql`${parent.communeId} = ${unit.communeId} and ${parent.id} = ${unit.parentId}`)
      .where(eq(unit.communeId, opts.communeId))
      .orderBy(sql`${unit.sortKey} collate "C"`, unit.code),
  );
  return exportUnits(rows.map((r) => ({ ...r.u, parentCode: r.parentCode })));
}

/**
 * Read the units sheet (named "Đơn vị", else the first sheet). Throws when the bytes are not a
 * workbook exceljs can read; a sheet without any value gives zero rows. Above `maxRows` filled rows
 * nothing is converted.
 */
export async function parseUnitsWorkbook(buffer: Buffer, maxRows = Infinity): Promise<ParsedWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(UNITS_SHEET) ?? wb.worksheets[0];
  if (!ws) throw new Error('workbook has no worksheet');
  const columnOf = headerColumns(ws.getRow(1));
  if (columnOf.size === 0 && ws.actualRowCount <= 1) return { rows: [], missingHeaders: [] };
  const missingHeaders = unitColumns.filter((c) => requiredColumns.includes(c.key) && !columnOf.has(c.key)).map((c) => c.header);
  if (missingHeaders.length) return { rows: [], missingHeaders };
  const filled = ws.actualRowCount - 1;
  if (filled > maxRows) return { rows: [], missingHeaders: [], tooManyRows: filled };
  const rows: ParsedUnitRow[] = [];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: ParsedCells = {};
    for (const [key, col] of columnOf) cells[key] = cellValue(key, row.getCell(col).value);
    if (Object.values(cells).some((v) => v !== null)) rows.push({ row: rowNumber, cells });
  });
  return { rows, missingHeaders: [] };
}

/** The kind a cell names, by code or by Vietnamese label (case and diacritics ignored). */
export function kindFromText(value: string): UnitKind | null {
  return kindByKey.get(searchKey(value)) ?? null;
}

const kindByKey = new Map<string, UnitKind>(unitKinds.flatMap((k) => [[searchKey(k), k] as const, [searchKey(unitKindLabelsVi[k]), k] as const]));

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  wb.created = new Date();
  return wb;
}

function addUnitsSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = unitColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  for (const key of ['code', 'parentCode', 'phone'] as const) ws.getColumn(key).numFmt = '@';
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  const kindCol = ws.getColumn('kind').letter;
  const listRef = `'${HELP_SHEET}'!$B$${KIND_TABLE_ROW + 1}:$B$${KIND_TABLE_ROW + unitKinds.length}`;
  (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${kindCol}2:${kindCol}${DROPDOWN_ROWS}`,
    {
      type: 'list',
      allowBlank: true,
      formulae: [listRef],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: 'Loại đơn vị',
      error: 'Chọn một loại trong danh sách.',
    },
  );
  return ws;
}

function addHelpSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet(HELP_SHEET);
  ws.columns = [{ width: 24 }, { width: 36 }, { width: 90 }];
  ws.addRow(['Cột', 'Ý nghĩa', '']).font = { bold: true };
  for (const c of unitColumns) ws.addRow([c.header, c.help]);
  ws.addRow([]);
  ws.addRow(['Ví dụ: THON-DONG | Thôn Đông | Thôn, xóm, tổ dân phố; rồi THON-DONG-CNS | Tổ CNSCĐ thôn Đông | Tổ công nghệ số cộng đồng | THON-DONG.']);
  ws.getCell(`A${KIND_TABLE_ROW}`).value = 'Mã loại';
  ws.getCell(`B${KIND_TABLE_ROW}`).value = 'Loại';
  ws.getRow(KIND_TABLE_ROW).font = { bold: true };
  unitKinds.forEach((k, i) => {
    ws.getCell(`A${KIND_TABLE_ROW + 1 + i}`).value = k;
    ws.getCell(`B${KIND_TABLE_ROW + 1 + i}`).value = unitKindLabelsVi[k];
  });
}

async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function headerColumns(row: ExcelJS.Row): Map<UnitColumnKey, number> {
  const byHeader = new Map(unitColumns.map((c) => [searchKey(c.header), c.key]));
  const out = new Map<UnitColumnKey, number>();
  row.eachCell((cell, col) => {
    const key = byHeader.get(searchKey(cellText(cell.value)));
    if (key && !out.has(key)) out.set(key, col);
  });
  return out;
}

function cellValue(key: UnitColumnKey, value: ExcelJS.CellValue): string | null {
  if (key === 'activeFrom' || key === 'activeTo') return cellDate(value);
  const text = cleanText(cellText(value));
  if (text === '') return null;
  return key === 'kind' ? (kindFromText(text) ?? text) : text;
}

/** ISO date of a date cell, a serial number or dd/MM/yyyy text; otherwise the text as it is (to be reported). */
function cellDate(value: ExcelJS.CellValue): string | null {
  const v = unwrap(value);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'ngày lỗi' : isoIfValid(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2958466) {
    const d = new Date(Math.round((v - 25569) * 86_400_000));
    return isoIfValid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  const text = cleanText(cellText(value));
  if (text === '') return null;
  return parseDateVi(text) ?? text;
}

function unwrap(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return (value as { result?: unknown }).result;
  return value;
}

/** The text a person sees in a cell: rich text joined, hyperlinks by their text, formulas by their result. */
function cellText(value: ExcelJS.CellValue): string {
  const v = unwrap(value);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return formatDateVi(v.toISOString());
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
  if ('error' in v) return '';
  return '';
}
