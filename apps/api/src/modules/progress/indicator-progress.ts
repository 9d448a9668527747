import { clockNow } from '@tds/contracts';
import { authorizeProvince } from '../../platform/authorize';
import type { IndicatorProgress, ProgressScope } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { elapsedShare } from '../indicators';
import {
  byPillar,
  catalogueSql,
  communeSumsSql,
  figureOf,
  figuresSql,
  indicatorRef,
  nameSql,
  provinceSumsSql,
  scopeName,
  subtreeSumsSql,
  targetsSql,
  type FigureRow,
} from './figures';
import { authorizeCommune, nodeUnit } from './scope';

/** Progress of every indicator of a node in one year and period, grouped by pillar. */
export function indicatorProgressOf(rows: FigureRow[], scope: ProgressScope, year: number, period: number, now = clockNow()): IndicatorProgress {
  const elapsed = elapsedShare(year, period, now);
  const indicators = rows.map((r) => ({ ...indicatorRef(r), ...figureOf(r, r, r.target, elapsed) }));
  return { scope, year, period, elapsedShare: Math.round(elapsed * 1000) / 1000, pillars: byPillar(indicators) };
}

/** The figure rows of a commune, or of a unit's subtree when `unitId` is given, in one year. */
export async function communeFigureRows(tx: Tx, communeId: string, year: number, period: number, unit?: { id: string; path: string }): Promise<FigureRow[]> {
  const sums = unit ? subtreeSumsSql(communeId, unit.path, year, year, period) : communeSumsSql(communeId, year, year, period);
  const targets = targetsSql({ communeId, unitId: unit?.id ?? null }, year, year);
  return rowsOf<FigureRow>(
    await tx.execute(figuresSql({ catalogue: catalogueSql(communeId), sums, targets, fromYear: year, toYear: year, label: nameSql({ communeId }) })),
  );
}

/** The figure rows of a province (national indicators, Σ of its communes) in one year. */
export async function provinceFigureRows(tx: Tx, provinceId: string, year: number, period: number): Promise<FigureRow[]> {
  return rowsOf<FigureRow>(
    await tx.execute(
      figuresSql({
        catalogue: catalogueSql(null),
        sums: provinceSumsSql(provinceId, year, year, period),
        targets: targetsSql({ provinceId }, year, year),
        fromYear: year,
        toYear: year,
        label: nameSql({ provinceId }),
      }),
    ),
  );
}

/** Use-case: indicator progress of a commune, or of one node of its tree (the unit's subtree), against targets. */
export async function communeIndicatorProgress(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  query: { year: number; period: number; unitId?: string };
}): Promise<IndicatorProgress> {
  const { db, actor, communeId, query } = opts;
  authorizeCommune(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const unit = query.unitId ? await nodeUnit(tx, communeId, query.unitId) : null;
    const rows = await communeFigureRows(tx, communeId, query.year, query.period, unit ?? undefined);
    const scope: ProgressScope = unit ? { level: 'unit', id: unit.id, name: unit.name } : { level: 'commune', id: communeId, name: scopeName(rows) };
    return indicatorProgressOf(rows, scope, query.year, query.period);
  });
}

/** Use-case: indicator progress of a province (Σ of its communes) against the province targets. */
export async function provinceIndicatorProgress(opts: {
  db: Db;
  actor: Actor;
  provinceId: string;
  query: { year: number; period: number };
}): Promise<IndicatorProgress> {
  const { db, actor, provinceId, query } = opts;
  authorizeProvince(actor, 'report.read', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await provinceFigureRows(tx, provinceId, query.year, query.period);
    return indicatorProgressOf(rows, { level: 'province', id: provinceId, name: scopeName(rows) }, query.year, query.period);
  });
}
