import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { InspectionListQuery, InspectionPage } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inInspections, type UseCase } from './inspection-context';
import { mapSummary } from './inspections.mapper';
import { mayManage } from './inspections.policy';
import { countsOf, unitsOf } from './inspections.store';
import { inspection, inspectionUnit } from './inspections.table';

/** The filters of the list and its export: year, unit, status, words of the title (diacritics aside). */
export function inspectionFilter(communeId: string, q: Omit<InspectionListQuery, 'page' | 'pageSize'>): SQL | undefined {
  return and(
    eq(inspection.communeId, communeId),
    q.year ? eq(inspection.year, q.year) : undefined,
    q.status ? eq(inspection.status, q.status) : undefined,
    q.unitId
      ? sql`exists (select 1 from ${inspectionUnit} iu where iu.commune_id = ${inspection.communeId} and iu.inspection_id = ${inspection.id} and iu.unit_id = ${q.unitId})`
      : undefined,
    matchSearch(inspection.searchKey, q.q),
  );
}

/** Summaries of the rows, with their units and counts. */
export async function summariesOf(tx: Tx, communeId: string, rows: (typeof inspection.$inferSelect)[]) {
  const ids = rows.map((r) => r.id);
  const [units, counts] = [await unitsOf(tx, communeId, ids), await countsOf(tx, communeId, ids)];
  return rows.map((r) => mapSummary(r, units.get(r.id) ?? [], counts.get(r.id)));
}

/** A page of the commune's inspections, the latest visit first. */
export async function listInspections(opts: UseCase & { query: InspectionListQuery }): Promise<InspectionPage> {
  const { communeId, query } = opts;
  return inInspections({ ...opts, permission: 'inspection.read' }, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const where = inspectionFilter(communeId, query);
    const rows = await tx
      .select()
      .from(inspection)
      .where(where)
      .orderBy(desc(inspection.visitDate), desc(inspection.createdAt), desc(inspection.id))
      .limit(limit)
      .offset(offset);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(inspection)
      .where(where);
    return {
      items: await summariesOf(tx, communeId, rows),
      total: Number(n),
      page: query.page,
      pageSize: query.pageSize,
      can: { create: mayManage(opts.actor, communeId) },
    };
  });
}
