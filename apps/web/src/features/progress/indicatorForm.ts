import type { Indicator, IndicatorAggregation, IndicatorDirection, IndicatorPillar, ScoreBand } from '@tds/contracts';
import { blankToNull } from '../../lib/format';

// The indicator drawer's values and the body they make (pure: unit-tested).

/** The drawer's form values (texts as typed, numbers possibly empty). */
export interface IndicatorFormValues {
  code: string;
  pillar: IndicatorPillar;
  name: string;
  measure: string;
  direction: IndicatorDirection;
  aggregation: IndicatorAggregation;
  numeratorLabel: string;
  denominatorLabel: string;
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  scoreBands: Partial<ScoreBand>[];
  evidence: string;
  verifier: string;
  sortOrder: number | null;
  active: boolean;
}

/** A stored indicator as form values. */
export function toValues(i: Indicator): IndicatorFormValues {
  return {
    code: i.code,
    pillar: i.pillar,
    name: i.name,
    measure: i.measure,
    direction: i.direction,
    aggregation: i.aggregation,
    numeratorLabel: i.numeratorLabel ?? '',
    denominatorLabel: i.denominatorLabel ?? '',
    minValue: i.minValue,
    maxValue: i.maxValue,
    integer: i.integer,
    scoreBands: i.scoreBands ?? [],
    evidence: i.evidence ?? '',
    verifier: i.verifier ?? '',
    sortOrder: i.sortOrder,
    active: i.active,
  };
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The body sent to the server (the same for create and edit; edit adds `active`, create `code`). */
export function toBody(v: IndicatorFormValues) {
  const ratio = v.aggregation === 'ratio';
  const bands = (v.scoreBands ?? []).map((b) => ({ min: num(b.min) ?? Number.NaN, score: num(b.score) ?? Number.NaN }));
  return {
    pillar: v.pillar,
    name: (v.name ?? '').trim(),
    measure: (v.measure ?? '').trim(),
    direction: v.direction,
    aggregation: v.aggregation,
    numeratorLabel: ratio ? blankToNull(v.numeratorLabel) : null,
    denominatorLabel: ratio ? blankToNull(v.denominatorLabel) : null,
    minValue: num(v.minValue),
    maxValue: num(v.maxValue),
    integer: !!v.integer,
    scoreBands: bands.length ? bands : null,
    evidence: blankToNull(v.evidence),
    verifier: blankToNull(v.verifier),
    ...(num(v.sortOrder) !== null ? { sortOrder: num(v.sortOrder)! } : {}),
  };
}
