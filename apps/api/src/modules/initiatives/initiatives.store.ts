import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, matchKey, searchKey, type InitiativeInput, type initiativeAuthorInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { fileMeta } from '../files';
import { loadUnit, unit } from '../org';
import { person } from '../people';
import { initiative, initiativeAuthor, initiativeFile, initiativeRecognition, type InitiativeRow } from './initiatives.table';

type AuthorIn = z.infer<typeof initiativeAuthorInput>;
/** An author as stored, before it is written. */
export interface AuthorValue {
  personId: string | null;
  fullName: string;
  workplace: string | null;
}

/** One initiative of the commune with its unit's name and path, or 404 (optionally locked for the write). */
export async function loadInitiative(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = tx
    .select({ i: initiative, unitName: unit.name, unitPath: unit.path })
    .from(initiative)
    .innerJoin(unit, and(eq(unit.communeId, initiative.communeId), eq(unit.id, initiative.unitId)))
    .where(and(eq(initiative.communeId, communeId), eq(initiative.id, id)));
  const [row] = opts.lock ? await q.for('update', { of: initiative }) : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy sáng kiến.');
  return row;
}
export type LoadedInitiative = Awaited<ReturnType<typeof loadInitiative>>;

/** The submitting unit, or a 400 naming `unitId`. */
export async function submittingUnit(tx: Tx, communeId: string, unitId: string) {
  return loadUnit(tx, communeId, unitId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị: không tìm thấy đơn vị trong xã/phường này.', [
      { field: 'unitId', message: 'Không tìm thấy đơn vị trong xã/phường này.' },
    ]);
  });
}

/**
 * The authors as stored: people of the commune's list (their name as it is now), or names typed in.
 * A person of another commune (or none) is refused naming the author's position; one person twice too.
 */
export async function resolveAuthors(tx: Tx, communeId: string, authors: readonly AuthorIn[]): Promise<AuthorValue[]> {
  const ids = [...new Set(authors.map((a) => a.personId).filter((x): x is string => !!x))];
  const found = new Map(
    ids.length
      ? (
          await tx
            .select({ id: person.id, fullName: person.fullName })
            .from(person)
            .where(and(eq(person.communeId, communeId), inArray(person.id, ids)))
        ).map((p) => [p.id, p.fullName])
      : [],
  );
  const seen = new Set<string>();
  return authors.map((a, i) => {
    const at = `authors.${i}`;
    if (a.personId) {
      const name = found.get(a.personId);
      if (!name) {
        const message = `Tác giả thứ ${i + 1}: không tìm thấy cá nhân này trong danh sách của xã/phường.`;
        throw new AppError('VALIDATION_FAILED', message, [{ field: `${at}.personId`, message }]);
      }
      if (seen.has(a.personId)) {
        const message = `Tác giả thứ ${i + 1}: ${name} đã có trong danh sách tác giả.`;
        throw new AppError('VALIDATION_FAILED', message, [{ field: `${at}.personId`, message }]);
      }
      seen.add(a.personId);
      return { personId: a.personId, fullName: name, workplace: null };
    }
    const fullName = cleanText(a.fullName ?? '');
    if (!fullName) {
      const message = `Tác giả thứ ${i + 1}: chọn một cá nhân trong danh sách hoặc nhập họ và tên.`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: `${at}.fullName`, message }]);
    }
    return { personId: null, fullName, workplace: a.workplace ? cleanText(a.workplace) || null : null };
  });
}

/** Replace the authors of an initiative (in the caller's transaction). */
export async function writeAuthors(tx: Tx, communeId: string, initiativeId: string, authors: readonly AuthorValue[]) {
  await tx.delete(initiativeAuthor).where(and(eq(initiativeAuthor.communeId, communeId), eq(initiativeAuthor.initiativeId, initiativeId)));
  if (authors.length) await tx.insert(initiativeAuthor).values(authors.map((a, ord) => ({ communeId, initiativeId, ord, ...a })));
}

