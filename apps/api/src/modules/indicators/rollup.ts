import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

/** One commune figure to recompute: an indicator in a year and period (0 = whole year, 1/2 = halves). */
export interface RollupKey {
  indicatorCode: string;
  year: number;
  period: number;
}

/**
 * Recompute the commune totals (indicator_rollup) for these keys from the accepted unit values, in the
 * caller's transaction: called by whatever writes indicator_value (accepting or reopening a report, a
 * derived-value provider), so the dashboards change at once. One value per unit counts (the most recent,
 * when a unit has the same figure from several sources). Ratio indicators keep Σnumerator and
 * Σdenominator; percentages are never averaged.
 */
export async function refreshRollup(tx: Tx, communeId: string, keys: readonly RollupKey[]): Promise<void> {
  const unique = [...new Map(keys.map((k) => [`${k.indicatorCode}|${k.year}|${k.period}`, k])).values()];
  for (const k of unique) {
    await tx.execute(sql`
      with v as (
        select distinct on (unit_id) value, numerator, denominator from indicator_value
        where commune_id = ${communeId} and indicator_code = ${k.indicatorCode} and year = ${k.year} and period = ${k.period}
        order by unit_id, updated_at desc
      ), agg as (
        select coalesce(sum(value), 0) as sv, coalesce(sum(numerator), 0) as sn, coalesce(sum(denominator), 0) as sd, count(*)::int as n from v
      ), up as (
        insert into indicator_rollup (commune_id, province_id, indicator_code, year, period, sum_value, sum_numerator, sum_denominator, n, updated_at)
        select ${communeId}, (select province_id from commune where id = ${communeId}), ${k.indicatorCode}, ${k.year}, ${k.period}, sv, sn, sd, n, now()
        from agg where n > 0
        on conflict (commune_id, indicator_code, year, period) do update
          set sum_value = excluded.sum_value, sum_numerator = excluded.sum_numerator, sum_denominator = excluded.sum_denominator,
              n = excluded.n, updated_at = excluded.updated_at
        returning 1
      )
      delete from indicator_rollup r using agg
      where agg.n = 0 and r.commune_id = ${communeId} and r.indicator_code = ${k.indicatorCode} and r.year = ${k.year} and r.period = ${k.period}`);
  }
}
