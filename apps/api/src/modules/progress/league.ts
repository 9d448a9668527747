import { authorizeProvince } from '../../platform/authorize';
import { sql, type SQL } from 'drizzle-orm';
import type { League, LeagueQuery, LeagueRow, ProgressScope } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { achievement } from '../indicators';
import { figureOf, indicatorRef, catalogueSql, type FigureRow } from './figures';
import { provinceFigures } from './province-figures';
import { authorizeCommune, communeInfo, provinceName } from './scope';

/** One entrant of a league statement: the indicator's columns, the entrant and its sums and target. */
export interface LeagueSqlRow extends Omit<FigureRow, 'year'> {
  id: string;
  entrant_code: string;
  entrant_name: string;
  entrant_kind: string;
}

const INDICATOR_COLUMNS = sql`ind.code, ind.name, ind.pillar, ind.measure, ind.direction, ind.aggregation`;
/** The commune's own target row (unit_id null), written to match the target_node_uq index expression. */
const NO_UNIT = sql.raw(`'00000000-0000-0000-0000-000000000000'::uuid`);
const COMMUNE_TARGET = sql`coalesce(t.unit_id, ${NO_UNIT}) = ${NO_UNIT}`;
/** Entrants active for part of the year (alias `e`, columns active_from / active_to). */
const activeIn = (year: number) => sql`(e.active_from is null or e.active_from <= make_date(${year}::int, 12, 31))
  and (e.active_to is null or e.active_to >= make_date(${year}::int, 1, 1))`;

/**
 * The one statement behind the province league: every commune of the province with its roll-up row
 * of one indicator, year and period (indicator_rollup primary key) and its commune target. No row when
 * the indicator is not in the national catalogue.
 */
export function provinceLeagueSql(provinceId: string, q: LeagueQuery): SQL {
  return sql`
    select ${INDICATOR_COLUMNS}, e.id, e.code as entrant_code, e.name as entrant_name, e.kind as entrant_kind,
      r.sum_value::float8 as sv, r.sum_numerator::float8 as sn, r.sum_denominator::float8 as sd, r.n, t.value::float8 as target,
      p.name as province_name
    from indicator ind
    cross join commune e
    join province p on p.id = e.province_id
    left join indicator_rollup r on r.commune_id = e.id and r.indicator_code = ind.code and r.year = ${q.year} and r.period = ${q.period}
    left join target t on t.commune_id = e.id and ${COMMUNE_TARGET} and t.indicator_code = ind.code and t.year = ${q.year}
    where ind.code = ${q.indicatorCode} and e.province_id = ${provinceId} and (r.commune_id is not null or ${activeIn(q.year)})`;
}

/**
 * Every unit of a commune active in the year with the figure of its subtree (a village with its digital
 * team) from the accepted unit values, and the unit's target; one statement.
 */
function communeLeagueSql(communeId: string, q: LeagueQuery): SQL {
  return sql`
    with ind as (select * from (${catalogueSql(communeId)}) c where c.code = ${q.indicatorCode} limit 1),
    v as (
      select distinct on (iv.unit_id) u.path, iv.value, iv.numerator, iv.denominator
      from indicator_value iv join unit u on u.commune_id = iv.commune_id and u.id = iv.unit_id
      where iv.commune_id = ${communeId} and iv.indicator_code = ${q.indicatorCode} and iv.year = ${q.year} and iv.period = ${q.period}
      order by iv.unit_id, iv.updated_at desc
    )
    select ${INDICATOR_COLUMNS}, e.id, e.code as entrant_code, e.name as entrant_name, e.kind as entrant_kind,
      coalesce(sum(v.value), 0)::float8 as sv, coalesce(sum(v.numerator), 0)::float8 as sn, coalesce(sum(v.denominator), 0)::float8 as sd,
      count(v.path)::int as n, max(t.value)::float8 as target
    from ind
    cross join unit e
    left join v on v.path like e.path || '%'
    left join target t on t.commune_id = e.commune_id and t.unit_id = e.id and t.indicator_code = ind.code and t.year = ${q.year}
    where e.commune_id = ${communeId} and ${activeIn(q.year)}
    group by ${INDICATOR_COLUMNS}, e.id, e.code, e.name, e.kind, e.sort_key
    order by e.sort_key collate "C", e.code`;
}

