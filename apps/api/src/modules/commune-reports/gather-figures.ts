import type { CommuneReportFigures, CommuneReportSection } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { countsOf, loadConsolidatedData, type ConsolidatedData } from '../progress';
import { FINAL_YEAR, MIDTERM_YEAR } from './commune-due-items';
import { publishedPlans } from './commune-report.store';

/** How many indicators a section lists at most (those with a figure or a target). */
const INDICATORS_SHOWN = 40;

/** The year whose unit reports a period's report gathers: its own year, 2027 for the mid-term review, 2030 for the final one. */
export function figuresYear(periodKind: string, year: number): number {
  return periodKind === 'midterm' ? MIDTERM_YEAR : periodKind === 'final' ? FINAL_YEAR : year;
}

/** The figures of the consolidated report (progress module) as a section shows them. Pure. */
export function figuresOf(d: ConsolidatedData, year: number, now: Date): CommuneReportFigures {
  const sum = (k: 'expected' | 'onTime' | 'late' | 'notDue') => d.cycles.reduce((n, c) => n + c[k], 0);
  const counts = countsOf(sum('expected'), sum('onTime'), sum('late'), sum('notDue'));
  return {
    year,
    expected: counts.expected,
    onTime: counts.onTime,
    late: counts.late,
    notDue: counts.notDue,
    missing: counts.missing,
    accepted: d.accepted.length,
    indicators: d.indicators.pillars
      .flatMap((p) => p.indicators)
      .filter((i) => i.value !== null || i.target !== null)
      .slice(0, INDICATORS_SHOWN)
      .map((i) => ({ code: i.code, name: i.name, measure: i.measure, value: i.value, target: i.target, achievementPct: i.achievementPct })),
    preparedAt: now.toISOString(),
  };
}

/**
 * One section per published plan of the commune, with the figures gathered from the units' accepted
 * reports of the year (the same reading as the consolidated yearly report); the commune's text of a
 * plan already in the report is kept.
 */
export async function gatherSections(
  tx: Tx,
  communeId: string,
  period: { periodKind: string; year: number },
  current: readonly CommuneReportSection[],
  now: Date,
): Promise<CommuneReportSection[]> {
  const year = figuresYear(period.periodKind, period.year);
  const texts = new Map(current.map((s) => [s.planId, s.text]));
  const out: CommuneReportSection[] = [];
  for (const p of await publishedPlans(tx, communeId)) {
    const data = await loadConsolidatedData(tx, { communeId }, year, p.id, now);
    out.push({ planId: p.id, planTitle: p.title, planNumber: p.number, text: texts.get(p.id) ?? '', figures: figuresOf(data, year, now) });
  }
  return out;
}
