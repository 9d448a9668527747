import { isoIfValid } from './dates.js';

/**
 * Dates and years as people type them in spreadsheets: dd/MM/yyyy, d/M/yyyy, d/M/yy (the year in
 * the window 1930-2029, as Excel reads two-digit years), yyyy-MM-dd, and Excel serial day numbers
 * (1 = 1/1/1900, with Excel's phantom 29/2/1900). Anything else is not a date: the caller reports
 * it, never guesses.
 */

/** The first and last serial numbers read as dates (1/1/1900 to 31/12/9999). */
const SERIAL_MAX = 2_958_465;

/** ISO date of an Excel serial day number, or null. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > SERIAL_MAX || serial === 60) return null;
  // Excel counts 29/2/1900, which never was: serials after it are one day ahead.
  const days = serial < 60 ? serial - 1 : serial - 2;
  const d = new Date(Date.UTC(1900, 0, 1) + days * 86_400_000);
  return isoIfValid(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The Excel serial day number of an ISO date (the inverse of excelSerialToIso). */
export function isoToExcelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const days = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1900, 0, 1)) / 86_400_000);
  return days < 59 ? days + 1 : days + 2;
}

/** A two-digit year as Excel reads it: 00-29 -> 2000-2029, 30-99 -> 1930-1999. */
export const twoDigitYear = (yy: number) => (yy < 30 ? 2000 + yy : 1900 + yy);

/** ISO date of a typed date in any of the accepted forms, or null. */
export function parseCellDate(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/u.exec(t);
  if (m) {
    const year = m[3]!.length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
    return isoIfValid(year, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/u.exec(t);
  if (m) return isoIfValid(Number(m[1]), Number(m[2]), Number(m[3]));
  if (/^\d{1,7}$/u.test(t)) {
    const n = Number(t);
    // A bare number of four digits is a year, not a serial; a serial is a date from 1900 on.
    if (n >= 1000 && n <= 9999) return null;
    return excelSerialToIso(n);
  }
  return null;
}

/**
 * A birth year from a cell: a year of four digits, or a whole date in an accepted form (its year).
 * Returns the year, or a Vietnamese reason. A year before 1900 or after `thisYear` is refused as it
 * is, never corrected.
 */
export function parseBirthYear(text: string, thisYear: number): { year: number } | { problem: string } {
  const t = text.trim();
  if (t === '') return { problem: 'Chưa có năm sinh.' };
  let year: number | null = null;
  if (/^\d{4}$/u.test(t)) year = Number(t);
  else {
    const iso = parseCellDate(t);
    if (iso) year = Number(iso.slice(0, 4));
  }
  if (year === null) return { problem: `"${t.slice(0, 40)}" không phải năm sinh (ghi năm, ví dụ 1975, hoặc ngày sinh dạng dd/MM/yyyy).` };
  if (year < 1900) return { problem: `Năm sinh ${year} trước năm 1900.` };
  if (year > thisYear) return { problem: `Năm sinh ${year} sau năm hiện tại (${thisYear}).` };
  return { year };
}
