import ExcelJS from 'exceljs';
import { cleanText, formatDateVi, genderLabelsVi, searchKey } from '@tds/contracts';

/**
 * The workbooks of the training imports (sessions with attendance, completions from the national
 * platform, the adult population): their sheets and columns, the blank templates, and the reader
 * that runs in a parse worker. Cells are read as text; the use-cases check them.
 */

export type ImportKind = 'sessions' | 'completions' | 'population';

export interface ImportColumn {
  key: string;
  header: string;
  width: number;
  help: string;
  required?: boolean;
  /** Formatted as text in the template (IDs, codes: Excel keeps leading zeros). */
  asText?: boolean;
}
export interface ImportSheet {
  name: string;
  columns: readonly ImportColumn[];
  /** A workbook may leave it out (no attendance: the sessions only). */
  optional?: boolean;
}

const personColumns: readonly ImportColumn[] = [
  { key: 'fullName', header: 'Họ và tên', width: 28, help: 'Bắt buộc. Tối đa 120 ký tự.', required: true },
  { key: 'birthYear', header: 'Năm sinh', width: 12, help: 'Bắt buộc. Năm (ví dụ 1975) hoặc ngày sinh dạng dd/MM/yyyy.', required: true },
];
const nationalIdColumn: ImportColumn = {
  key: 'nationalId',
  header: 'Số định danh cá nhân',
  width: 20,
  help: 'Không bắt buộc. 12 chữ số của căn cước (để cột dạng Văn bản). Hệ thống chỉ giữ mã băm và 4 số cuối.',
  asText: true,
};

export const SESSIONS_SHEET = 'Buổi học';
export const ATTENDANCE_SHEET = 'Điểm danh';
export const COMPLETIONS_SHEET = 'Chứng nhận';
export const POPULATION_SHEET = 'Dân số';
const HELP_SHEET = 'Hướng dẫn';

