import type { Tx } from '../../db/client';
import { recordSourceValues, withdrawSourceValues } from '../indicators';
import { isFilled } from './report-values';
import type { ReportRow } from './reporting.table';

/** The source key of the figures a report contributes. */
export const reportSourceKey = (reportId: string) => `report:${reportId}`;

/**
 * An accepted report's figures become official: one indicator value per filled figure (value, or
 * numerator and denominator), and the commune roll-up recomputed, in the caller's transaction.
 */
export async function recordReportValues(tx: Tx, row: ReportRow, now: Date): Promise<void> {
  await recordSourceValues(tx, {
    now,
    communeId: row.communeId,
    unitId: row.unitId,
    year: row.year,
    period: row.period,
    sourceKey: reportSourceKey(row.id),
    reportId: row.id,
    values: row.values.filter(isFilled).map((v) => ({ code: v.code, value: v.value, numerator: v.numerator, denominator: v.denominator })),
  });
}

/** A reopened report's figures stop counting: removed, and the roll-up recomputed. */
export async function withdrawReportValues(tx: Tx, row: ReportRow): Promise<void> {
  await withdrawSourceValues(tx, row.communeId, reportSourceKey(row.id));
}
