import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { communeIndicator, indicator, type IndicatorRow } from './indicators.table';

/** An indicator as every module sees it: national (communeId null) or a commune's own. */
export type IndicatorDef = IndicatorRow & { communeId: string | null };

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
  const strip = ({ createdAt: _c, updatedAt: _u, communeId: cid, ...rest }: typeof communeIndicator.$inferSelect): IndicatorDef => ({
    ...rest,
    communeId: cid,
  });
  return [...national.map((n) => ({ ...n, communeId: null })), ...own.map(strip)];
}

/** The indicators of a commune by code. */
export async function indicatorMap(tx: Tx, communeId: string): Promise<Map<string, IndicatorDef>> {
  return new Map((await loadIndicators(tx, communeId)).map((d) => [d.code, d]));
}
