import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export interface SheetSpec {
  name: string;
  columns: readonly { header: string; width: number; numeric?: boolean }[];
  /** A row above the headers grouping them ("Nhóm đối tượng" over its four columns); spans add up to the column count. */
  groups?: readonly { label: string; span: number }[];
  rows: readonly Cell[][];
  /** A last row in bold (the commune's total). */
  total?: Cell[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** The lists of the module as an .xlsx: one sheet each, Vietnamese headers in bold and frozen, text cells as text. */
export async function listWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  for (const s of sheets) {
    const headRows = s.groups ? 2 : 1;
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: headRows }] });
    s.columns.forEach((c, i) => {
      ws.getColumn(i + 1).width = c.width;
      if (!c.numeric) ws.getColumn(i + 1).numFmt = '@';
    });
    if (s.groups) {
      const row = ws.addRow([]);
      let col = 1;
      for (const g of s.groups) {
        row.getCell(col).value = g.label;
        if (g.span > 1) ws.mergeCells(1, col, 1, col + g.span - 1);
        col += g.span;
      }
      style(row);
    }
    style(ws.addRow(s.columns.map((c) => c.header)));
    for (const r of s.rows) ws.addRow(r.map((v) => v ?? ''));
    if (s.total) ws.addRow(s.total.map((v) => v ?? '')).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function style(row: ExcelJS.Row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => (c.fill = HEADER_FILL));
}
