import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { plan } from '../plans';
import { fileMeta } from '../files';
import {
  inspection,
  inspectionFile,
  inspectionFinding,
  inspectionMember,
  inspectionRecommendation,
  inspectionUnit,
  type FindingRow,
  type InspectionRow,
  type RecommendationRow,
} from './inspections.table';

/** Everything one inspection's page, export and minutes show. */
export interface InspectionBundle {
  row: InspectionRow;
  units: { id: string; name: string; path: string }[];
  members: { userId: string; fullName: string }[];
  findings: FindingRow[];
  recommendations: RecommendationRow[];
  files: Map<string, { id: string; name: string; mime: string; size: number }>;
  planTitle: string | null;
}

/** One inspection of the commune (locked for update when asked), or 404. */
export async function loadInspection(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}): Promise<InspectionRow> {
  const q = tx
    .select()
    .from(inspection)
    .where(and(eq(inspection.communeId, communeId), eq(inspection.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt kiểm tra.');
  return row;
}

/** The units of inspections, in name order, by inspection. */
export async function unitsOf(tx: Tx, communeId: string, ids: readonly string[]): Promise<Map<string, { id: string; name: string; path: string }[]>> {
  const out = new Map<string, { id: string; name: string; path: string }[]>();
  if (!ids.length) return out;
  const rows = await tx
    .select({ inspectionId: inspectionUnit.inspectionId, id: unit.id, name: unit.name, path: unit.path })
    .from(inspectionUnit)
    .innerJoin(unit, and(eq(unit.communeId, inspectionUnit.communeId), eq(unit.id, inspectionUnit.unitId)))
    .where(and(eq(inspectionUnit.communeId, communeId), inArray(inspectionUnit.inspectionId, [...ids])))
    .orderBy(asc(unit.sortKey), asc(unit.id));
  for (const r of rows) out.set(r.inspectionId, [...(out.get(r.inspectionId) ?? []), { id: r.id, name: r.name, path: r.path }]);
  return out;
}

/** The members of one inspection, in name order. */
export async function membersOf(tx: Tx, communeId: string, id: string): Promise<{ userId: string; fullName: string }[]> {
  return tx
    .select({ userId: inspectionMember.userId, fullName: inspectionMember.fullName })
    .from(inspectionMember)
    .where(and(eq(inspectionMember.communeId, communeId), eq(inspectionMember.inspectionId, id)))
    .orderBy(asc(inspectionMember.fullName));
}

/** Counts per inspection: findings, recommendations, those not yet closed. */
export async function countsOf(tx: Tx, communeId: string, ids: readonly string[]) {
  const out = new Map<string, { findings: number; recommendations: number; open: number }>();
  if (!ids.length) return out;
  const f = await tx
    .select({ id: inspectionFinding.inspectionId, n: sql<number>`count(*)::int` })
    .from(inspectionFinding)
    .where(and(eq(inspectionFinding.communeId, communeId), inArray(inspectionFinding.inspectionId, [...ids])))
    .groupBy(inspectionFinding.inspectionId);
  const r = await tx
    .select({
      id: inspectionRecommendation.inspectionId,
      n: sql<number>`count(*)::int`,
      open: sql<number>`(count(*) filter (where ${inspectionRecommendation.status} <> 'closed'))::int`,
    })
    .from(inspectionRecommendation)
    .where(and(eq(inspectionRecommendation.communeId, communeId), inArray(inspectionRecommendation.inspectionId, [...ids])))
    .groupBy(inspectionRecommendation.inspectionId);
  for (const id of ids) out.set(id, { findings: 0, recommendations: 0, open: 0 });
  for (const x of f) out.get(x.id)!.findings = Number(x.n);
  for (const x of r) Object.assign(out.get(x.id)!, { recommendations: Number(x.n), open: Number(x.open) });
  return out;
}

/** One inspection with its units, members, findings, recommendations, files and plan. */
export async function loadBundle(tx: Tx, communeId: string, id: string, row?: InspectionRow): Promise<InspectionBundle> {
  const r = row ?? (await loadInspection(tx, communeId, id));
  // One query after another: a transaction's connection runs one at a time.
  const units = await unitsOf(tx, communeId, [id]);
  const members = await membersOf(tx, communeId, id);
  const findings = await tx
    .select()
    .from(inspectionFinding)
    .where(and(eq(inspectionFinding.communeId, communeId), eq(inspectionFinding.inspectionId, id)))
    .orderBy(asc(inspectionFinding.createdAt), asc(inspectionFinding.id));
  const recommendations = await tx
    .select()
    .from(inspectionRecommendation)
    .where(and(eq(inspectionRecommendation.communeId, communeId), eq(inspectionRecommendation.inspectionId, id)))
    .orderBy(asc(inspectionRecommendation.createdAt), asc(inspectionRecommendation.ord));
  const files = await filesOf(tx, communeId, id);
  const planRow = r.planId
    ? await tx
        .select({ title: plan.title })
        .from(plan)
        .where(and(eq(plan.communeId, communeId), eq(plan.id, r.planId)))
    : [];
  return { row: r, units: units.get(id) ?? [], members, findings, recommendations, files, planTitle: planRow[0]?.title ?? null };
}

/** The evidence files uploaded for an inspection (name, type, size). */
export async function filesOf(tx: Tx, communeId: string, id: string) {
  const ids = await tx
    .select({ id: inspectionFile.fileId })
    .from(inspectionFile)
    .where(and(eq(inspectionFile.communeId, communeId), eq(inspectionFile.inspectionId, id)));
  const out = new Map<string, { id: string; name: string; mime: string; size: number }>();
  for (const { id: fileId } of ids) {
    const f = await fileMeta(tx, communeId, fileId);
    if (f) out.set(f.id, { id: f.id, name: f.name, mime: f.mime, size: f.size });
  }
  return out;
}

/** One recommendation of an inspection (locked for update when asked) with its unit's path, or 404. */
export async function loadRecommendation(tx: Tx, communeId: string, inspectionId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = tx
    .select({ r: inspectionRecommendation, unitPath: unit.path, unitName: unit.name })
    .from(inspectionRecommendation)
    .innerJoin(unit, and(eq(unit.communeId, inspectionRecommendation.communeId), eq(unit.id, inspectionRecommendation.unitId)))
    .where(
      and(eq(inspectionRecommendation.communeId, communeId), eq(inspectionRecommendation.inspectionId, inspectionId), eq(inspectionRecommendation.id, id)),
    );
  const [row] = opts.lock ? await q.for('update', { of: inspectionRecommendation }) : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kiến nghị.');
  return row;
}

/** Is the file one uploaded for this inspection? */
export async function isInspectionFile(tx: Tx, communeId: string, inspectionId: string, fileId: string): Promise<boolean> {
  const [f] = await tx
    .select({ id: inspectionFile.fileId })
    .from(inspectionFile)
    .where(and(eq(inspectionFile.communeId, communeId), eq(inspectionFile.inspectionId, inspectionId), eq(inspectionFile.fileId, fileId)));
  return !!f;
}
