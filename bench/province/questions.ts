/**
 * The three province questions, each asked two ways: through the API endpoint, and as one
 * hand-written SQL statement giving the same answer (written here, independently of the module
 * behind the endpoint, so that comparing the two answers checks the endpoint). Both answers are
 * reduced to the same canonical form: figures keyed by commune or by indicator and year.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { League, ProvinceCompleteness, Rollup } from '@tds/contracts';

/** A canonical answer: for each key (a commune, an indicator-year...), named figures. */
export type Answer = Map<string, Record<string, number | null>>;

export interface Question {
  name: 'completeness' | 'league' | 'rollup';
  /** Endpoint path and query, after the server address. */
  path: string;
  /** The hand-written statement. */
  sql: SQL;
  fromSql(rows: Record<string, unknown>[]): Answer;
  fromEndpoint(body: unknown): Answer;
  /** How close two figures must be (counts exactly; rounded figures to their last decimal). */
  tolerance: Record<string, number>;
}

/** A number from a driver value (numeric comes back as text), or null. */
function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** The value of a node from its sums: Σnum ÷ Σden (× 100 for "%"), Σvalue ÷ n, or Σvalue; two decimals. Alias `i` is the indicator, `s` the sums. */
const VALUE: SQL = sql`case when coalesce(s.n, 0) = 0 then null
  when i.aggregation = 'ratio' then case when s.sd = 0 then null
    else round(s.sn / s.sd * case when trim(i.measure) = '%' then 100 else 1 end, 2) end
  when i.aggregation = 'average' then round(s.sv / s.n, 2)
  else round(s.sv, 2) end`;

/** Achievement (% of target, direction aware, 0-200, one decimal) of `f.value` against `f.target`. */
const ACHIEVEMENT: SQL = sql`case when f.value is null or f.target is null then null
  when f.direction = 'lower' then round(least(greatest(case when f.value <= 0 then 100 when f.target <= 0 then 0 else f.target / f.value * 100 end, 0), 200), 1)
  when f.target <= 0 then case when f.value >= f.target then 100 else 0 end
  else round(least(greatest(f.value / f.target * 100, 0), 200), 1) end`;

/** Completeness of one cycle across the province: per commune, expected, on-time and late reports. */
export function completenessQuestion(provinceId: string, c: { kind: string; cadence: string; year: number; period: number }): Question {
  const from = c.cadence === 'half_yearly' && c.period === 2 ? `${c.year}-07-01` : `${c.year}-01-01`;
  const to = c.cadence === 'half_yearly' && c.period === 1 ? `${c.year}-06-30` : `${c.year}-12-31`;
  return {
    name: 'completeness',
    path: `/api/provinces/${provinceId}/progress/completeness?kind=${c.kind}&cadence=${c.cadence}&year=${c.year}&period=${c.period}`,
    // Expected: handed in, or the unit active on the due date and for part of the period. Every
    // commune of the province active in the year, or with items, is listed.
    sql: sql`
      select c.id, count(x.submitted) filter (where x.submitted or x.active)::int as expected,
        count(x.submitted) filter (where x.submitted and not x.late)::int as on_time,
        count(x.submitted) filter (where x.submitted and x.late)::int as late,
        count(x.submitted) filter (where not x.submitted and x.active and x.late_after > now())::int as not_due
      from commune c
      left join lateral (
        select r.status in ('submitted', 'returned', 'accepted') and r.submitted_at is not null as submitted, r.late, d.late_after,
          (u.active_from is null or u.active_from <= least(d.due_date, ${to}::date)) and (u.active_to is null or u.active_to >= greatest(d.due_date, ${from}::date)) as active
        from due_item d
        join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
        left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id
        where d.commune_id = c.id and d.cadence = ${c.cadence} and d.year = ${c.year} and d.period = ${c.period} and d.kind = ${c.kind}
      ) x on true
      where c.province_id = ${provinceId}
      group by c.id
      having count(x.submitted) > 0 or ((c.active_from is null or c.active_from <= ${`${c.year}-12-31`}::date) and (c.active_to is null or c.active_to >= ${`${c.year}-01-01`}::date))`,
    fromSql(rows) {
      const out: Answer = new Map();
      const total = { expected: 0, onTime: 0, late: 0, notDue: 0 };
      for (const r of rows) {
        const expected = num(r.expected)!,
          onTime = num(r.on_time)!,
          late = num(r.late)!,
          notDue = num(r.not_due)!;
        out.set(String(r.id), { expected, onTime, late, notDue, missing: Math.max(0, expected - onTime - late - notDue) });
        total.expected += expected;
        total.onTime += onTime;
        total.late += late;
        total.notDue += notDue;
      }
      out.set('total', { ...total, missing: Math.max(0, total.expected - total.onTime - total.late - total.notDue) });
      return out;
    },
    fromEndpoint(body) {
      const b = body as ProvinceCompleteness;
      const out: Answer = new Map(
        b.communes.map((r) => [r.communeId, { expected: r.expected, onTime: r.onTime, late: r.late, notDue: r.notDue, missing: r.missing }]),
      );
      out.set('total', { expected: b.totals.expected, onTime: b.totals.onTime, late: b.totals.late, notDue: b.totals.notDue, missing: b.totals.missing });
      return out;
    },
    tolerance: {},
  };
}

/**
 * A league table of one indicator: every commune of the province active in the year (or with a
 * figure), its figure (from its live roll-up), its target, the achievement and its rank (direction
 * aware, ties share a rank, no figure: no rank).
 */
