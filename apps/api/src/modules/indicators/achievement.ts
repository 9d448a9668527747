import type { IndicatorTrackStatus, ScoreBand } from '@tds/contracts';
import { VN_OFFSET_MS, clockNow } from '@tds/contracts';

/** What these pure functions need of an indicator definition. */
export interface IndicatorMeasure {
  direction: string;
  aggregation: string;
  measure: string;
  scoreBands?: readonly ScoreBand[] | null;
}

/** The sums kept per node (indicator_rollup, or the same sums over several communes). */
export interface NodeSums {
  sumValue: number;
  sumNumerator: number;
  sumDenominator: number;
  n: number;
}

/** Achievement above this is shown as this (a target beaten tenfold is not 1000% "more on track"). */
export const ACHIEVEMENT_CAP = 200;

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
const isPercent = (d: Pick<IndicatorMeasure, 'measure'>) => d.measure.trim() === '%';

/**
 * Achievement in percent of the target: value ÷ target when higher is better, target ÷ value when lower
 * is better; capped at ACHIEVEMENT_CAP, one decimal. Null without a target or a value. A zero target is
 * met by any value when higher is better; when lower is better a zero value always meets the target.
 */
export function achievement(def: Pick<IndicatorMeasure, 'direction'>, value: number | null | undefined, target: number | null | undefined): number | null {
  if (value == null || target == null || !Number.isFinite(value) || !Number.isFinite(target)) return null;
  let pct: number;
  if (def.direction === 'lower') {
    if (value <= 0) pct = 100;
    else pct = target <= 0 ? 0 : (target / value) * 100;
  } else if (target <= 0) pct = value >= target ? 100 : 0;
  else pct = (value / target) * 100;
  return round(Math.min(Math.max(pct, 0), ACHIEVEMENT_CAP), 1);
}

/** Start and end instants (UTC ms) of a period in Vietnam time: 0 = whole year, 1 = Jan-Jun, 2 = Jul-Dec. */
export function periodBounds(year: number, period: number): { start: number; end: number } {
  const at = (y: number, m: number) => Date.UTC(y, m, 1) - VN_OFFSET_MS;
  if (period === 1) return { start: at(year, 0), end: at(year, 6) };
  if (period === 2) return { start: at(year, 6), end: at(year + 1, 0) };
  return { start: at(year, 0), end: at(year + 1, 0) };
}

/** Share of the period already elapsed at `now` (Vietnam time), from 0 before it starts to 1 after it ends. */
export function elapsedShare(year: number, period: number, now: Date = clockNow()): number {
  const { start, end } = periodBounds(year, period);
  const share = (now.getTime() - start) / (end - start);
  return Math.min(Math.max(share, 0), 1);
}

/**
 * Where an indicator stands: on_track when the achievement keeps pace with the elapsed share of the
 * period (or the target is reached), at_risk when it is at least 75% of that pace, off_track below;
 * no_target when there is no achievement to judge (no target, or no value).
 */
export function trackStatus(achievementPct: number | null | undefined, elapsed: number): IndicatorTrackStatus {
  if (achievementPct == null || !Number.isFinite(achievementPct)) return 'no_target';
  const expected = Math.min(Math.max(elapsed, 0), 1) * 100;
  if (achievementPct >= 100 || achievementPct >= expected) return 'on_track';
  if (achievementPct >= 0.75 * expected) return 'at_risk';
  return 'off_track';
}

/**
 * The figure of a node (a unit's subtree, a commune, a province) from its sums: ratio indicators
 * Σnumerator ÷ Σdenominator (× 100 when the measure is "%"; percentages are never averaged), average
 * Σvalue ÷ n, sum and latest Σvalue. Null when nothing was reported or a ratio has no denominator.
 * Two decimals.
 */
export function aggregateValue(def: Pick<IndicatorMeasure, 'aggregation' | 'measure'>, s: NodeSums): number | null {
  if (s.n <= 0) return null;
  switch (def.aggregation) {
    case 'ratio':
      if (!s.sumDenominator) return null;
      return round((s.sumNumerator / s.sumDenominator) * (isPercent(def) ? 100 : 1), 2);
    case 'average':
      return round(s.sumValue / s.n, 2);
    default:
      return round(s.sumValue, 2);
  }
}

/**
 * Points for a value from the indicator's score bands (listed by threshold ascending). Higher is
 * better: the score of the highest band whose threshold the value reaches; lower is better: the score
 * of the lowest band whose threshold the value does not exceed. 0 outside every band; null without
 * bands or a value.
 */
export function scoreFor(def: Pick<IndicatorMeasure, 'direction' | 'scoreBands'>, value: number | null | undefined): number | null {
  const bands = def.scoreBands;
  if (!bands?.length || value == null || !Number.isFinite(value)) return null;
  const sorted = [...bands].sort((x, y) => x.min - y.min);
  const band = def.direction === 'lower' ? sorted.find((b) => value <= b.min) : sorted.filter((b) => value >= b.min).pop();
  return band?.score ?? 0;
}
