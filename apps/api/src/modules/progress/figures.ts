import { sql, type SQL } from 'drizzle-orm';
import {
  progressPillarLabelsVi,
  progressPillars,
  type IndicatorProgressRow,
  type PillarProgress,
  type ProgressFigure,
  type ProgressIndicatorRef,
} from '@tds/contracts';
import { achievement, aggregateValue, trackStatus, type IndicatorMeasure } from '../indicators';
import { AppError } from '../../platform/errors';
import { num } from './cycle';

/*
 * Indicator figures at a node of the tree, computed on request from the live sums: the commune's
 * indicator_rollup rows, the sum of those rows over a province's communes, or the accepted unit values
 * (indicator_value) of a unit's subtree. Ratio indicators keep Σnumerator and Σdenominator.
 * Every statement built here yields rows of `FigureRow`.
 */

/** One indicator in one year with its sums and target, as the figure statements return it. */
export interface FigureRow {
  code: string;
  name: string;
  pillar: string;
  measure: string;
  direction: string;
  aggregation: string;
  year: number;
  sv: number | null;
  sn: number | null;
  sd: number | null;
  n: number | null;
  target: number | null;
  /** The node's name (commune or province), when the statement was given a label. */
  scope_name: string | null;
}

/** The national catalogue, plus a commune's own indicators when `communeId` is given; active ones only. */
export function catalogueSql(communeId: string | null): SQL {
  const national = sql`select code, pillar, name, measure, direction, aggregation, sort_order from indicator where active`;
  if (!communeId) return national;
  return sql`${national} union all
    select code, pillar, name, measure, direction, aggregation, sort_order from commune_indicator where commune_id = ${communeId} and active`;
}

/** Display order of indicators: pillar (gov, economy, society), then sort order and code; alias `cat`. */
export const CATALOGUE_ORDER: SQL = sql`case cat.pillar when 'gov' then 0 when 'economy' then 1 else 2 end, cat.sort_order, cat.code`;

/** Sums of a commune from its indicator_rollup rows (live: kept current when reports are accepted). */
export function communeSumsSql(communeId: string, fromYear: number, toYear: number, period: number): SQL {
  return sql`select indicator_code, year, sum_value::float8 as sv, sum_numerator::float8 as sn, sum_denominator::float8 as sd, n
    from indicator_rollup where commune_id = ${communeId} and year between ${fromYear} and ${toYear} and period = ${period}`;
}

/** Sums of a province: Σ of its communes' indicator_rollup rows (indicator_rollup_province_idx). */
export function provinceSumsSql(provinceId: string, fromYear: number, toYear: number, period: number): SQL {
  return sql`select indicator_code, year, sum(sum_value)::float8 as sv, sum(sum_numerator)::float8 as sn, sum(sum_denominator)::float8 as sd, sum(n)::int as n
    from indicator_rollup where province_id = ${provinceId} and year between ${fromYear} and ${toYear} and period = ${period}
    group by indicator_code, year`;
}

/**
 * Sums of a unit's subtree (a village includes its digital team) from the accepted unit values; one
 * value per unit, indicator and year (the most recent), as the commune roll-up counts them.
 */
export function subtreeSumsSql(communeId: string, path: string, fromYear: number, toYear: number, period: number): SQL {
  return sql`select indicator_code, year, coalesce(sum(value), 0)::float8 as sv, coalesce(sum(numerator), 0)::float8 as sn,
      coalesce(sum(denominator), 0)::float8 as sd, count(*)::int as n
    from (
      select distinct on (iv.unit_id, iv.indicator_code, iv.year) iv.indicator_code, iv.year, iv.value, iv.numerator, iv.denominator
      from indicator_value iv join unit u on u.commune_id = iv.commune_id and u.id = iv.unit_id
      where iv.commune_id = ${communeId} and iv.year between ${fromYear} and ${toYear} and iv.period = ${period} and u.path like ${path + '%'}
      order by iv.unit_id, iv.indicator_code, iv.year, iv.updated_at desc
    ) v group by indicator_code, year`;
}