export const importSheets: Record<ImportKind, readonly ImportSheet[]> = {
  sessions: [
    {
      name: SESSIONS_SHEET,
      columns: [
        {
          key: 'code',
          header: 'Mã buổi',
          width: 10,
          help: 'Bắt buộc. Mã riêng của tệp (ví dụ B1, B2) để trang Điểm danh chỉ đến buổi; không lưu vào hệ thống.',
          required: true,
          asText: true,
        },
        { key: 'date', header: 'Ngày', width: 12, help: 'Bắt buộc. dd/MM/yyyy (ví dụ 05/03/2026), từ 01/01/2025.', required: true },
        { key: 'startTime', header: 'Giờ bắt đầu', width: 12, help: 'Không bắt buộc. HH:mm (ví dụ 07:30 hoặc 7h30).', asText: true },
        { key: 'village', header: 'Thôn, tổ dân phố', width: 22, help: 'Bắt buộc. Tên hoặc mã thôn, tổ dân phố của xã.', required: true },
        { key: 'team', header: 'Tổ công nghệ số cộng đồng', width: 28, help: 'Bắt buộc. Tên hoặc mã tổ của xã.', required: true },
        { key: 'place', header: 'Địa điểm', width: 24, help: 'Bắt buộc. Tối đa 200 ký tự.', required: true },
        {
          key: 'modules',
          header: 'Học phần',
          width: 40,
          help: 'Bắt buộc. Mã hoặc tên học phần, nhiều học phần cách nhau bằng dấu chấm phẩy (;).',
          required: true,
        },
        { key: 'trainers', header: 'Người hướng dẫn', width: 28, help: 'Không bắt buộc. Họ tên, nhiều người cách nhau bằng dấu chấm phẩy (;); tối đa 10.' },
      ],
    },
    {
      name: ATTENDANCE_SHEET,
      optional: true,
      columns: [
        { key: 'code', header: 'Mã buổi', width: 10, help: 'Bắt buộc. Mã buổi ở trang Buổi học.', required: true, asText: true },
        ...personColumns,
        {
          key: 'gender',
          header: 'Giới tính',
          width: 10,
          help: 'Nam, Nữ hoặc Khác. Bắt buộc khi người này chưa có trong danh sách (hệ thống thêm mới).',
        },
        nationalIdColumn,
        { key: 'phone', header: 'Số điện thoại', width: 14, help: 'Không bắt buộc. 10 chữ số, bắt đầu bằng 0.', asText: true },
      ],
    },
  ],
  completions: [
    {
      name: COMPLETIONS_SHEET,
      columns: [
        ...personColumns,
        { key: 'village', header: 'Thôn, tổ dân phố', width: 22, help: 'Bắt buộc. Tên hoặc mã thôn, tổ dân phố của xã.', required: true },
        nationalIdColumn,
        { key: 'module', header: 'Học phần', width: 40, help: 'Bắt buộc. Mã hoặc tên một học phần.', required: true },
        {
          key: 'certificateNo',
          header: 'Số chứng nhận',
          width: 20,
          help: 'Bắt buộc. Số chứng nhận của nền tảng, tối đa 60 ký tự.',
          required: true,
          asText: true,
        },
        { key: 'completedOn', header: 'Ngày hoàn thành', width: 16, help: 'Bắt buộc. dd/MM/yyyy, từ 01/01/2025 đến hôm nay.', required: true },
      ],
    },
  ],
  population: [
    {
      name: POPULATION_SHEET,
      columns: [
        { key: 'village', header: 'Thôn, tổ dân phố', width: 26, help: 'Bắt buộc. Tên hoặc mã thôn, tổ dân phố của xã.', required: true },
        { key: 'year', header: 'Năm', width: 10, help: 'Bắt buộc. Năm của số liệu (ví dụ 2026), từ 2000 đến năm sau.', required: true },
        {
          key: 'adults',
          header: 'Số người từ đủ 15 tuổi',
          width: 24,
          help: 'Bắt buộc. Số nguyên không âm, không dấu phân cách (ví dụ 1250).',
          required: true,
        },
      ],
    },
  ],
};

/** The header of a column, by sheet and key. */
export function headerOf(kind: ImportKind, sheet: number, key: string): string {
  return importSheets[kind][sheet]!.columns.find((c) => c.key === key)!.header;
}

export interface ParsedImportRow {
  /** Index of the sheet in importSheets[kind]. */
  sheet: number;
  /** The sheet's row number (1 = the header). */
  row: number;
  cells: Record<string, string | null>;
}
export interface ParsedImport {
  rows: ParsedImportRow[];
  missingHeaders: string[];
  tooManyRows: number | null;
}

/** Lists shown in the template's help sheet (and as drop-downs where they fit). */
export interface TemplateLists {
  villages: readonly string[];
  teams?: readonly string[];
  modules?: readonly { code: string; name: string }[];
}

