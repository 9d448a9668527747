import { isoIfValid } from '@tds/contracts';

/** Vietnamese text helpers for the plan parser: dates, case, abbreviations. */

/** A day/month/year read from text; parts are null when left blank. */
export interface DateParts {
  day: number | null;
  month: number | null;
  year: number | null;
  /** Length of the matched text. */
  length: number;
}

const NUMERIC_DATE = /^ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/iu;
const WORDED_DATE = /^ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})?/iu;
const BARE_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/u;

/** Read "ngày 16/6/2025", "ngày 16 tháng 6 năm 2025" (blank parts allowed) or "16/6/2025" at the start of `s`. */
export function readDate(s: string): DateParts | null {
  const m = NUMERIC_DATE.exec(s) ?? BARE_DATE.exec(s);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]), length: m[0].length };
  const w = WORDED_DATE.exec(s);
  if (!w) return null;
  const n = (x: string | undefined) => (x ? Number(x) : null);
  return { day: n(w[1]), month: n(w[2]), year: n(w[3]), length: w[0].trimEnd().length };
}

/** ISO date of complete parts, else null. */
export function isoOf(d: Pick<DateParts, 'day' | 'month' | 'year'> | null): string | null {
  if (!d || d.day === null || d.month === null || d.year === null) return null;
  return isoIfValid(d.year, d.month, d.day);
}

/** Expand the abbreviation UBND (and HĐND) the same way everywhere. */
export function expandAbbreviations(s: string): string {
  return s.replace(/\bUBND\b/gu, 'Ủy ban nhân dân').replace(/(^|\s)HĐND(?=\s|$)/gu, '$1Hội đồng nhân dân');
}

/** First letter in upper case. */
export function capitalise(s: string): string {
  return s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1) : s;
}

const GENERIC = new Set([
  'ủy',
  'uỷ',
  'ban',
  'nhân',
  'dân',
  'xã',
  'phường',
  'thị',
  'trấn',
  'thành',
  'phố',
  'tỉnh',
  'đặc',
  'khu',
  'huyện',
  'quận',
  'hội',
  'đồng',
  'chỉ',
  'đạo',
  'đảng',
  'bộ',
  'mặt',
  'trận',
  'tổ',
  'quốc',
  'sở',
  'phòng',
  'văn',
  'hóa',
  'hoá',
  'trung',
  'tâm',
]);

/** An all-caps organisation name in the usual mixed case: "UBND XÃ GIA PHÚC" → "Ủy ban nhân dân xã Gia Phúc". */
export function orgCase(caps: string): string {
  const words = expandAbbreviations(caps.replace(/\s+/gu, ' ').trim()).split(' ');
  let proper = false;
  return words
    .map((w, i) => {
      const lower = w.toLocaleLowerCase('vi');
      if (i === 0) return capitalise(lower);
      // Party bodies: "Ban Thường vụ", "Tỉnh ủy", "Thành ủy" keep their second word in lower case.
      const before = words[i - 1]!.toLocaleLowerCase('vi');
      if ((lower === 'vụ' && before === 'thường') || (/^(?:ủy|uỷ)$/u.test(lower) && /^(?:tỉnh|thành|huyện|quận|thị)$/u.test(before))) return lower;
      // "Ban Chấp hành Trung ương", "Ban Chỉ đạo": the second word of these compounds stays in lower case.
      if ((lower === 'hành' && before === 'chấp') || (lower === 'ương' && before === 'trung') || (lower === 'đạo' && before === 'chỉ')) return lower;
      if (!proper && GENERIC.has(lower)) return lower;
      proper = true;
      return /^[\p{L}]/u.test(w) && !/\d/u.test(w) && w.length > 1 && isCapsWord(w) ? capitalise(lower) : w;
    })
    .join(' ');
}

function isCapsWord(w: string): boolean {
  return !/\p{Ll}/u.test(w);
}

/** A signer's title in the usual case: "PHÓ CHỦ TỊCH" → "Phó Chủ tịch". */
export function titleCase(caps: string): string {
  const lower = caps.replace(/\s+/gu, ' ').trim().toLocaleLowerCase('vi');
  return capitalise(lower.replace(/(^|\s)chủ tịch/u, '$1Chủ tịch'));
}

/** Letters of the Vietnamese list order (no f, j, w, z). */
export const LETTER_ORDER = 'abcdđeghiklmnopqrstuvxy';