/** Targets of a commune (unit_id null), of one of its units, or of a province, per indicator and year. */
export function targetsSql(node: { communeId: string; unitId?: string | null } | { provinceId: string }, fromYear: number, toYear: number): SQL {
  if ('provinceId' in node) {
    return sql`select indicator_code, year, value::float8 as value from province_target where province_id = ${node.provinceId} and year between ${fromYear} and ${toYear}`;
  }
  const unit = node.unitId ? sql`unit_id = ${node.unitId}` : sql`unit_id is null`;
  return sql`select indicator_code, year, value::float8 as value from target where commune_id = ${node.communeId} and ${unit} and year between ${fromYear} and ${toYear}`;
}

/** The name of a commune or province as a scalar subquery (evaluated once), for `figuresSql`'s label. */
export function nameSql(node: { communeId: string } | { provinceId: string }): SQL {
  return 'provinceId' in node ? sql`(select name from province where id = ${node.provinceId})` : sql`(select name from commune where id = ${node.communeId})`;
}

/**
 * Every indicator of a catalogue × every year in [fromYear, toYear], with the node's sums and target
 * (and the node's name as `scope_name` when a label is given): one statement.
 */
export function figuresSql(parts: { catalogue: SQL; sums: SQL; targets: SQL; fromYear: number; toYear: number; label?: SQL }): SQL {
  return sql`
    select cat.code, cat.name, cat.pillar, cat.measure, cat.direction, cat.aggregation, y.year::int as year,
      s.sv, s.sn, s.sd, s.n, t.value as target, ${parts.label ?? sql`null::text`} as scope_name
    from (${parts.catalogue}) cat
    cross join generate_series(${parts.fromYear}::int, ${parts.toYear}::int) as y(year)
    left join (${parts.sums}) s on s.indicator_code = cat.code and s.year = y.year
    left join (${parts.targets}) t on t.indicator_code = cat.code and t.year = y.year
    order by ${CATALOGUE_ORDER}, y.year`;
}

/** The indicator part of a figure row. */
export function indicatorRef(r: Pick<FigureRow, 'code' | 'name' | 'pillar' | 'measure' | 'direction' | 'aggregation'>): ProgressIndicatorRef {
  return {
    code: r.code,
    name: r.name,
    pillar: r.pillar as ProgressIndicatorRef['pillar'],
    measure: r.measure,
    direction: r.direction as ProgressIndicatorRef['direction'],
    aggregation: r.aggregation as ProgressIndicatorRef['aggregation'],
  };
}

/** A node's figure: the aggregated value from its sums, the target, achievement and status at `elapsed` share of the period. */
export function figureOf(def: IndicatorMeasure, sums: { sv: unknown; sn: unknown; sd: unknown; n: unknown }, target: unknown, elapsed: number): ProgressFigure {
  const n = num(sums.n) ?? 0;
  const value = n > 0 ? aggregateValue(def, { sumValue: num(sums.sv) ?? 0, sumNumerator: num(sums.sn) ?? 0, sumDenominator: num(sums.sd) ?? 0, n }) : null;
  const ratio = def.aggregation === 'ratio' && n > 0;
  const t = num(target);
  const pct = achievement(def, value, t);
  const status = t === null ? 'no_target' : value === null ? 'no_data' : trackStatus(pct, elapsed);
  return { value, numerator: ratio ? num(sums.sn) : null, denominator: ratio ? num(sums.sd) : null, n, target: t, achievementPct: pct, status };
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);

/** Indicator rows grouped by pillar, each pillar with the mean achievement of its indicators that have a target. */
export function byPillar(rows: readonly IndicatorProgressRow[]): PillarProgress[] {
  return progressPillars.map((pillar) => {
    const indicators = rows.filter((r) => r.pillar === pillar);
    const judged = indicators.filter((r) => r.achievementPct !== null);
    const count = (s: string) => indicators.filter((r) => r.status === s).length;
    return {
      pillar,
      name: progressPillarLabelsVi[pillar],
      achievementPct: mean(judged.map((r) => r.achievementPct!)),
      withTarget: indicators.filter((r) => r.target !== null).length,
      onTrack: count('on_track'),
      atRisk: count('at_risk'),
      offTrack: count('off_track'),
      indicators,
    };
  });
}

/** The node's name carried by a labelled statement's rows; NOT_FOUND when the commune or province does not exist. */
export function scopeName(rows: readonly Pick<FigureRow, 'scope_name'>[]): string {
  if (rows.length === 0) return '';
  const name = rows[0]!.scope_name;
  if (!name) throw new AppError('NOT_FOUND');
  return name;
}
