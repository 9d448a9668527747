import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { PublicModel, PublicModelList } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { commune } from '../org';
import { readFile } from '../files';
import { exemplaryModel, exemplaryModelPhoto } from './models.table';
import { modelRows } from './models.store';

/**
 * The published models of a commune (of a year, or all), newest first, as the public portal shows
 * them: the name of the unit or the person and nothing else of them. In the caller's transaction.
 */
export async function publishedModels(tx: Tx, communeId: string, year?: number): Promise<PublicModel[]> {
  const rows = await modelRows(tx)
    .where(and(eq(exemplaryModel.communeId, communeId), eq(exemplaryModel.status, 'published'), year ? eq(exemplaryModel.year, year) : undefined))
    .orderBy(desc(exemplaryModel.year), desc(exemplaryModel.publishedAt), desc(exemplaryModel.id));
  const ids = rows.map((r) => r.m.id);
  const photos = ids.length
    ? await tx
        .select()
        .from(exemplaryModelPhoto)
        .where(and(eq(exemplaryModelPhoto.communeId, communeId), inArray(exemplaryModelPhoto.modelId, ids)))
        .orderBy(asc(exemplaryModelPhoto.createdAt), asc(exemplaryModelPhoto.id))
    : [];
  return rows.map(({ m, unitName, personName }) => ({
    id: m.id,
    kind: m.kind,
    title: m.title,
    holderName: m.kind === 'individual' ? (personName ?? unitName) : unitName,
    unitName,
    story: m.story,
    movementContent: m.movementContent,
    from: m.periodFrom,
    to: m.periodTo,
    year: m.year,
    publishedAt: (m.publishedAt ?? m.updatedAt).toISOString(),
    photos: photos
      .filter((p) => p.modelId === m.id)
      .map((p) => ({
        id: p.id,
        caption: p.caption,
        width: p.width,
        height: p.height,
        url: `/api/public/communes/${communeId}/models/${m.id}/photos/${p.id}`,
      })),
  }));
}

/** The public list (no login): 404 for a commune that does not exist. */
export async function listPublicModels(opts: { db: Db; communeId: string; year?: number }): Promise<PublicModelList> {
  return inScope(opts.db, SYSTEM_SCOPE, async (tx) => {
    const [c] = await tx.select({ name: commune.name }).from(commune).where(eq(commune.id, opts.communeId));
    if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy xã/phường.');
    return { communeName: c.name, items: await publishedModels(tx, opts.communeId, opts.year) };
  });
}

/** A photo of a published model (no login); 404 for anything unpublished. */
export async function readPublicModelPhoto(opts: { db: Db; communeId: string; id: string; photoId: string }) {
  return inScope(opts.db, SYSTEM_SCOPE, async (tx) => {
    const [p] = await tx
      .select({ fileId: exemplaryModelPhoto.fileId })
      .from(exemplaryModelPhoto)
      .innerJoin(exemplaryModel, and(eq(exemplaryModel.communeId, exemplaryModelPhoto.communeId), eq(exemplaryModel.id, exemplaryModelPhoto.modelId)))
      .where(
        and(
          eq(exemplaryModelPhoto.communeId, opts.communeId),
          eq(exemplaryModelPhoto.modelId, opts.id),
          eq(exemplaryModelPhoto.id, opts.photoId),
          eq(exemplaryModel.status, 'published'),
        ),
      );
    const f = p ? await readFile(tx, opts.communeId, p.fileId) : undefined;
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh.');
    return f;
  });
}
