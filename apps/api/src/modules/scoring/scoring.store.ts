import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { EvidenceInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { indicatorValue } from '../indicators';
import { unit } from '../org';
import { person } from '../people';
import { appUser, roleAssignment } from '../users';
import {
  assessment,
  councilScore,
  rubric,
  rubricCriterion,
  scoringEvidenceFile,
  type AssessmentRow,
  type CouncilScoreRow,
  type CriterionRow,
  type RubricRow,
} from './scoring.table';

/** A rubric of the commune (404 when there is none), locked for update when asked. */
export async function loadRubric(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}): Promise<RubricRow> {
  const q = tx
    .select()
    .from(rubric)
    .where(and(eq(rubric.communeId, communeId), eq(rubric.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy bảng tiêu chí chấm điểm.');
  return row;
}

export async function loadCriteria(tx: Tx, communeId: string, rubricId: string): Promise<CriterionRow[]> {
  return tx
    .select()
    .from(rubricCriterion)
    .where(and(eq(rubricCriterion.communeId, communeId), eq(rubricCriterion.rubricId, rubricId)))
    .orderBy(asc(rubricCriterion.ord));
}

export interface UnitInfo {
  id: string;
  name: string;
  kind: string;
  path: string;
  sortKey: string;
}

/** The commune's units of these ids, in the tree's order. */
export async function unitsByIds(tx: Tx, communeId: string, ids: readonly string[]): Promise<UnitInfo[]> {
  if (!ids.length) return [];
  return tx
    .select({ id: unit.id, name: unit.name, kind: unit.kind, path: unit.path, sortKey: unit.sortKey })
    .from(unit)
    .where(and(eq(unit.communeId, communeId), inArray(unit.id, [...ids])))
    .orderBy(asc(unit.sortKey));
}

export interface CouncilMember {
  userId: string;
  name: string;
  /** The unit of the person the user is (a conflict of interest with it and its subtree). */
  unitPath: string | null;
}

/** The commune's council: its enabled users holding a role that scores (council members, the chairman). */
export async function councilMembers(tx: Tx, communeId: string): Promise<CouncilMember[]> {
  const rows = await tx
    .selectDistinct({ userId: appUser.id, name: appUser.fullName, unitPath: unit.path })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .leftJoin(person, and(eq(person.communeId, appUser.communeId), eq(person.id, appUser.personId)))
    .leftJoin(unit, and(eq(unit.communeId, person.communeId), eq(unit.id, person.unitId)))
    .where(and(eq(roleAssignment.communeId, communeId), inArray(roleAssignment.role, ['council_member', 'chairman']), eq(appUser.disabled, false)))
    .orderBy(asc(appUser.fullName));
  return rows;
}

/** Is the unit the member's own (the member's person belongs to it or to a unit below it)? */
export const ownUnitOf = (m: Pick<CouncilMember, 'unitPath'> | undefined, u: Pick<UnitInfo, 'id' | 'path'>) =>
  !!m?.unitPath && (m.unitPath.includes(`/${u.id}/`) || u.path.startsWith(m.unitPath));

export async function loadAssessment(
  tx: Tx,
  communeId: string,
  rubricId: string,
  unitId: string,
  opts: { lock?: boolean } = {},
): Promise<AssessmentRow | null> {
  const q = tx
    .select()
    .from(assessment)
    .where(and(eq(assessment.communeId, communeId), eq(assessment.rubricId, rubricId), eq(assessment.unitId, unitId)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function loadCouncilScore(
  tx: Tx,
  communeId: string,
  rubricId: string,
  unitId: string,
  memberId: string,
  opts: { lock?: boolean } = {},
): Promise<CouncilScoreRow | null> {
  const q = tx
    .select()
    .from(councilScore)
    .where(
      and(eq(councilScore.communeId, communeId), eq(councilScore.rubricId, rubricId), eq(councilScore.unitId, unitId), eq(councilScore.memberId, memberId)),
    );
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** The indicator figures of units for a year, from accepted reports (and computed providers): unit -> code -> value. */
export async function indicatorInputs(
  tx: Tx,
  communeId: string,
  unitIds: readonly string[],
  year: number,
  codes: readonly string[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (!unitIds.length || !codes.length) return out;
  // The year's own figure (period 0) where there is one, else the latest half-year's.
  const rows = await tx
    .select({
      unitId: indicatorValue.unitId,
      code: indicatorValue.indicatorCode,
      period: indicatorValue.period,
      value: sql<
        number | null
      >`sum(coalesce(${indicatorValue.value}, case when ${indicatorValue.denominator} > 0 then ${indicatorValue.numerator} * 100.0 / ${indicatorValue.denominator} end))`.mapWith(
        (v) => (v === null ? null : Number(v)),
      ),
    })
    .from(indicatorValue)
    .where(
      and(
        eq(indicatorValue.communeId, communeId),
        eq(indicatorValue.year, year),
        inArray(indicatorValue.unitId, [...unitIds]),
        inArray(indicatorValue.indicatorCode, [...codes]),
      ),
    )
    .groupBy(indicatorValue.unitId, indicatorValue.indicatorCode, indicatorValue.period);
  const best = new Map<string, { period: number; value: number }>();
  for (const r of rows) {
    if (r.value === null) continue;
    const key = `${r.unitId} ${r.code}`;
    const cur = best.get(key);
    const rankOf = (p: number) => (p === 0 ? 1000 : p);
    if (!cur || rankOf(r.period) > rankOf(cur.period)) best.set(key, { period: r.period, value: r.value });
  }
  for (const [key, v] of best) {
    const [u, code] = key.split(' ') as [string, string];
    if (!out.has(u)) out.set(u, new Map());
    out.get(u)!.set(code, v.value);
  }
  return out;
}

/** The evidence files of the rubric among those cited: id -> the unit it was uploaded for, and its name. */
export async function evidenceFiles(
  tx: Tx,
  communeId: string,
  rubricId: string,
  evidence: readonly EvidenceInput[],
): Promise<Map<string, { unitId: string; name: string }>> {
  const ids = [...new Set(evidence.flatMap((e) => (e.kind === 'file' ? [e.fileId] : [])))];
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: scoringEvidenceFile.id, unitId: scoringEvidenceFile.unitId, name: scoringEvidenceFile.name })
    .from(scoringEvidenceFile)
    .where(and(eq(scoringEvidenceFile.communeId, communeId), eq(scoringEvidenceFile.rubricId, rubricId), inArray(scoringEvidenceFile.id, ids)));
  return new Map(rows.map((r) => [r.id, { unitId: r.unitId, name: r.name }]));
}

/** The names of a unit's evidence files among those cited (a file of another unit or rubric is not there). */
export async function evidenceFileNames(
  tx: Tx,
  communeId: string,
  rubricId: string,
  unitId: string,
  evidence: readonly EvidenceInput[],
): Promise<Map<string, string>> {
  return namesFor(await evidenceFiles(tx, communeId, rubricId, evidence), unitId);
}

/** Of the rubric's evidence files, the names of one unit's. */
export const namesFor = (files: ReadonlyMap<string, { unitId: string; name: string }>, unitId: string): Map<string, string> =>
  new Map([...files].filter(([, f]) => f.unitId === unitId).map(([id, f]) => [id, f.name]));
