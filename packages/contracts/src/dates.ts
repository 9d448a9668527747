/** Dates travel as ISO `yyyy-MM-dd`; people see `dd/MM/yyyy`. */
export function formatDateVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  if (!m) return '';
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/** `dd/MM/yyyy` (or `d/M/yyyy`) to ISO; null when it is not a real calendar date. */
export function parseDateVi(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/u.exec(text);
  if (!m) return null;
  return isoIfValid(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** ISO date when year/month/day form a real date, else null. */
export function isoIfValid(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Date-time as `dd/MM/yyyy HH:mm` in Asia/Ho_Chi_Minh. */
export function formatDateTimeVi(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('day')}/${get('month')}/${get('year')} ${get('hour')}:${get('minute')}`;
}

/*
 * The one Vietnam clock. Deadlines, lateness, cycles and "today" follow Vietnam time (UTC+7, no
 * daylight saving); every use-case takes `now` so a test can stand on any day of 2025-2030.
 */

/** Vietnam's time zone and its fixed offset. */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const VN_OFFSET = '+07:00';
export const VN_OFFSET_MS = 7 * 3600 * 1000;

const VN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: VN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const VN_CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: VN_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

let clockOffsetMs = 0;

/**
 * The application's "now": real time, or real time shifted so that the clock read `at` when it was
 * set (`CLOCK_AT` for a server, a test's chosen day); it keeps running from there.
 */
export function clockNow(): Date {
  return new Date(Date.now() + clockOffsetMs);
}

/** Stand the clock on an instant (ISO, or a Date); null or undefined puts it back on real time. */
export function setClock(at: string | Date | null | undefined): void {
  if (at === null || at === undefined || at === '') {
    clockOffsetMs = 0;
    return;
  }
  const t = (typeof at === 'string' ? new Date(at) : at).getTime();
  if (Number.isNaN(t)) throw new Error(`Thời điểm không hợp lệ: ${String(at)}`);
  clockOffsetMs = t - Date.now();
}

/** The calendar day (yyyy-MM-dd) of an instant in Vietnam. */
export function todayVn(now: Date = clockNow()): string {
  return VN_DAY.format(now);
}

/** The calendar year of an instant in Vietnam. */
export function vietnamYear(now: Date = clockNow()): number {
  return Number(todayVn(now).slice(0, 4));
}

/** "HH:mm" of an instant in Vietnam time. */
export function formatClock(d: Date): string {
  return VN_CLOCK.format(d);
}

/** The ISO day `days` after (or before) `iso`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The instant a Vietnam calendar day begins. */
export function vnDayStart(iso: string): Date {
  return new Date(`${iso}T00:00:00${VN_OFFSET}`);
}

/** The instant of a Vietnam wall-clock time on a day ("2026-03-20", "09:00"). */
export function vnInstant(iso: string, hhmm = '00:00'): Date {
  return new Date(`${iso}T${hhmm}:00${VN_OFFSET}`);
}

/** An instant as Vietnam wall-clock time in a UTC Date (for Excel, which has no time zones). */
export function vnWallClock(d: Date): Date {
  return new Date(d.getTime() + VN_OFFSET_MS);
}

/** Whole calendar days from `from` to `to` (both yyyy-MM-dd); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
