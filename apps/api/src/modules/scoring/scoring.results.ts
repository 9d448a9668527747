import {
  aggregate,
  bandPoints,
  classify,
  entryPoints,
  formulaPoints,
  isAuto,
  rankOf,
  totalOf,
  type Aggregation,
  type ClassBand,
  type EvidenceDto,
} from '@tds/contracts';
import type { CriterionRow } from './scoring.table';

/**
 * The results of a rubric, from its criteria, the figures of accepted reports, the units' claims and
 * the council's submitted scores (pure: the close transition stores them, frozen).
 */

export interface Entry {
  value?: number | null;
  points?: number | null;
}

/** An automatic criterion's input and points from the unit's accepted figures (none reported: 0). */
export function autoScore(c: CriterionRow, figures: ReadonlyMap<string, number> | undefined): { value: number | null; points: number } {
  const num = c.indicatorCode ? (figures?.get(c.indicatorCode) ?? null) : null;
  if (c.method === 'bands') return { value: num, points: num === null ? 0 : bandPoints(c.bands ?? [], num, c.maxPoints) };
  const den = c.denominatorCode ? (figures?.get(c.denominatorCode) ?? null) : undefined;
  const value = num === null ? null : den === undefined ? num : den === null || den === 0 ? null : num / den;
  return { value, points: formulaPoints(num, den === undefined ? undefined : (den ?? 0), c.factor ?? c.maxPoints, c.maxPoints) };
}

export interface UnitInputs {
  unitId: string;
  unitName: string;
  sortKey: string;
  figures: ReadonlyMap<string, number> | undefined;
  /** Whether the unit made a self-assessment at all (submitted, returned or a draft). */
  assessed: boolean;
  /** The unit's self-assessment entries (its claims), if any. */
  claims: Record<string, Entry & { evidence?: EvidenceDto[] }>;
  /** The submitted council scores of the unit, one per member. */
  scores: Record<string, Entry>[];
}

export interface CriterionResult {
  criterionId: string;
  title: string;
  section: CriterionRow['section'];
  maxPoints: number;
  points: number;
  basis: 'auto' | 'council' | 'self';
  evidence: EvidenceDto[];
}

export interface UnitResult {
  unitId: string;
  unitName: string;
  total: number;
  /** The class by the total; empty for a unit nobody scored. */
  classLabel: string;
  /** Null for a unit nobody scored: neither a self-assessment nor a council member's score. */
  rank: number | null;
  criteria: CriterionResult[];
}

/** One unit's points per criterion: automatic ones computed, the others aggregated over the council (the unit's claim when no member scored). */
export function unitPoints(criteria: readonly CriterionRow[], how: Aggregation, u: UnitInputs): { total: number; criteria: CriterionResult[] } {
  const out: CriterionResult[] = criteria.map((c) => {
    const base = {
      criterionId: c.id,
      title: c.title,
      section: c.section as CriterionRow['section'],
      maxPoints: c.maxPoints,
      evidence: u.claims[c.id]?.evidence ?? [],
    };
    if (isAuto(c)) return { ...base, points: autoScore(c, u.figures).points, basis: 'auto' as const };
    if (u.scores.length)
      return {
        ...base,
        points: aggregate(
          u.scores.map((s) => entryPoints(c, s[c.id] ?? {})),
          how,
        ),
        basis: 'council' as const,
      };
    return { ...base, points: entryPoints(c, u.claims[c.id] ?? {}), basis: 'self' as const };
  });
  return { total: totalOf(out), criteria: out };
}

/** Whether anybody scored the unit: its own self-assessment or a council member's submitted score. */
export const wasScored = (u: Pick<UnitInputs, 'assessed' | 'scores'>): boolean => u.assessed || u.scores.length > 0;

/**
 * Every unit's total, class and rank (ties share a rank; then by the tree's order). A unit nobody
 * scored is not ranked nor classed (its automatic points are still shown): it comes last, "chưa chấm".
 */
export function rubricResults(criteria: readonly CriterionRow[], how: Aggregation, classes: readonly ClassBand[], units: readonly UnitInputs[]): UnitResult[] {
  const byTree = (a: { u: UnitInputs }, b: { u: UnitInputs }) => a.u.sortKey.localeCompare(b.u.sortKey);
  const rows = units.map((u) => ({ u, ...unitPoints(criteria, how, u) }));
  const out = (r: (typeof rows)[number], rank: number | null): UnitResult => ({
    unitId: r.u.unitId,
    unitName: r.u.unitName,
    total: r.total,
    classLabel: rank === null ? '' : classify(r.total, classes),
    rank,
    criteria: r.criteria,
  });
  return [
    ...rankOf(
      rows.filter((r) => wasScored(r.u)),
      byTree,
    ).map((r) => out(r, r.rank)),
    ...rows
      .filter((r) => !wasScored(r.u))
      .sort(byTree)
      .map((r) => out(r, null)),
  ];
}
