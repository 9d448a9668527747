import ExcelJS from 'exceljs';
import { cleanText, formatDateVi, genderLabelsVi, learnerGroupLabelsVi, searchKey } from '@tds/contracts';

/** The columns of the residents sheet (import template and export). */
export type ResidentColumnKey = 'fullName' | 'birthYear' | 'gender' | 'village' | 'phone' | 'learnerGroup' | 'nationalId';
export const residentColumns: readonly { key: ResidentColumnKey; header: string; width: number; help: string; required?: boolean }[] = [
  { key: 'fullName', header: 'Họ và tên', width: 28, help: 'Bắt buộc. Tối đa 120 ký tự.', required: true },
  {
    key: 'birthYear',
    header: 'Năm sinh',
    width: 12,
    help: 'Bắt buộc. Năm (ví dụ 1975) hoặc ngày sinh dạng dd/MM/yyyy; từ 1900 đến năm hiện tại.',
    required: true,
  },
  { key: 'gender', header: 'Giới tính', width: 10, help: 'Bắt buộc. Nam, Nữ hoặc Khác.', required: true },
  { key: 'village', header: 'Thôn, tổ dân phố', width: 24, help: 'Bắt buộc. Tên hoặc mã thôn, tổ dân phố của xã.', required: true },
  { key: 'phone', header: 'Số điện thoại', width: 14, help: 'Không bắt buộc. 10 chữ số, bắt đầu bằng 0.' },
  {
    key: 'learnerGroup',
    header: 'Nhóm đối tượng',
    width: 30,
    help: `Không bắt buộc (mặc định: Người dân). Một trong: ${Object.values(learnerGroupLabelsVi).join('; ')}.`,
  },
  {
    key: 'nationalId',
    header: 'Số định danh cá nhân',
    width: 20,
    help: 'Không bắt buộc. 12 chữ số của căn cước; cột để dạng Văn bản để Excel không bỏ số 0 đầu. Hệ thống chỉ giữ mã băm và 4 số cuối.',
  },
];
export const RESIDENTS_SHEET = 'Người dân';
const HELP_SHEET = 'Hướng dẫn';

export type ResidentCells = Partial<Record<ResidentColumnKey, string | null>>;
export interface ParsedResidentRow {
  /** The sheet's row number (1 = the header). */
  row: number;
  cells: ResidentCells;
}
export interface ParsedResidents {
  rows: ParsedResidentRow[];
  missingHeaders: string[];
  tooManyRows: number | null;
}

/** The blank template: a header row, a text-formatted ID column, lists for gender and learner group, and a help sheet. */
export async function buildResidentTemplate(villages: readonly string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  const ws = sheet(wb);
  for (let r = 2; r <= 1001; r++) {
    ws.getCell(r, 3).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(genderLabelsVi).join(',')}"`] };
    if (villages.length && villages.join(',').length < 250)
      ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${villages.join(',')}"`] };
  }
  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: 'Cột', width: 24 },
    { header: 'Cách ghi', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of residentColumns) help.addRow([c.header, c.help]);
  help.addRow([]);
  help.addRow(['Thôn, tổ dân phố của xã', villages.join('; ')]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Residents as a sheet (the export): the same columns, the ID as its last four digits only. */
export async function residentsWorkbook(
  rows: readonly { fullName: string; birthYear: number; gender: string; village: string; phone: string | null; learnerGroup: string; idLast4: string | null }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  const ws = sheet(wb);
  ws.getRow(1).getCell(7).value = 'Số định danh (4 số cuối)';
  for (const r of rows)
    ws.addRow([
      r.fullName,
      r.birthYear,
      genderLabelsVi[r.gender as keyof typeof genderLabelsVi] ?? r.gender,
      r.village,
      r.phone ?? '',
      learnerGroupLabelsVi[r.learnerGroup as keyof typeof learnerGroupLabelsVi] ?? r.learnerGroup,
      r.idLast4 ? `…${r.idLast4}` : '',
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function sheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(RESIDENTS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = residentColumns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  ws.getColumn(5).numFmt = '@';
  ws.getColumn(7).numFmt = '@';
  return ws;
}

/** Read the residents sheet (the first sheet when none is named so): the cells of each non-empty row as text. */
export async function parseResidentsWorkbook(buffer: Buffer, maxRows: number): Promise<ParsedResidents> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(RESIDENTS_SHEET) ?? wb.worksheets[0];
  if (!ws) return { rows: [], missingHeaders: residentColumns.filter((c) => c.required).map((c) => c.header), tooManyRows: null };
  const byHeader = new Map(residentColumns.map((c) => [searchKey(c.header), c.key]));
  const columnOf = new Map<ResidentColumnKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = byHeader.get(searchKey(cellText(cell.value)));
    if (key && !columnOf.has(key)) columnOf.set(key, col);
  });
  const missingHeaders = residentColumns.filter((c) => c.required && !columnOf.has(c.key)).map((c) => c.header);
  if (missingHeaders.length) return { rows: [], missingHeaders, tooManyRows: null };
  const rows: ParsedResidentRow[] = [];
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: ResidentCells = {};
    for (const [key, col] of columnOf) {
      const text = cleanText(cellText(row.getCell(col).value));
      cells[key] = text === '' ? null : text;
    }
    if (Object.values(cells).every((v) => v === null)) return;
    count++;
    if (count <= maxRows) rows.push({ row: rowNumber, cells });
  });
  return { rows: count > maxRows ? [] : rows, missingHeaders: [], tooManyRows: count > maxRows ? count : null };
}

function unwrap(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return (value as { result?: unknown }).result;
  return value;
}

/** The text of a cell: a date cell as dd/MM/yyyy, a number as written, rich text joined, a formula by its result. */
function cellText(value: ExcelJS.CellValue): string {
  const v = unwrap(value);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : formatDateVi(v.toISOString());
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
  return '';
}
