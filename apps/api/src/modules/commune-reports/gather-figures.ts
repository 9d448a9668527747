import type { CommuneReportFigures, CommuneReportSection } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { countsOf, loadConsolidatedData, type ConsolidatedData } from '../progress';
import { FINAL_YEAR, MIDTERM_YEAR } from './commune-due-items';
import { planYears } from '../plans';
import { publishedPlans } from './commune-report.store';

/** How many indicators a section lists at most (those with a figure or a target). */
const INDICATORS_SHOWN = 40;

/**
 * The years whose unit reports a period's report gathers: its own year; for the mid-term review the
 * plan's years up to 2027, for the final review all of them up to 2030.
 */
export function figuresYears(periodKind: string, year: number, plan: { fromYear: number; toYear: number }): number[] {
  if (periodKind !== 'midterm' && periodKind !== 'final') return [year];
  const last = Math.min(periodKind === 'midterm' ? MIDTERM_YEAR : FINAL_YEAR, plan.toYear);
  const years: number[] = [];
  for (let y = Math.min(plan.fromYear, last); y <= last; y++) years.push(y);
  return years;
}

/**
 * The figures of the consolidated report (progress module) as a section shows them: the counts of
 * every year given added up, the indicators as they stand in the last one. Pure.
 */
export function figuresOf(data: readonly ConsolidatedData[], years: readonly number[], now: Date): CommuneReportFigures {
  const last = data[data.length - 1]!;
  const sum = (k: 'expected' | 'onTime' | 'late' | 'notDue') => data.reduce((n, d) => n + d.cycles.reduce((m, c) => m + c[k], 0), 0);
  const counts = countsOf(sum('expected'), sum('onTime'), sum('late'), sum('notDue'));
  const year = years[years.length - 1]!;
  return {
    year,
    ...(years.length > 1 ? { fromYear: years[0]! } : {}),
    expected: counts.expected,
    onTime: counts.onTime,
    late: counts.late,
    notDue: counts.notDue,
    missing: counts.missing,
    accepted: data.reduce((n, d) => n + d.accepted.length, 0),
    indicators: last.indicators.pillars
      .flatMap((p) => p.indicators)
      .filter((i) => i.value !== null || i.target !== null)
      .slice(0, INDICATORS_SHOWN)
      .map((i) => ({ code: i.code, name: i.name, measure: i.measure, value: i.value, target: i.target, achievementPct: i.achievementPct })),
    preparedAt: now.toISOString(),
  };
}

/**
 * One section per published plan of the commune, with the figures gathered from the units' accepted
 * reports of the year or the review's years (the same reading as the consolidated yearly report); the commune's text of a
 * plan already in the report is kept.
 */
export async function gatherSections(
  tx: Tx,
  communeId: string,
  period: { periodKind: string; year: number },
  current: readonly CommuneReportSection[],
  now: Date,
): Promise<CommuneReportSection[]> {
  const texts = new Map(current.map((s) => [s.planId, s.text]));
  const out: CommuneReportSection[] = [];
  for (const p of await publishedPlans(tx, communeId)) {
    const years = figuresYears(period.periodKind, period.year, planYears(p.doc));
    const data: ConsolidatedData[] = [];
    for (const y of years) data.push(await loadConsolidatedData(tx, { communeId }, y, p.id, now));
    out.push({ planId: p.id, planTitle: p.title, planNumber: p.number, text: texts.get(p.id) ?? '', figures: figuresOf(data, years, now) });
  }
  return out;
}
