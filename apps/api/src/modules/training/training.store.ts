import { createHmac } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { cleanText, personSortKey, searchKey, type Resident } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { unit, type UnitRow } from '../org';
import {
  attendance,
  communeSkillModule,
  completionEvidence,
  resident,
  skillModule,
  trainingSession,
  trainingSettings,
  trainingTeam,
  type ResidentRow,
} from './training.table';

/** The key of a national ID: HMAC-SHA-256 under the server's key (never the number itself). */
export function nationalIdHash(key: string, nationalId: string): string {
  return createHmac('sha256', key).update(nationalId.trim()).digest('hex');
}

/** Search and duplicate key of a name: NFC, no diacritics, lower case, single spaces. */
export const nameKeyOf = (fullName: string) => searchKey(cleanText(fullName));

export const residentKeys = (fullName: string) => {
  const clean = cleanText(fullName);
  return { fullName: clean, nameKey: searchKey(clean), sortKey: personSortKey(clean) };
};

/** A unit of the commune of the given kind, or a 400 naming the field. */
export async function unitOfKind(tx: Tx, communeId: string, id: string, kinds: readonly string[], field: string, message: string): Promise<UnitRow> {
  const [u] = await tx
    .select()
    .from(unit)
    .where(and(eq(unit.communeId, communeId), eq(unit.id, id)));
  if (!u || !kinds.includes(u.kind)) throw new AppError('VALIDATION_FAILED', message, [{ field, message }]);
  return u;
}

/** The commune's villages (active or not), by id. */
export async function villagesOf(tx: Tx, communeId: string): Promise<UnitRow[]> {
  return tx
    .select()
    .from(unit)
    .where(and(eq(unit.communeId, communeId), eq(unit.kind, 'village'), isNull(unit.mergedIntoId)))
    .orderBy(sql`${unit.sortKey} collate "C"`, asc(unit.id));
}

/** The commune's settings, or the defaults (age 15, the national basic set). */
export async function settingsOf(tx: Tx, communeId: string): Promise<{ adultAge: number; basicModules: string[] }> {
  const [s] = await tx.select().from(trainingSettings).where(eq(trainingSettings.communeId, communeId));
  if (s) return { adultAge: s.adultAge, basicModules: s.basicModules };
  const basic = await tx.select({ code: skillModule.code }).from(skillModule).where(eq(skillModule.basicDefault, true)).orderBy(asc(skillModule.sortOrder));
  return { adultAge: 15, basicModules: basic.map((b) => b.code) };
}

/** The national modules and the commune's own, in display order. */
export async function modulesOf(tx: Tx, communeId: string) {
  const national = await tx.select().from(skillModule).orderBy(asc(skillModule.sortOrder), asc(skillModule.code));
  const own = await tx
    .select()
    .from(communeSkillModule)
    .where(eq(communeSkillModule.communeId, communeId))
    .orderBy(asc(communeSkillModule.sortOrder), asc(communeSkillModule.code));
  return [
    ...national.map((m) => ({
      code: m.code,
      groupName: m.groupName,
      name: m.name,
      communeId: null as string | null,
      learnerGroups: m.learnerGroups,
      sortOrder: m.sortOrder,
    })),
    ...own.map((m) => ({
      code: m.code,
      groupName: m.groupName,
      name: m.name,
      communeId: m.communeId as string | null,
      learnerGroups: m.learnerGroups,
      sortOrder: m.sortOrder,
    })),
  ];
}

/** Refuse module codes the commune does not know, naming the field. */
export async function checkModuleCodes(tx: Tx, communeId: string, codes: readonly string[], field: string): Promise<void> {
  const known = new Set((await modulesOf(tx, communeId)).map((m) => m.code));
  const bad = codes.findIndex((c) => !known.has(c));
  if (bad >= 0) {
    const message = `Học phần "${codes[bad]}" không có trong danh mục kỹ năng số của xã.`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: `${field}.${bad}`, message }]);
  }
}

/** Each digital team of the commune with the villages it serves (its record, else its parent village). */
export async function teamsOf(tx: Tx, communeId: string) {
  const rows = await tx
    .select({ u: unit, t: trainingTeam })
    .from(unit)
    .leftJoin(trainingTeam, and(eq(trainingTeam.communeId, unit.communeId), eq(trainingTeam.unitId, unit.id)))
    .where(and(eq(unit.communeId, communeId), eq(unit.kind, 'digital_team'), isNull(unit.mergedIntoId)))
    .orderBy(sql`${unit.sortKey} collate "C"`, asc(unit.id));
  const parents = new Map(
    (await tx.select({ id: unit.id, kind: unit.kind, name: unit.name }).from(unit).where(eq(unit.communeId, communeId))).map((p) => [p.id, p]),
  );
  return rows.map(({ u, t }) => {
    const parent = u.parentId ? parents.get(u.parentId) : undefined;
    const villageIds = t?.villageIds.length ? t.villageIds : parent?.kind === 'village' ? [parent.id] : [];
    return { unit: u, parentName: parent?.name ?? null, decisionNo: t?.decisionNo ?? null, decisionDate: t?.decisionDate ?? null, villageIds };
  });
}
export type TeamInfo = Awaited<ReturnType<typeof teamsOf>>[number];

