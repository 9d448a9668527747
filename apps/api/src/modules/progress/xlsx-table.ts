import { vnWallClock } from '@tds/contracts';
import ExcelJS from 'exceljs';
import type { ColumnKind, ReportTable, TableCell } from '../documents';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUM_FMT: Record<ColumnKind, string | undefined> = {
  text: '@',
  int: '#,##0',
  number: '#,##0.##',
  percent: '0.0',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** A cell value for Excel: numbers stay numbers, ISO dates become dates (instants in Vietnam time). */
function excelValue(kind: ColumnKind, v: TableCell): ExcelJS.CellValue {
  if (v === null || v === '') return null;
  if (typeof v === 'number') return v;
  if (kind === 'date' && /^\d{4}-\d{2}-\d{2}$/u.test(v)) return new Date(`${v}T00:00:00Z`);
  if (kind === 'datetime') {
    const t = new Date(v).getTime();
    // Excel has no time zones: write the Vietnam wall-clock time.
    return Number.isNaN(t) ? v : vnWallClock(new Date(t));
  }
  return v;
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(wb: ExcelJS.Workbook, name: string): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/gu, ' ')
      .slice(0, 31)
      .trim() || 'Bang';
  let out = base;
  for (let i = 2; wb.getWorksheet(out); i++) out = `${base.slice(0, 28)} ${i}`;
  return out;
}

/** Adds a table on a sheet of its own: a bold header row (frozen), then the rows, typed by column. */
export function addTableSheet(wb: ExcelJS.Workbook, t: ReportTable): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(sheetName(wb, t.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.columns.map((c) => ({ header: c.header, width: Math.max(8, c.width) }));
  t.columns.forEach((c, i) => {
    const fmt = NUM_FMT[c.kind];
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
  });
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  for (const r of t.rows) ws.addRow(t.columns.map((c, i) => excelValue(c.kind, r[i] ?? null)));
  return ws;
}

/** A workbook of the given tables, one sheet each, as .xlsx bytes. */
export async function tablesWorkbook(tables: readonly ReportTable[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  wb.title = title;
  wb.created = new Date();
  for (const t of tables) addTableSheet(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