/** The blank template of a kind: one sheet per part with its header, a help sheet with every column and the commune's lists. */
export async function buildImportTemplate(kind: ImportKind, lists: TemplateLists): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  for (const s of importSheets[kind]) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    s.columns.forEach((c, i) => {
      if (c.asText) ws.getColumn(i + 1).numFmt = '@';
    });
    const list = (key: string, values: readonly string[]) => {
      const col = s.columns.findIndex((c) => c.key === key) + 1;
      if (!col || !values.length || values.join(',').length >= 250 || values.some((v) => v.includes(','))) return;
      for (let r = 2; r <= 501; r++) ws.getCell(r, col).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${values.join(',')}"`] };
    };
    list('village', lists.villages);
    list('team', lists.teams ?? []);
    list('gender', Object.values(genderLabelsVi));
  }
  const help = wb.addWorksheet(HELP_SHEET);
  help.columns = [
    { header: 'Cột', width: 28 },
    { header: 'Cách ghi', width: 100 },
  ];
  help.getRow(1).font = { bold: true };
  for (const s of importSheets[kind]) {
    if (importSheets[kind].length > 1) help.addRow([`Trang "${s.name}"`]).font = { bold: true };
    for (const c of s.columns) help.addRow([c.header, c.help]);
  }
  help.addRow([]);
  help.addRow(['Thôn, tổ dân phố của xã', lists.villages.join('; ')]);
  if (lists.teams) help.addRow(['Tổ công nghệ số cộng đồng', lists.teams.join('; ')]);
  if (lists.modules) {
    help.addRow([]);
    help.addRow(['Mã học phần', 'Tên học phần']).font = { bold: true };
    for (const m of lists.modules) help.addRow([m.code, m.name]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Read the sheets of a kind (each by its name; else the workbook's sheets in order, the help sheet
 * aside): the cells of each non-empty row as text. A sheet marked optional may be absent; a sheet
 * present must carry every required header.
 */
export async function parseImportWorkbook(kind: ImportKind, buffer: Buffer, maxRows: number): Promise<ParsedImport> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const defs = importSheets[kind];
  const named = new Set(defs.map((d) => searchKey(d.name)));
  const unnamed = wb.worksheets.filter((ws) => !named.has(searchKey(ws.name)) && searchKey(ws.name) !== searchKey(HELP_SHEET));
  const rows: ParsedImportRow[] = [];
  const missingHeaders: string[] = [];
  let count = 0;
  defs.forEach((def, index) => {
    const ws = wb.worksheets.find((w) => searchKey(w.name) === searchKey(def.name)) ?? unnamed.shift();
    const where = (h: string) => (defs.length > 1 ? `${h} (trang ${def.name})` : h);
    if (!ws) {
      if (!def.optional) missingHeaders.push(...def.columns.filter((c) => c.required).map((c) => where(c.header)));
      return;
    }
    const byHeader = new Map(def.columns.map((c) => [searchKey(c.header), c.key]));
    const columnOf = new Map<string, number>();
    ws.getRow(1).eachCell((cell, col) => {
      const key = byHeader.get(searchKey(cellText(cell.value)));
      if (key && !columnOf.has(key)) columnOf.set(key, col);
    });
    const missing = def.columns.filter((c) => c.required && !columnOf.has(c.key));
    if (missing.length) {
      missingHeaders.push(...missing.map((c) => where(c.header)));
      return;
    }
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string | null> = {};
      for (const [key, col] of columnOf) {
        const text = cleanText(cellText(row.getCell(col).value));
        cells[key] = text === '' ? null : text;
      }
      if (Object.values(cells).every((v) => v === null)) return;
      count++;
      if (count <= maxRows) rows.push({ sheet: index, row: rowNumber, cells });
    });
  });
  if (missingHeaders.length) return { rows: [], missingHeaders, tooManyRows: null };
  return { rows: count > maxRows ? [] : rows, missingHeaders: [], tooManyRows: count > maxRows ? count : null };
}

function unwrap(value: ExcelJS.CellValue): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date) && 'result' in value) return (value as { result?: unknown }).result;
  return value;
}

/**
 * The text of a cell: a date cell as dd/MM/yyyy, a time of day alone (Excel's day 0) as HH:mm, a
 * number as written, rich text joined, a formula by its result.
 */
function cellText(value: ExcelJS.CellValue): string {
  const v = unwrap(value);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return '';
    const iso = v.toISOString();
    if (iso.startsWith('1899-12-30') || iso.startsWith('1899-12-31')) return iso.slice(11, 16);
    return formatDateVi(iso);
  }
  if (typeof v !== 'object') return String(v);
  if ('richText' in v) return (v as ExcelJS.CellRichTextValue).richText.map((r) => r.text).join('');
  if ('text' in v) return cellText((v as { text: ExcelJS.CellValue }).text);
  return '';
}
