import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { indicatorValue } from './indicators.table';
import { refreshRollup, type RollupKey } from './rollup';

/** One official figure of a unit: a value, or for ratio indicators its two parts. */
export interface SourceValue {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Remove a source's figures; returns the roll-up keys they touched. */
async function removeValues(tx: Tx, communeId: string, sourceKey: string): Promise<RollupKey[]> {
  return tx
    .delete(indicatorValue)
    .where(and(eq(indicatorValue.communeId, communeId), eq(indicatorValue.sourceKey, sourceKey)))
    .returning({ indicatorCode: indicatorValue.indicatorCode, year: indicatorValue.year, period: indicatorValue.period });
}

/**
 * A source's figures (an accepted report, say) become the unit's official indicator values for the
 * period, replacing what the source said before, and the commune roll-up is recomputed, all in the
 * caller's transaction.
 */
export async function recordSourceValues(
  tx: Tx,
  s: {
    communeId: string;
    unitId: string;
    year: number;
    period: number;
    sourceKey: string;
    reportId?: string | null;
    values: readonly SourceValue[];
    /** When the figures became official (their updated_at). */
    now: Date;
  },
): Promise<void> {
  const keys = await removeValues(tx, s.communeId, s.sourceKey);
  if (s.values.length) {
    await tx.insert(indicatorValue).values(
      s.values.map((v) => ({
        communeId: s.communeId,
        unitId: s.unitId,
        indicatorCode: v.code,
        year: s.year,
        period: s.period,
        sourceKey: s.sourceKey,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        reportId: s.reportId ?? null,
        updatedAt: s.now,
      })),
    );
  }
  await refreshRollup(tx, s.communeId, [...keys, ...s.values.map((v) => ({ indicatorCode: v.code, year: s.year, period: s.period }))]);
}

/** A source's figures stop counting (a reopened report): removed, and the roll-up recomputed. */
export async function withdrawSourceValues(tx: Tx, communeId: string, sourceKey: string): Promise<void> {
  await refreshRollup(tx, communeId, await removeValues(tx, communeId, sourceKey));
}
