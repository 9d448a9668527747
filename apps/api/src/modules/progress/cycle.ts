import { clockNow } from '@tds/contracts';
import { sql, type SQL } from 'drizzle-orm';
import type { CompletenessCounts, ProgressCadence, ProgressCycleKind } from '@tds/contracts';

/*
 * What a report cycle is and who owes a report in it. A cycle is the set of due items of one kind,
 * cadence, year and period of one plan in a commune (or across plans, for a province). The SQL fragments below read the aliases
 * `d` (due_item), `u` (unit) and `r` (report, left-joined on the due item) of the statements that use them.
 */

/** Identifies one cycle. */
export interface CycleKey {
  kind: ProgressCycleKind;
  cadence: ProgressCadence;
  year: number;
  period: number;
  /** One plan's items only (a cycle belongs to one plan); every plan's when absent. */
  planId?: string;
}

/**
 * First and last day of the period a due item covers (alias `d`): its year, or the first (Jan-Jun) or
 * second (Jul-Dec) half for half-yearly items.
 */
const PERIOD_FROM: SQL = sql`make_date(d.year, case when d.cadence = 'half_yearly' and d.period = 2 then 7 else 1 end, 1)`;
const PERIOD_TO: SQL = sql`case when d.cadence = 'half_yearly' and d.period = 1 then make_date(d.year, 6, 30) else make_date(d.year, 12, 31) end`;

/** The report of the due item was handed in (submitted, possibly returned or accepted since). */
export const SUBMITTED: SQL = sql`(r.status in ('submitted', 'returned', 'accepted') and r.submitted_at is not null)`;

/**
 * The due item counts as expected: its unit was active for part of the period and still active on the
 * due date; a unit that closed before the deadline is not expected unless it submitted anyway.
 */
export const EXPECTED: SQL = sql`(${SUBMITTED} or (
    (u.active_from is null or (u.active_from <= d.due_date and u.active_from <= ${PERIOD_TO}))
    and (u.active_to is null or (u.active_to >= d.due_date and u.active_to >= ${PERIOD_FROM}))))`;

/** The due item's deadline has passed at `now` (alias `d`): a report not handed in by then is missing. */
const duePassed = (now: Date): SQL => sql`(d.late_after <= ${now.toISOString()}::timestamptz)`;

/**
 * A unit's standing for a due item at `now`: on_time | late | missing | not_due | not_expected. An
 * expected report not handed in is missing only once its deadline has passed; before, it is not due.
 */
export const unitStatusSql = (now: Date): SQL => sql`case when ${SUBMITTED} then (case when r.late then 'late' else 'on_time' end)
    when ${EXPECTED} then (case when ${duePassed(now)} then 'missing' else 'not_due' end) else 'not_expected' end`;

/** Counts of a group's items at `now`, as SQL aggregates (expected, on_time, late, not_due). */
export const countsSql = (now: Date): SQL => sql`count(*) filter (where ${EXPECTED})::int as expected,
    count(*) filter (where ${SUBMITTED} and not r.late)::int as on_time,
    count(*) filter (where ${SUBMITTED} and r.late)::int as late,
    count(*) filter (where ${EXPECTED} and not ${SUBMITTED} and not ${duePassed(now)})::int as not_due`;

/** The WHERE of one cycle's due items (alias `d`), matching due_item_cycle_idx after the commune. */
export function cycleWhere(k: CycleKey): SQL {
  const plan = k.planId ? sql` and d.plan_id = ${k.planId}` : sql``;
  return sql`d.cadence = ${k.cadence} and d.year = ${k.year} and d.period = ${k.period} and d.kind = ${k.kind}${plan}`;
}

/** count / expected as a percentage with one decimal, never above 100; 0 when nothing is expected. */
export function rate(count: number, expected: number): number {
  if (expected <= 0) return 0;
  return Math.round(Math.min(1, count / expected) * 1000) / 10;
}

/** Counts and rates from expected, on-time, late and not-yet-due numbers (missing is what remains). */
export function countsOf(expected: number, onTime: number, late: number, notDue = 0): CompletenessCounts {
  const missing = Math.max(0, expected - onTime - late - notDue);
  return {
    expected,
    onTime,
    late,
    notDue,
    missing,
    onTimeRate: rate(onTime, expected),
    lateRate: rate(late, expected),
    submittedRate: rate(onTime + late, expected),
    missingRate: rate(missing, expected),
  };
}

/** Counts of a list of unit statuses. */
export function countStatuses(statuses: readonly string[]): CompletenessCounts {
  const n = (s: string) => statuses.filter((x) => x === s).length;
  const onTime = n('on_time');
  const late = n('late');
  const notDue = n('not_due');
  return countsOf(onTime + late + n('missing') + notDue, onTime, late, notDue);
}

/** Whether a deadline instant (ISO) has passed. */
export function isPast(lateAfter: string | null | undefined, now = clockNow()): boolean {
  return !!lateAfter && new Date(lateAfter).getTime() <= now.getTime();
}

/** ISO string of a timestamp as either driver returns it (Date or text), or null. */
export function isoOf(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A number from a driver value (numeric columns may come back as text), or null. */
export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}
