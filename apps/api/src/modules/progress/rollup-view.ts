import { authorizeProvince } from '../../platform/authorize';
import type { SQL } from 'drizzle-orm';
import type { ProgressScope, Rollup, RollupQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { catalogueSql, communeSumsSql, figureOf, figuresSql, indicatorRef, nameSql, provinceSumsSql, scopeName, targetsSql, type FigureRow } from './figures';
import { provinceFigures } from './province-figures';
import { authorizeCommune } from './scope';

/**
 * The one statement behind the province roll-up: every national indicator × every year in the range,
 * with Σ of the communes' roll-up rows and the province target.
 */
export function provinceRollupSql(provinceId: string, q: RollupQuery): SQL {
  return figuresSql({
    catalogue: catalogueSql(null),
    sums: provinceSumsSql(provinceId, q.fromYear, q.toYear, q.period),
    targets: targetsSql({ provinceId }, q.fromYear, q.toYear),
    fromYear: q.fromYear,
    toYear: q.toYear,
    label: nameSql({ provinceId }),
  });
}

/** The commune's statement: its national and own indicators × years, from its roll-up rows and commune targets. */
function communeRollupSql(communeId: string, q: RollupQuery): SQL {
  return figuresSql({
    catalogue: catalogueSql(communeId),
    sums: communeSumsSql(communeId, q.fromYear, q.toYear, q.period),
    targets: targetsSql({ communeId }, q.fromYear, q.toYear),
    fromYear: q.fromYear,
    toYear: q.toYear,
    label: nameSql({ communeId }),
  });
}

/** Folds indicator × year rows (ordered by indicator then year) into one entry per indicator. */
export function foldRollup(rows: readonly FigureRow[], scope: ProgressScope, q: RollupQuery): Rollup {
  const indicators: Rollup['indicators'] = [];
  for (const r of rows) {
    let last = indicators[indicators.length - 1];
    if (!last || last.code !== r.code) indicators.push((last = { ...indicatorRef(r), years: [] }));
    const f = figureOf(r, r, r.target, 1);
    last.years.push({ year: r.year, value: f.value, numerator: f.numerator, denominator: f.denominator, target: f.target, achievementPct: f.achievementPct });
  }
  return { scope, fromYear: q.fromYear, toYear: q.toYear, period: q.period, indicators };
}

/** Use-case: every indicator of a commune over a range of years (at most 10). */
export async function communeRollup(opts: { db: Db; actor: Actor; communeId: string; query: RollupQuery }): Promise<Rollup> {
  const { db, actor, communeId, query } = opts;
  authorizeCommune(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const rows = rowsOf<FigureRow>(await tx.execute(communeRollupSql(communeId, query)));
    return foldRollup(rows, { level: 'commune', id: communeId, name: scopeName(rows) }, query);
  });
}

/** Use-case: every national indicator of a province (Σ of its communes) over a range of years. */
export async function provinceRollup(opts: { db: Db; actor: Actor; provinceId: string; query: RollupQuery }): Promise<Rollup> {
  const { db, actor, provinceId, query } = opts;
  authorizeProvince(actor, 'report.read', provinceId);
  return provinceFigures(db, actor, ['rollup', provinceId, query.fromYear, query.toYear, query.period], () =>
    inScope(db, actor.scope, async (tx) => {
      const rows = rowsOf<FigureRow>(await tx.execute(provinceRollupSql(provinceId, query)));
      return foldRollup(rows, { level: 'province', id: provinceId, name: scopeName(rows) }, query);
    }),
  );
}
