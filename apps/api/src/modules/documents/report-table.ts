import { formatDateTimeVi, formatDateVi } from '@tds/contracts';

/**
 * A data table of a report, independent of its output: the .docx renderer prints it inside the
 * document, the .xlsx writer puts it on a sheet of its own (numbers as numbers, dates as dates).
 */

/** How a column's values are typed and shown. */
export type ColumnKind = 'text' | 'int' | 'number' | 'percent' | 'date' | 'datetime';

export interface TableColumn {
  header: string;
  kind: ColumnKind;
  /** Relative width (about the number of characters). */
  width: number;
  /** False for columns kept in the workbook but left out of the printed document (codes, numerators ...). */
  printed?: boolean;
}

/** A cell: text, a number (percent: 0-100), an ISO date or instant (date, datetime), or empty. */
export type TableCell = string | number | null;

export interface ReportTable {
  /** The sheet name in a workbook (at most 31 characters, none of []:*?/\). */
  sheet: string;
  /** The caption above the table in a document. */
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
}

const numberVi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** A cell as text for a printed document: numbers in Vietnamese notation (1.234,5; percentages as numbers, the header says %), dates dd/MM/yyyy. */
export function cellText(kind: ColumnKind, value: TableCell): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number') return numberVi.format(value);
  if (kind === 'date') return formatDateVi(value);
  if (kind === 'datetime') return formatDateTimeVi(value);
  return value;
}

/** Whether a column holds numbers (right-aligned when printed). */
export function isNumeric(kind: ColumnKind): boolean {
  return kind === 'int' || kind === 'number' || kind === 'percent';
}
