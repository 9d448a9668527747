import type { Aggregation, ClassBand, CriterionMethod, CriterionSection, RubricBand } from './scoring.js';

/** The rubric arithmetic, shared by the server (the frozen results) and the web (live totals). */

const round2 = (n: number) => Math.round(n * 100) / 100;
const clamp = (n: number, max: number) => Math.min(Math.max(n, 0), max);

export interface ScoredCriterion {
  method: CriterionMethod;
  section: CriterionSection;
  maxPoints: number;
  bands?: RubricBand[] | null;
  factor?: number | null;
  indicatorCode?: string | null;
}

/** Points of a `bands` criterion for a value: the band with the highest threshold the value reaches (none: 0). */
export function bandPoints(bands: readonly RubricBand[], value: number, maxPoints: number): number {
  let best: RubricBand | null = null;
  for (const b of bands) if (value >= b.min && (!best || b.min > best.min)) best = b;
  return best ? clamp(best.points, maxPoints) : 0;
}

/** Points of a `formula` criterion: (numerator ÷ denominator) × factor, within 0..max; a zero or missing denominator gives 0. */
export function formulaPoints(numerator: number | null, denominator: number | null | undefined, factor: number, maxPoints: number): number {
  if (numerator === null || !Number.isFinite(numerator)) return 0;
  if (denominator === undefined || denominator === null) return round2(clamp(numerator * factor, maxPoints));
  if (denominator === 0) return 0;
  return round2(clamp((numerator / denominator) * factor, maxPoints));
}

/** Is the criterion scored from accepted reports (no one types its points)? */
export const isAuto = (c: Pick<ScoredCriterion, 'method' | 'indicatorCode'>) => c.method === 'formula' || (c.method === 'bands' && !!c.indicatorCode);

/** The points one entry gives a criterion: a typed value through the bands, or points given, within 0..max. */
export function entryPoints(c: ScoredCriterion, entry: { value?: number | null; points?: number | null }): number {
  if (c.method === 'bands' && !c.indicatorCode && entry.value !== undefined && entry.value !== null) return bandPoints(c.bands ?? [], entry.value, c.maxPoints);
  return entry.points === undefined || entry.points === null ? 0 : clamp(entry.points, c.maxPoints);
}

/** One number from the council's: the mean, the median, or the mean without one highest and one lowest (from 3 scores up). */
export function aggregate(values: readonly number[], how: Aggregation): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  if (how === 'median') {
    const mid = sorted.length >> 1;
    return round2(sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2);
  }
  if (how === 'trimmed' && sorted.length >= 3) return round2(mean(sorted.slice(1, -1)));
  return round2(mean(sorted));
}

/** The total: main criteria and bonus points added, penalty points taken away, never below 0. */
export function totalOf(parts: readonly { section: CriterionSection; points: number }[]): number {
  let t = 0;
  for (const p of parts) t += p.section === 'penalty' ? -p.points : p.points;
  return round2(Math.max(0, t));
}

/** The highest total a rubric allows (main and bonus at their maxima). */
export const maxTotalOf = (criteria: readonly Pick<ScoredCriterion, 'section' | 'maxPoints'>[]) =>
  round2(criteria.reduce((s, c) => s + (c.section === 'penalty' ? 0 : c.maxPoints), 0));

/** The classification of a total: the class with the highest floor it reaches (the lowest class otherwise). */
export function classify(total: number, classes: readonly ClassBand[]): string {
  const sorted = [...classes].sort((a, b) => b.min - a.min);
  return (sorted.find((c) => total >= c.min) ?? sorted[sorted.length - 1])?.label ?? '';
}

/** Ranks by total, highest first; equal totals share a rank and the next rank skips ("1, 2, 2, 4"). */
export function rankOf<T extends { total: number }>(rows: readonly T[], tieOrder: (a: T, b: T) => number = () => 0): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.total - a.total || tieOrder(a, b));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || r.total !== sorted[i - 1]!.total) rank = i + 1;
    return { ...r, rank };
  });
}
