import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cleanText, searchKey, vietnamYear, type ModelKind } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { loadUnit, unit } from '../org';
import { person } from '../people';
import { loadDoc, loadPlan } from '../plans';
import { exemplaryModel, exemplaryModelPhoto } from './models.table';

const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);

/** One model of the commune with its unit (name, path) and person's name, or 404 (optionally locked for the write). */
export async function loadModel(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = tx
    .select({ m: exemplaryModel, unitName: unit.name, unitPath: unit.path, personName: person.fullName })
    .from(exemplaryModel)
    .innerJoin(unit, and(eq(unit.communeId, exemplaryModel.communeId), eq(unit.id, exemplaryModel.unitId)))
    .leftJoin(person, and(eq(person.communeId, exemplaryModel.communeId), eq(person.id, exemplaryModel.personId)))
    .where(and(eq(exemplaryModel.communeId, communeId), eq(exemplaryModel.id, id)));
  const [row] = opts.lock ? await q.for('update', { of: exemplaryModel }) : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy mô hình điển hình.');
  return row;
}
export type LoadedModel = Awaited<ReturnType<typeof loadModel>>;

/**
 * Who the model is about: a collective is its unit; an individual is a person of the commune's list,
 * and belongs to their unit (which decides who may edit it).
 */
export async function resolveHolder(tx: Tx, communeId: string, kind: ModelKind, unitId: string | null | undefined, personId: string | null | undefined) {
  if (kind === 'individual') {
    if (!personId) throw bad('personId', 'Cá nhân: cần chọn cá nhân cho mô hình cá nhân điển hình.');
    const [p] = await tx
      .select({ id: person.id, fullName: person.fullName, unitId: person.unitId })
      .from(person)
      .where(and(eq(person.communeId, communeId), eq(person.id, personId)));
    if (!p) throw bad('personId', 'Cá nhân: không tìm thấy cá nhân này trong danh sách của xã/phường.');
    const u = await loadUnit(tx, communeId, p.unitId);
    return { unit: u, person: p };
  }
  if (!unitId) throw bad('unitId', 'Đơn vị: cần chọn đơn vị cho mô hình tập thể điển hình.');
  const u = await loadUnit(tx, communeId, unitId).catch(() => {
    throw bad('unitId', 'Đơn vị: không tìm thấy đơn vị trong xã/phường này.');
  });
  return { unit: u, person: null };
}

/** The movement content: the plan's content item (its text copied), or the free text given. */
export async function movementContentOf(
  tx: Tx,
  communeId: string,
  v: { planId?: string | null; contentOrder?: number | null; movementContent?: string | null },
): Promise<{ planId: string | null; contentOrder: number | null; movementContent: string | null }> {
  if (!v.planId) return { planId: null, contentOrder: null, movementContent: v.movementContent ? cleanText(v.movementContent) || null : null };
  const p = await loadPlan(tx, communeId, v.planId).catch(() => {
    throw bad('planId', 'Kế hoạch: không tìm thấy kế hoạch trong xã/phường này.');
  });
  if (!v.contentOrder) throw bad('contentOrder', 'Nội dung thi đua: chọn một nội dung của kế hoạch.');
  const doc = await loadDoc(tx, p);
  const item = doc.contents.find((c) => c.order === v.contentOrder);
  if (!item) throw bad('contentOrder', `Nội dung thi đua: kế hoạch không có nội dung số ${v.contentOrder}.`);
  return { planId: p.id, contentOrder: item.order, movementContent: cleanText(item.text) };
}

/** The period and the year it counts for (the year of its end, its start, or today). */
export function periodOf(from: string | null | undefined, to: string | null | undefined, year: number | undefined, now: Date) {
  if (from && to && to < from) throw bad('to', 'Đến ngày không được trước Từ ngày.');
  return { periodFrom: from ?? null, periodTo: to ?? null, year: year ?? Number((to ?? from ?? String(vietnamYear(now))).slice(0, 4)) };
}

/** Title, holder and unit without diacritics. */
export const modelSearchKey = (title: string, unitName: string, personName: string | null) => searchKey(`${title} ${personName ?? ''} ${unitName}`);

/** Photo counts of several models. */
export async function photoCounts(tx: Tx, communeId: string, ids: readonly string[]) {
  if (!ids.length) return new Map<string, number>();
  const rows = await tx
    .select({ id: exemplaryModelPhoto.modelId, n: sql<number>`count(*)::int` })
    .from(exemplaryModelPhoto)
    .where(and(eq(exemplaryModelPhoto.communeId, communeId), inArray(exemplaryModelPhoto.modelId, [...ids])))
    .groupBy(exemplaryModelPhoto.modelId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** The photos of a model, oldest first. */
export const photosOf = (tx: Tx, communeId: string, modelId: string) =>
  tx
    .select()
    .from(exemplaryModelPhoto)
    .where(and(eq(exemplaryModelPhoto.communeId, communeId), eq(exemplaryModelPhoto.modelId, modelId)))
    .orderBy(asc(exemplaryModelPhoto.createdAt), asc(exemplaryModelPhoto.id));

/** Models joined with their unit and person, for lists and exports. */
export function modelRows(tx: Tx) {
  const holder = alias(person, 'holder');
  return tx
    .select({ m: exemplaryModel, unitName: unit.name, personName: holder.fullName, total: sql<number>`(count(*) over ())::int` })
    .from(exemplaryModel)
    .innerJoin(unit, and(eq(unit.communeId, exemplaryModel.communeId), eq(unit.id, exemplaryModel.unitId)))
    .leftJoin(holder, and(eq(holder.communeId, exemplaryModel.communeId), eq(holder.id, exemplaryModel.personId)));
}
