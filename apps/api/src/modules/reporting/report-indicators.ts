import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { indicatorValue } from '../indicators/indicators.table';
import { refreshRollup, type RollupKey } from '../indicators/rollup';
import { isFilled } from './report-values';
import type { ReportRow } from './reporting.table';

/** The source key of the figures a report contributes. */
export const reportSourceKey = (reportId: string) => `report:${reportId}`;

/** Remove a report's figures from indicator_value; returns the roll-up keys they touched. */
async function removeValues(tx: Tx, row: ReportRow): Promise<RollupKey[]> {
  return tx.delete(indicatorValue)
    .where(and(eq(indicatorValue.communeId, row.communeId), eq(indicatorValue.sourceKey, reportSourceKey(row.id))))
    .returning({ indicatorCode: indicatorValue.indicatorCode, year: indicatorValue.year, period: indicatorValue.period });
}

/**
 * An accepted report's figures become official: one indicator_value per filled figure (value, or
 * numerator and denominator), and the commune roll-up recomputed, in the caller's transaction.
 */
export async function recordReportValues(tx: Tx, row: ReportRow): Promise<void> {
  const keys = await removeValues(tx, row);
  const filled = row.values.filter(isFilled);
  if (filled.length) {
    await tx.insert(indicatorValue).values(filled.map((v) => ({
      communeId: row.communeId, unitId: row.unitId, indicatorCode: v.code, year: row.year, period: row.period, sourceKey: reportSourceKey(row.id),
      value: v.value, numerator: v.numerator, denominator: v.denominator, reportId: row.id, updatedAt: new Date(),
    })));
  }
  await refreshRollup(tx, row.communeId, [...keys, ...filled.map((v) => ({ indicatorCode: v.code, year: row.year, period: row.period }))]);
}

/** A reopened report's figures stop counting: removed, and the roll-up recomputed. */
export async function withdrawReportValues(tx: Tx, row: ReportRow): Promise<void> {
  await refreshRollup(tx, row.communeId, await removeValues(tx, row));
}
