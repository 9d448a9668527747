/** Pure helpers of the calendar page: the range to fetch and which entries fall on a day. Unit-tested. */

export interface CalEntry {
  date: string;
  endDate: string | null;
  kind: 'phase' | 'milestone' | 'due';
  title: string;
  planId: string;
  planTitle: string;
  units: number | null;
  unitNames?: string[] | null;
  lateAfter: string | null;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The dates to ask for: in month mode the month and the days of the neighbouring months the grid
 * shows (up to 6 weeks); in year mode the whole year.
 */
export function calendarRange(year: number, month: number, mode: 'month' | 'year'): { from: string; to: string } {
  if (mode === 'year') return { from: `${year}-01-01`, to: `${year}-12-31` };
  const from = new Date(Date.UTC(year, month - 1, 1));
  from.setUTCDate(from.getUTCDate() - 7);
  const to = new Date(Date.UTC(year, month, 0));
  to.setUTCDate(to.getUTCDate() + 14);
  return { from: iso(from), to: iso(to) };
}

/** Phases and other entries spanning several days. */
export function isSpan(e: CalEntry): boolean {
  return !!e.endDate && e.endDate !== e.date;
}

/** Single-day entries (due items, reviews) on a day, due items first. */
export function pointsOn(entries: readonly CalEntry[], day: string): CalEntry[] {
  return entries.filter((e) => !isSpan(e) && e.date === day).sort(byKind);
}

/** Spanning entries that cover a day. */
export function spansCovering(entries: readonly CalEntry[], day: string): CalEntry[] {
  return entries.filter((e) => isSpan(e) && e.date <= day && day <= e.endDate!);
}

/** Single-day entries in a month ("2026-12"). */
export function pointsInMonth(entries: readonly CalEntry[], yearMonth: string): CalEntry[] {
  return entries.filter((e) => !isSpan(e) && e.date.startsWith(yearMonth + '-')).sort((a, b) => a.date.localeCompare(b.date) || byKind(a, b));
}

/** Spanning entries overlapping a range, each once, in start order. */
export function spansOverlapping(entries: readonly CalEntry[], from: string, to: string): CalEntry[] {
  return entries.filter((e) => isSpan(e) && e.date <= to && e.endDate! >= from).sort((a, b) => a.date.localeCompare(b.date));
}

const KIND_ORDER: Record<CalEntry['kind'], number> = { due: 0, milestone: 1, phase: 2 };
function byKind(a: CalEntry, b: CalEntry): number {
  return KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.title.localeCompare(b.title);
}

/** How far a span has run on a day, 0-100. */
export function spanProgress(e: CalEntry, today: string): number {
  if (!e.endDate) return 0;
  const start = Date.parse(e.date);
  const end = Date.parse(e.endDate);
  const now = Date.parse(today);
  if (now <= start) return 0;
  if (now >= end) return 100;
  return Math.round(((now - start) / (end - start)) * 100);
}
