import ExcelJS from 'exceljs';

export type Cell = string | number | null;
export interface SheetSpec {
  name: string;
  columns: readonly { header: string; width: number; numeric?: boolean }[];
  rows: readonly Cell[][];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** Sheets as an .xlsx: Vietnamese headers in bold and frozen, text cells as text, long text wrapped. */
export async function workbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = c.width;
      if (!c.numeric) col.numFmt = '@';
      col.alignment = { vertical: 'top', wrapText: true };
    });
    const head = ws.addRow(s.columns.map((c) => c.header));
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    head.eachCell((c) => (c.fill = HEADER_FILL));
    for (const r of s.rows) ws.addRow(r.map((v) => v ?? ''));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
