import { and, asc, eq } from 'drizzle-orm';
import type { UnitKind } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { communeIndicator, indicator, indicatorUnitKinds, type IndicatorRow } from './indicators.table';

/**
 * An indicator as every module sees it: national (communeId null) or a commune's own, with the unit
 * kinds that report it in this commune (the commune's choice, else the national default; null: every kind).
 */
export type IndicatorDef = Omit<IndicatorRow, 'unitKinds'> & { communeId: string | null; unitKinds: UnitKind[] | null; unitKindsChosen: boolean };

/** A national catalogue row as a definition, with its default unit kinds (no commune's choice). */
export const nationalDef = (r: IndicatorRow): IndicatorDef => ({ ...r, communeId: null, unitKinds: r.unitKinds as UnitKind[] | null, unitKindsChosen: false });

/** Whether units of `kind` report this indicator. */
export const reportedBy = (d: Pick<IndicatorDef, 'unitKinds'>, kind: string) => d.unitKinds === null || d.unitKinds.includes(kind as UnitKind);

/** The national catalogue plus the commune's own indicators, in display order (pillar, sort order, code). */
export async function loadIndicators(tx: Tx, communeId: string, opts: { activeOnly?: boolean } = {}): Promise<IndicatorDef[]> {
  // One query at a time: a transaction's connection runs its statements in turn.
  const national = await tx
    .select()
    .from(indicator)
    .where(opts.activeOnly ? eq(indicator.active, true) : undefined)
    .orderBy(asc(indicator.sortOrder), asc(indicator.code));
  const own = await tx
    .select()
    .from(communeIndicator)
    .where(and(eq(communeIndicator.communeId, communeId), opts.activeOnly ? eq(communeIndicator.active, true) : undefined))
    .orderBy(asc(communeIndicator.sortOrder), asc(communeIndicator.code));
  const chosen = new Map(
    (
      await tx
        .select({ code: indicatorUnitKinds.indicatorCode, kinds: indicatorUnitKinds.unitKinds })
        .from(indicatorUnitKinds)
        .where(eq(indicatorUnitKinds.communeId, communeId))
    ).map((r) => [r.code, r.kinds as UnitKind[]]),
  );
  const kindsOf = (code: string, fallback: string[] | null) => ({
    unitKinds: chosen.get(code) ?? (fallback as UnitKind[] | null),
    unitKindsChosen: chosen.has(code),
  });
  const strip = ({ createdAt: _c, updatedAt: _u, communeId: cid, ...rest }: typeof communeIndicator.$inferSelect): IndicatorDef => ({
    ...rest,
    communeId: cid,
    ...kindsOf(rest.code, null),
  });
  return [...national.map((n) => ({ ...n, communeId: null, ...kindsOf(n.code, n.unitKinds) })), ...own.map(strip)];
}

/** The indicators of a commune by code. */
export async function indicatorMap(tx: Tx, communeId: string): Promise<Map<string, IndicatorDef>> {
  return new Map((await loadIndicators(tx, communeId)).map((d) => [d.code, d]));
}
