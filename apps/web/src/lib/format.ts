import dayjs, { type Dayjs } from 'dayjs';
import { formatDateTimeVi, formatDateVi, searchKey } from '@tds/contracts';

export { formatDateTimeVi, formatDateVi };

export const DATE_FORMAT = 'DD/MM/YYYY';
export const DATE_TIME_FORMAT = 'DD/MM/YYYY HH:mm';
export const DATE_PLACEHOLDER = 'dd/mm/yyyy';

/** ISO yyyy-MM-dd (or null) to a dayjs value for antd DatePicker. */
export function isoToDayjs(iso: string | null | undefined): Dayjs | null {
  if (!iso) return null;
  const d = dayjs(iso.slice(0, 10), 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}

/** dayjs value from DatePicker to ISO yyyy-MM-dd (or null). */
export function dayjsToIso(d: Dayjs | null | undefined): string | null {
  if (!d || !d.isValid()) return null;
  return d.format('YYYY-MM-DD');
}

/** Empty strings (and undefined) become null, other strings are trimmed. */
export function blankToNull(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t ? t : null;
}

/** Diacritic-insensitive filter for antd Select options. */
export function selectFilter(input: string, option?: { label?: unknown; searchText?: string }): boolean {
  if (!option) return false;
  const text = option.searchText ?? (typeof option.label === 'string' ? option.label : '');
  return searchKey(text).includes(searchKey(input));
}

export function formatNumber(n: number | null | undefined, locale = 'vi-VN'): string {
  if (n === null || n === undefined) return '';
  return new Intl.NumberFormat(locale).format(n);
}
