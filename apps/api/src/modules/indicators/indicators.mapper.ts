import type { Indicator, IndicatorAggregation, IndicatorDirection, IndicatorPillar, IndicatorSource, ProvinceTarget, Target } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import type { IndicatorDef } from './catalogue';
import { indicatorAbilities } from './indicators.policy';
import type { provinceTarget, target } from './indicators.table';

/** An indicator definition as the API shows it to `actor` in commune `viewer` (null: the national list), with what they may do with it. */
export function toIndicator(actor: Actor, d: IndicatorDef, viewer: string | null = d.communeId): Indicator {
  return {
    code: d.code,
    pillar: d.pillar as IndicatorPillar,
    name: d.name,
    measure: d.measure,
    direction: d.direction as IndicatorDirection,
    aggregation: d.aggregation as IndicatorAggregation,
    numeratorLabel: d.numeratorLabel,
    denominatorLabel: d.denominatorLabel,
    minValue: d.minValue,
    maxValue: d.maxValue,
    integer: d.integer,
    scoreBands: d.scoreBands ?? null,
    evidence: d.evidence,
    verifier: d.verifier,
    source: d.source as IndicatorSource,
    providerKey: d.providerKey,
    sortOrder: d.sortOrder,
    active: d.active,
    scope: d.communeId ? 'commune' : 'national',
    communeId: d.communeId,
    unitKinds: d.unitKinds,
    unitKindsChosen: d.unitKindsChosen,
    can: indicatorAbilities(actor, d.communeId, viewer),
  };
}

/** A target row (with its unit's name) as the API shows it. */
export function toTarget(r: typeof target.$inferSelect, unitName: string | null): Target {
  return {
    id: r.id,
    communeId: r.communeId,
    unitId: r.unitId,
    unitName,
    indicatorCode: r.indicatorCode,
    year: r.year,
    value: r.value,
    origin: r.origin as Target['origin'],
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** A province target row as the API shows it. */
export const toProvinceTarget = (r: typeof provinceTarget.$inferSelect): ProvinceTarget => ({
  provinceId: r.provinceId,
  indicatorCode: r.indicatorCode,
  year: r.year,
  value: r.value,
  updatedAt: r.updatedAt.toISOString(),
});
