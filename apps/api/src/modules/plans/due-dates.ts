import type { z } from 'zod';
import { addDays, isoIfValid, VN_OFFSET, type deadlineDoc } from '@tds/contracts';

type Deadline = z.infer<typeof deadlineDoc>;

/** One dated instance of a deadline: the last calendar day (Asia/Ho_Chi_Minh) on which it is on time. */
export interface DueDate {
  /** ISO date of the last on-time day. */
  dueDate: string;
  /** The instant the item becomes late: the start of the next day in Asia/Ho_Chi_Minh (UTC+7, no DST). */
  lateAfter: string;
  year: number;
  /** For half-yearly items: 1 or 2. */
  period: number | null;
}

/** `iso` (yyyy-MM-dd) moved by `days` calendar days. */
function lastDayOfMonth(year: number, month: number): string {
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
}

/**
 * The last on-time day of a deadline in a given year. "trước ngày 05/11" (before) is due by the end of
 * 04/11; "chậm nhất ngày 05/11" / "đến ngày 05/11" (by) by the end of 05/11; "trong tháng 9" (in, no
 * day) by the end of the month. Null when the deadline names no month.
 */
export function lastOnTimeDay(d: Pick<Deadline, 'day' | 'month' | 'qualifier'>, year: number): string | null {
  if (!d.month) return null;
  if (!d.day) return lastDayOfMonth(year, d.month);
  const named = isoIfValid(year, d.month, d.day);
  if (!named) return null;
  return d.qualifier === 'before' ? addDays(named, -1) : named;
}

/** Expand a deadline into its dated instances for the years of a plan (inclusive range); an undated deadline has none. */
export function expandDeadline(d: Deadline, fromYear: number, toYear: number): DueDate[] {
  const years = d.recurrence === 'once' ? [d.year ?? fromYear] : range(fromYear, toYear);
  const out: DueDate[] = [];
  for (const year of years) {
    if (d.recurrence === 'half-yearly' && !d.month) {
      // "6 tháng" with no date: the two days the officer chose, or nothing (never an invented 30/6, 31/12).
      (d.dates ?? []).slice(0, 2).forEach((h, i) => {
        const due = lastOnTimeDay({ day: h.day, month: h.month, qualifier: d.qualifier === 'in' ? 'by' : d.qualifier }, year);
        if (due) out.push(instance(due, year, i + 1));
      });
      continue;
    }
    const due = lastOnTimeDay(d, year);
    if (due) out.push(instance(due, year, d.recurrence === 'half-yearly' ? (d.month! <= 6 ? 1 : 2) : null));
  }
  return out;
}

/** The dated instance due by the end of `dueDate` (Vietnam calendar day). */
export function instance(dueDate: string, year: number, period: number | null): DueDate {
  return { dueDate, lateAfter: new Date(`${addDays(dueDate, 1)}T00:00:00${VN_OFFSET}`).toISOString(), year, period };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}
