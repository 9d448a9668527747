import { addDays, VN_OFFSET, type CommunePeriodKind, type PlanDoc } from '@tds/contracts';
import { deadlineOwners, dueCadence, dueKind, lastOnTimeDay, planYears } from '../plans';

/** One due item the commune owes its province. */
export interface WantedCommuneItem {
  periodKind: CommunePeriodKind;
  year: number;
  title: string;
  dueDate: string;
  lateAfter: string;
}

export const MIDTERM_YEAR = 2027;
export const FINAL_YEAR = 2030;
/** The default last on-time day of a commune's report to the province: 15 December of its year. */
const DEFAULT_DAY = '12-15';

const lateAfterOf = (dueDate: string) => new Date(`${addDays(dueDate, 1)}T00:00:00${VN_OFFSET}`).toISOString();

function titleOf(kind: CommunePeriodKind, year: number, fromYear: number): string {
  if (kind === 'midterm') return `Báo cáo sơ kết phong trào thi đua giai đoạn ${fromYear} - ${MIDTERM_YEAR}`;
  if (kind === 'final') return `Báo cáo tổng kết phong trào thi đua giai đoạn ${fromYear} - ${FINAL_YEAR}`;
  return `Báo cáo kết quả phong trào thi đua năm ${year}`;
}

/**
 * What the commune owes its province under its published plans: a yearly report for every year of
 * their span, the mid-term review (2027) and the final review (2030) when the span holds them. The
 * due date is the plans' own deadline when one is owed by the commune itself (`deadlineOwners`: the
 * commune's office or a report to a higher level), the earliest if several plans name one; else
 * 15/12 of the year. Pure.
 */
export function communeDueItemsFor(docs: readonly PlanDoc[]): WantedCommuneItem[] {
  if (docs.length === 0) return [];
  const spans = docs.map(planYears);
  const fromYear = Math.min(...spans.map((s) => s.fromYear));
  const years = new Set<number>();
  for (const s of spans) for (let y = s.fromYear; y <= s.toYear; y++) years.add(y);
  const own = docs.flatMap((doc) => doc.deadlines.filter((d) => dueKind(d) === 'report' && deadlineOwners(d, [], []).commune));
  const earliest = (dates: (string | null)[], fallback: string) => dates.filter((d): d is string => !!d).sort()[0] ?? fallback;
  const item = (periodKind: CommunePeriodKind, year: number, dates: (string | null)[]): WantedCommuneItem => {
    const dueDate = earliest(dates, `${year}-${DEFAULT_DAY}`);
    return { periodKind, year, title: titleOf(periodKind, year, fromYear), dueDate, lateAfter: lateAfterOf(dueDate) };
  };
  const out: WantedCommuneItem[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    out.push(
      item(
        'year',
        year,
        own.filter((d) => dueCadence(d) === 'yearly').map((d) => lastOnTimeDay(d, year)),
      ),
    );
  }
  const review = (kind: 'midterm' | 'final', year: number) =>
    years.has(year) &&
    out.push(
      item(
        kind,
        year,
        own.filter((d) => dueCadence(d) === kind).map((d) => lastOnTimeDay(d, d.year ?? year)),
      ),
    );
  review('midterm', MIDTERM_YEAR);
  review('final', FINAL_YEAR);
  return out;
}
