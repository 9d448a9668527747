import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { InspectionEvidence } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { inspection, inspectionUnit } from './inspections.table';

const shape = (r: typeof inspection.$inferSelect, unitIds: string[]): InspectionEvidence => ({
  id: r.id,
  unitIds,
  title: r.title,
  visitDate: r.visitDate,
  status: r.status,
  rating: r.rating,
  conclusion: r.conclusion,
});

async function unitIdsOf(tx: Tx, communeId: string, id: string): Promise<string[]> {
  const rows = await tx
    .select({ unitId: inspectionUnit.unitId })
    .from(inspectionUnit)
    .where(and(eq(inspectionUnit.communeId, communeId), eq(inspectionUnit.inspectionId, id)))
    .orderBy(asc(inspectionUnit.unitId));
  return rows.map((r) => r.unitId);
}

/**
 * An inspection as evidence in a unit's score (the scoring module cites it): its units, title,
 * visit day, status, rating and conclusion; null when the commune has no such inspection. Runs in the
 * caller's transaction and scope.
 */
export async function inspectionEvidence(tx: Tx, communeId: string, inspectionId: string): Promise<InspectionEvidence | null> {
  const [r] = await tx
    .select()
    .from(inspection)
    .where(and(eq(inspection.communeId, communeId), eq(inspection.id, inspectionId)));
  return r ? shape(r, await unitIdsOf(tx, communeId, r.id)) : null;
}

/** The statuses of a visit that took place: only those can be cited (not one still planned, nor one cancelled). */
export const HELD_INSPECTION_STATUSES = ['in_progress', 'concluded', 'closed'] as const;

/** The visits a unit had in a year (by visit day, held ones only), the latest first, in the same shape. */
export async function inspectionsOfUnit(tx: Tx, communeId: string, unitId: string, year: number): Promise<InspectionEvidence[]> {
  const rows = await tx
    .select()
    .from(inspection)
    .where(
      and(
        eq(inspection.communeId, communeId),
        eq(inspection.year, year),
        inArray(inspection.status, [...HELD_INSPECTION_STATUSES]),
        sql`exists (select 1 from ${inspectionUnit} iu where iu.commune_id = ${inspection.communeId} and iu.inspection_id = ${inspection.id} and iu.unit_id = ${unitId})`,
      ),
    )
    .orderBy(desc(inspection.visitDate), desc(inspection.id));
  const out: InspectionEvidence[] = [];
  for (const r of rows) out.push(shape(r, await unitIdsOf(tx, communeId, r.id)));
  return out;
}