/** The search key: title, authors and unit, without diacritics. */
export const initiativeSearchKey = (title: string, authors: readonly { fullName: string; workplace?: string | null }[], unitName: string) =>
  searchKey([title, ...authors.map((a) => `${a.fullName} ${a.workplace ?? ''}`), unitName].join(' '));

/** A recognition number compared the way people read it: "15/QĐ-UBND" = "15 / qđ-ubnd". */
export const recognitionNumberKey = (n: string) => matchKey(n).replace(/\s+/gu, '');

/** The year an initiative counts for. */
export const initiativeYear = (firstAppliedOn: string | null | undefined, fallback: number) => (firstAppliedOn ? Number(firstAppliedOn.slice(0, 4)) : fallback);

/** Cleaned effects (one per kind: the last given wins). */
export function cleanEffects(effects: NonNullable<InitiativeInput['effects']>) {
  const byKind = new Map(effects.map((e) => [e.kind, { kind: e.kind, text: cleanText(e.text), amount: e.amount ?? null }]));
  return [...byKind.values()];
}

/** Authors of several initiatives, in order, with the unit of each person of the list. */
export async function authorsOf(tx: Tx, communeId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { personId: string | null; fullName: string; unitName: string | null; workplace: string | null }[]>();
  const rows = await tx
    .select({ a: initiativeAuthor, unitName: unit.name })
    .from(initiativeAuthor)
    .leftJoin(person, and(eq(person.communeId, initiativeAuthor.communeId), eq(person.id, initiativeAuthor.personId)))
    .leftJoin(unit, and(eq(unit.communeId, person.communeId), eq(unit.id, person.unitId)))
    .where(and(eq(initiativeAuthor.communeId, communeId), inArray(initiativeAuthor.initiativeId, [...ids])))
    .orderBy(asc(initiativeAuthor.initiativeId), asc(initiativeAuthor.ord));
  const out = new Map<string, { personId: string | null; fullName: string; unitName: string | null; workplace: string | null }[]>();
  for (const r of rows) {
    const list = out.get(r.a.initiativeId) ?? [];
    list.push({ personId: r.a.personId, fullName: r.a.fullName, unitName: r.unitName ?? r.a.workplace ?? null, workplace: r.a.workplace });
    out.set(r.a.initiativeId, list);
  }
  return out;
}

/** The highest level and number of recognitions of several initiatives. */
export async function recognitionTotals(tx: Tx, communeId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, { rank: number; n: number }>();
  const rows = await tx
    .select({ id: initiativeRecognition.initiativeId, rank: sql<number>`max(${initiativeRecognition.levelRank})::int`, n: sql<number>`count(*)::int` })
    .from(initiativeRecognition)
    .where(and(eq(initiativeRecognition.communeId, communeId), inArray(initiativeRecognition.initiativeId, [...ids])))
    .groupBy(initiativeRecognition.initiativeId);
  return new Map(rows.map((r) => [r.id, { rank: Number(r.rank), n: Number(r.n) }]));
}

/** The recognitions of one initiative, oldest first. */
export async function recognitionsOf(tx: Tx, communeId: string, initiativeId: string) {
  return tx
    .select()
    .from(initiativeRecognition)
    .where(and(eq(initiativeRecognition.communeId, communeId), eq(initiativeRecognition.initiativeId, initiativeId)))
    .orderBy(asc(initiativeRecognition.date), asc(initiativeRecognition.createdAt));
}

/** The attachments of one initiative, newest first, with their name, type and size. */
export async function filesOf(tx: Tx, communeId: string, initiativeId: string) {
  const rows = await tx
    .select()
    .from(initiativeFile)
    .where(and(eq(initiativeFile.communeId, communeId), eq(initiativeFile.initiativeId, initiativeId)))
    .orderBy(desc(initiativeFile.createdAt), asc(initiativeFile.id));
  const out = [];
  for (const r of rows) {
    const f = await fileMeta(tx, communeId, r.fileId);
    out.push({ row: r, name: f?.name ?? 'tệp', mime: f?.mime ?? 'application/octet-stream', size: f?.size ?? 0 });
  }
  return out;
}

export type { InitiativeRow };