export function leagueQuestion(provinceId: string, indicatorCode: string, year: number, period = 0): Question {
  return {
    name: 'league',
    path: `/api/provinces/${provinceId}/progress/league?indicatorCode=${encodeURIComponent(indicatorCode)}&year=${year}&period=${period}`,
    sql: sql`
      with f as (
        select c.id, i.direction, ${VALUE} as value,
          case when i.aggregation = 'ratio' and s.n > 0 then s.sn end as numerator, case when i.aggregation = 'ratio' and s.n > 0 then s.sd end as denominator,
          t.value as target
        from commune c
        cross join indicator i
        left join lateral (select sum_value as sv, sum_numerator as sn, sum_denominator as sd, n from indicator_rollup r
          where r.commune_id = c.id and r.indicator_code = i.code and r.year = ${year} and r.period = ${period}) s on true
        left join target t on t.commune_id = c.id and t.unit_id is null and t.indicator_code = i.code and t.year = ${year}
        where c.province_id = ${provinceId} and i.code = ${indicatorCode}
          and (s.n is not null or ((c.active_from is null or c.active_from <= ${`${year}-12-31`}::date) and (c.active_to is null or c.active_to >= ${`${year}-01-01`}::date)))
      )
      select f.id, f.value, f.numerator, f.denominator, f.target, ${ACHIEVEMENT} as achievement,
        case when f.value is not null then rank() over (partition by f.value is null order by case when f.direction = 'lower' then f.value else -f.value end) end as rank
      from f`,
    fromSql(rows) {
      return new Map(
        rows.map((r) => [
          String(r.id),
          {
            rank: num(r.rank),
            value: num(r.value),
            numerator: num(r.numerator),
            denominator: num(r.denominator),
            target: num(r.target),
            achievementPct: num(r.achievement),
          },
        ]),
      );
    },
    fromEndpoint(body) {
      const b = body as League;
      return new Map(
        b.rows.map((r) => [
          r.id,
          { rank: r.rank, value: r.value, numerator: r.numerator, denominator: r.denominator, target: r.target, achievementPct: r.achievementPct },
        ]),
      );
    },
    tolerance: { value: 0.011, achievementPct: 0.11, numerator: 1e-6, denominator: 1e-6, target: 1e-6 },
  };
}

/** Every national indicator × every year of [fromYear, toYear] for the province: Σ of the communes' roll-ups, with targets. */
export function rollupQuestion(provinceId: string, fromYear: number, toYear: number, period = 0): Question {
  return {
    name: 'rollup',
    path: `/api/provinces/${provinceId}/progress/rollup?fromYear=${fromYear}&toYear=${toYear}&period=${period}`,
    sql: sql`
      with s as (
        select indicator_code, year, sum(sum_value) as sv, sum(sum_numerator) as sn, sum(sum_denominator) as sd, sum(n) as n
        from indicator_rollup where province_id = ${provinceId} and year between ${fromYear} and ${toYear} and period = ${period}
        group by indicator_code, year
      ), f as (
        select i.code, y.year, i.direction, ${VALUE} as value,
          case when i.aggregation = 'ratio' and s.n > 0 then s.sn end as numerator, case when i.aggregation = 'ratio' and s.n > 0 then s.sd end as denominator,
          t.value as target
        from indicator i
        cross join generate_series(${fromYear}::int, ${toYear}::int) y(year)
        left join s on s.indicator_code = i.code and s.year = y.year
        left join province_target t on t.province_id = ${provinceId} and t.indicator_code = i.code and t.year = y.year
        where i.active
      )
      select f.code, f.year, f.value, f.numerator, f.denominator, f.target, ${ACHIEVEMENT} as achievement from f`,
    fromSql(rows) {
      return new Map(
        rows.map((r) => [
          `${String(r.code)}|${num(r.year)}`,
          {
            value: num(r.value),
            numerator: num(r.numerator),
            denominator: num(r.denominator),
            target: num(r.target),
            achievementPct: num(r.achievement),
          },
        ]),
      );
    },
    fromEndpoint(body) {
      const b = body as Rollup;
      return new Map(
        b.indicators.flatMap((i) =>
          i.years.map(
            (y) =>
              [
                `${i.code}|${y.year}`,
                {
                  value: y.value,
                  numerator: y.numerator,
                  denominator: y.denominator,
                  target: y.target,
                  achievementPct: y.achievementPct,
                },
              ] as const,
          ),
        ),
      );
    },
    tolerance: { value: 0.011, achievementPct: 0.11, numerator: 1e-6, denominator: 1e-6, target: 1e-6 },
  };
}

/** Differences between two answers, described for a person (empty when they agree). */
export function compareAnswers(q: Pick<Question, 'tolerance'>, expected: Answer, actual: Answer): string[] {
  const out: string[] = [];
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) {
      out.push(`${key}: missing from the endpoint's answer`);
      continue;
    }
    for (const [field, w] of Object.entries(want)) {
      const g = got[field] ?? null;
      const tol = q.tolerance[field] ?? 0;
      const same = w === null || g === null ? w === g : Math.abs(w - g) <= tol + 1e-9;
      if (!same) out.push(`${key}.${field}: SQL ${w}, endpoint ${g}`);
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) out.push(`${key}: in the endpoint's answer, not in the SQL's`);
  return out;
}