/** A resident of the commune (not merged away), or 404; one merged away is followed to the one it became. */
export async function residentFor(tx: Tx, communeId: string, id: string, opts: { follow?: boolean; lock?: boolean } = {}): Promise<ResidentRow> {
  let current = id;
  for (let hop = 0; hop < 20; hop++) {
    const q = tx
      .select()
      .from(resident)
      .where(and(eq(resident.communeId, communeId), eq(resident.id, current)));
    const [r] = opts.lock ? await q.for('update') : await q;
    if (!r) break;
    if (!r.mergedIntoId) return r;
    if (!opts.follow) break;
    current = r.mergedIntoId;
  }
  throw new AppError('NOT_FOUND', 'Không tìm thấy người dân.');
}

/** The modules each resident completed (a session attended that covered it, or evidence), by resident id. */
export async function completedModules(tx: Tx, communeId: string, residentIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!residentIds.length) return out;
  const attended = await tx
    .select({ residentId: attendance.residentId, codes: trainingSession.moduleCodes })
    .from(attendance)
    .innerJoin(trainingSession, and(eq(trainingSession.communeId, attendance.communeId), eq(trainingSession.id, attendance.sessionId)))
    .where(and(eq(attendance.communeId, communeId), inArray(attendance.residentId, [...residentIds])));
  const evidence = await tx
    .select({ residentId: completionEvidence.residentId, code: completionEvidence.moduleCode })
    .from(completionEvidence)
    .where(and(eq(completionEvidence.communeId, communeId), inArray(completionEvidence.residentId, [...residentIds])));
  const add = (id: string, code: string) => {
    const list = out.get(id) ?? [];
    if (!list.includes(code)) list.push(code);
    out.set(id, list);
  };
  for (const a of attended) for (const c of a.codes) add(a.residentId, c);
  for (const e of evidence) add(e.residentId, e.code);
  for (const list of out.values()) list.sort();
  return out;
}

/**
 * Residents who may be the same person as the one entered: the same national ID (its hash), the same
 * normalised name and birth year in the same village, or the same phone.
 */
export async function findDuplicates(
  tx: Tx,
  communeId: string,
  v: { idHash: string | null; nameKey: string; birthYear: number; villageId: string; phone: string | null; exceptId?: string },
) {
  const rows = await tx
    .select({ r: resident, villageName: unit.name })
    .from(resident)
    .innerJoin(unit, and(eq(unit.communeId, resident.communeId), eq(unit.id, resident.villageId)))
    .where(
      and(
        eq(resident.communeId, communeId),
        isNull(resident.mergedIntoId),
        v.exceptId ? sql`${resident.id} <> ${v.exceptId}` : undefined,
        or(
          v.idHash ? eq(resident.idHash, v.idHash) : undefined,
          and(eq(resident.nameKey, v.nameKey), eq(resident.birthYear, v.birthYear), eq(resident.villageId, v.villageId)),
          v.phone ? eq(resident.phone, v.phone) : undefined,
        ),
      ),
    )
    .limit(10);
  return rows.map(({ r, villageName }) => ({
    id: r.id,
    fullName: r.fullName,
    birthYear: r.birthYear,
    villageName,
    idLast4: r.idLast4,
    reason: (v.idHash && r.idHash === v.idHash ? 'national_id' : r.nameKey === v.nameKey && r.birthYear === v.birthYear ? 'name_birth_village' : 'phone') as
      'national_id' | 'name_birth_village' | 'phone',
  }));
}

export type ResidentOut = Omit<Resident, 'can'>;

/** A PostgreSQL array literal of texts (NULL for null), sent as one parameter. */
function arrayLiteral(values: readonly (string | number | null | undefined)[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/[\\"]/gu, (c) => `\\${c}`)}"`)).join(',')}}`;
}

/**
 * Insert many residents in few statements: each column travels as one array parameter and the rows
 * come back out of `unnest` (far fewer parameters to bind than a VALUES list, on both databases).
 */
export async function insertResidentsBulk(tx: Tx, rows: readonly (typeof resident.$inferInsert)[], chunk = 10_000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const col = <K extends keyof typeof resident.$inferInsert>(k: K) => arrayLiteral(part.map((r) => r[k] as string | number | null | undefined));
    const at = part.map((r) => (r.createdAt ?? new Date()).toISOString());
    await tx.execute(sql`
      insert into resident (commune_id, village_id, full_name, name_key, sort_key, birth_year, gender, phone, learner_group, id_hash, id_last4, created_by, created_at, updated_at)
      select * from unnest(${col('communeId')}::uuid[], ${col('villageId')}::uuid[], ${col('fullName')}::text[], ${col('nameKey')}::text[], ${col('sortKey')}::text[],
        ${col('birthYear')}::int[], ${col('gender')}::text[], ${col('phone')}::text[], ${col('learnerGroup')}::text[], ${col('idHash')}::text[], ${col('idLast4')}::text[],
        ${col('createdBy')}::uuid[], ${arrayLiteral(at)}::timestamptz[], ${arrayLiteral(at)}::timestamptz[])`);
  }
}
