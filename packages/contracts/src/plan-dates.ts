import type { PlanDoc } from './plan-document.js';
import { addDays, isoIfValid } from './dates.js';
import { searchKey } from './text.js';

type Deadline = PlanDoc['deadlines'][number];
type Milestone = PlanDoc['milestones'][number];

/**
 * A deadline that names no day to be due on: "lồng ghép vào báo cáo 6 tháng, hằng năm" (no month),
 * "Năm 2025: ... ban hành Kế hoạch" (a year only). It becomes due items only once an officer chooses
 * the date (`day`/`month`, or both halves' `dates` for a half-yearly one); nothing is invented.
 */
export function isUndated(d: Pick<Deadline, 'month' | 'recurrence' | 'dates'>): boolean {
  if (d.month) return false;
  return !(d.recurrence === 'half-yearly' && (d.dates?.length ?? 0) === 2);
}

/** When the review's report is due unless an officer says otherwise. */
export const REVIEW_DEFAULT_DAY = { day: 31, month: 10 } as const;

/**
 * The day units report for a review, and whether it is only the default: the date the officer
 * confirmed or typed, else the day the plan's yearly report is due that year (the review report
 * goes with it), else 31/10 of the review's year.
 */
export function reviewDate(doc: Pick<PlanDoc, 'deadlines'>, m: Milestone): { date: string; isDefault: boolean } {
  if (m.dueDate && m.confirmed) return { date: m.dueDate, isDefault: false };
  if (m.dueDate) return { date: m.dueDate, isDefault: true };
  const yearly = doc.deadlines.find((d) => d.recurrence === 'yearly' && d.day && d.month && /bao cao/u.test(searchKey(d.what)));
  const named = yearly ? isoIfValid(m.year, yearly.month!, yearly.day!) : null;
  const date = named ? (yearly!.qualifier === 'before' ? addDays(named, -1) : named) : isoIfValid(m.year, REVIEW_DEFAULT_DAY.month, REVIEW_DEFAULT_DAY.day)!;
  return { date, isDefault: true };
}