const collator = new Intl.Collator('vi');

/**
 * Ranks entrants by their figure, best first (highest, or lowest when lower is better); equal figures
 * share a rank (1, 1, 3); entrants without a figure come last, unranked, by name.
 */
export function rankRows(rows: LeagueRow[], direction: string): LeagueRow[] {
  const sign = direction === 'lower' ? 1 : -1;
  const withValue = rows.filter((r) => r.value !== null).sort((a, b) => sign * (a.value! - b.value!) || collator.compare(a.name, b.name));
  const without = rows.filter((r) => r.value === null).sort((a, b) => collator.compare(a.name, b.name));
  withValue.forEach((r, i) => {
    const prev = withValue[i - 1];
    r.rank = prev && prev.value === r.value ? prev.rank : i + 1;
  });
  return [...withValue, ...without];
}

/** The league of a statement's rows, or NOT_FOUND naming the indicator when there are none and it does not exist. */
async function leagueOf(tx: Tx, rows: LeagueSqlRow[], scope: ProgressScope, q: LeagueQuery, catalogue: SQL): Promise<League> {
  let first: Pick<FigureRow, 'code' | 'name' | 'pillar' | 'measure' | 'direction' | 'aggregation'> | undefined = rows[0];
  if (!first) {
    first = rowsOf<FigureRow>(await tx.execute(sql`select * from (${catalogue}) c where c.code = ${q.indicatorCode} limit 1`))[0];
    if (!first)
      throw new AppError('NOT_FOUND', `Không tìm thấy chỉ tiêu "${q.indicatorCode}".`, [{ field: 'indicatorCode', message: 'Không có chỉ tiêu này.' }]);
  }
  const indicator = indicatorRef(first);
  const entrants = rows.map((r): LeagueRow => {
    const f = figureOf(r, r, r.target, 1);
    return {
      id: r.id,
      code: r.entrant_code,
      name: r.entrant_name,
      kind: r.entrant_kind,
      rank: null,
      value: f.value,
      numerator: f.numerator,
      denominator: f.denominator,
      target: f.target,
      achievementPct: achievement(r, f.value, f.target),
    };
  });
  return { scope, indicator, year: q.year, period: q.period, rows: rankRows(entrants, indicator.direction) };
}

/** Use-case: the units of a commune ranked on one indicator. */
export async function communeLeague(opts: { db: Db; actor: Actor; communeId: string; query: LeagueQuery }): Promise<League> {
  const { db, actor, communeId, query } = opts;
  authorizeCommune(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const rows = rowsOf<LeagueSqlRow>(await tx.execute(communeLeagueSql(communeId, query)));
    const scope: ProgressScope = { level: 'commune', id: communeId, name: (await communeInfo(tx, communeId)).name };
    return leagueOf(tx, rows, scope, query, catalogueSql(communeId));
  });
}

/** Use-case: the communes of a province ranked on one national indicator. */
export async function provinceLeague(opts: { db: Db; actor: Actor; provinceId: string; query: LeagueQuery }): Promise<League> {
  const { db, actor, provinceId, query } = opts;
  authorizeProvince(actor, 'report.read', provinceId);
  return provinceFigures(db, actor, ['league', provinceId, query.indicatorCode, query.year, query.period], () =>
    inScope(db, actor.scope, async (tx) => {
      const rows = rowsOf<LeagueSqlRow & { province_name: string }>(await tx.execute(provinceLeagueSql(provinceId, query)));
      const name = rows[0]?.province_name ?? (await provinceName(tx, provinceId));
      return leagueOf(tx, rows, { level: 'province', id: provinceId, name }, query, catalogueSql(null));
    }),
  );
}
