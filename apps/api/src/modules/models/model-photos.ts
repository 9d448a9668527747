import { and, eq, sql } from 'drizzle-orm';
import { cleanText, MODEL_PHOTO_LIMIT, MODEL_PHOTO_MAX_SIDE, type Model, clockNow } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Upload } from '../../platform/uploads';
import { deleteFile, readFile, storeFile } from '../files';
import { readImageHeader, type ImageType } from '../../platform/image-header';
import { exemplaryModelPhoto } from './models.table';
import { mayEditPhotos } from './models.policy';
import { loadModel } from './models.store';
import { modelDetail } from './get-model';
import { inModels } from './models-context';

const EXT: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
const fileError = (code: 'UNSUPPORTED_FILE_TYPE' | 'FILE_UNREADABLE' | 'VALIDATION_FAILED', message: string) =>
  new AppError(code, message, [{ field: 'file', message }]);

/** The image's type and size from its header (never its name), or the 4xx that says what is wrong with it. */
export function checkModelPhoto(file: Pick<Upload, 'filename' | 'buffer'>) {
  const name = cleanText(file.filename).slice(0, 80) || 'ảnh';
  if (file.buffer.length === 0) throw fileError('VALIDATION_FAILED', 'Tệp ảnh rỗng, không có nội dung.');
  const h = readImageHeader(file.buffer);
  if (!h.ok && h.problem === 'unsupported') throw fileError('UNSUPPORTED_FILE_TYPE', `Tệp "${name}" không phải ảnh JPEG, PNG hoặc WebP.`);
  if (!h.ok) throw fileError('FILE_UNREADABLE', `Ảnh "${name}" bị hỏng: không đọc được kích thước ở phần đầu tệp. Hãy chọn lại ảnh.`);
  if (h.width > MODEL_PHOTO_MAX_SIDE || h.height > MODEL_PHOTO_MAX_SIDE)
    throw fileError(
      'VALIDATION_FAILED',
      `Ảnh "${name}" quá lớn (${h.width} × ${h.height} điểm ảnh): mỗi cạnh tối đa ${MODEL_PHOTO_MAX_SIDE} điểm ảnh. Hãy gửi lại từ trang (ảnh được thu nhỏ trước khi gửi).`,
    );
  return h;
}

/** Add a photo to a model (those who may edit its unit's records): at most MODEL_PHOTO_LIMIT, the model locked so two uploads cannot pass it. */
export async function uploadModelPhoto(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  file: Upload;
  caption?: string;
  now?: Date;
}): Promise<Model> {
  const { actor, communeId, id, file } = opts;
  const now = opts.now ?? clockNow();
  return inModels({ ...opts, permission: 'model.write' }, async (tx) => {
    const cur = await loadModel(tx, communeId, id, { lock: true });
    if (!mayEditPhotos(actor, communeId, cur.unitPath)) throw new AppError('FORBIDDEN');
    const h = checkModelPhoto(file);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(exemplaryModelPhoto)
      .where(and(eq(exemplaryModelPhoto.communeId, communeId), eq(exemplaryModelPhoto.modelId, id)));
    if (Number(n) >= MODEL_PHOTO_LIMIT)
      throw new AppError('PHOTO_LIMIT', `Mô hình đã có đủ ${MODEL_PHOTO_LIMIT} ảnh. Hãy xóa bớt ảnh cũ trước khi thêm ảnh mới.`, [
        { field: 'file', message: `Mỗi mô hình tối đa ${MODEL_PHOTO_LIMIT} ảnh.` },
      ]);
    const fileId = await storeFile(tx, {
      communeId,
      name: file.filename,
      fallbackName: `anh-mo-hinh.${EXT[h.type]}`,
      mime: h.mime,
      content: file.buffer,
      purpose: 'model_photo',
      createdBy: actor.userId,
    });
    const caption = opts.caption ? cleanText(opts.caption) || null : null;
    await tx
      .insert(exemplaryModelPhoto)
      .values({ communeId, modelId: id, fileId, width: h.width, height: h.height, caption, uploadedBy: actor.userId, createdAt: now });
    await writeAudit(tx, actor, opts.meta, {
      action: 'file',
      entityType: 'exemplary_model',
      entityId: id,
      communeId,
      summary: `Thêm ảnh (${h.width} × ${h.height}) cho mô hình "${cur.m.title}"`,
    });
    return modelDetail(tx, actor, communeId, id);
  });
}

async function photoOf(tx: Tx, communeId: string, id: string, photoId: string) {
  const [p] = await tx
    .select()
    .from(exemplaryModelPhoto)
    .where(and(eq(exemplaryModelPhoto.communeId, communeId), eq(exemplaryModelPhoto.modelId, id), eq(exemplaryModelPhoto.id, photoId)));
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh của mô hình.');
  return p;
}

/** A photo's bytes, for whoever reads the models. */
export async function readModelPhoto(opts: { db: Db; actor: Actor; communeId: string; id: string; photoId: string }) {
  const { communeId, id } = opts;
  return inModels({ ...opts, permission: 'model.read' }, async (tx) => {
    await loadModel(tx, communeId, id);
    const p = await photoOf(tx, communeId, id, opts.photoId);
    const f = await readFile(tx, communeId, p.fileId);
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh của mô hình.');
    return f;
  });
}

/** Remove a photo of a model (those who may edit its unit's records); its bytes go with it. */
export async function deleteModelPhoto(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; photoId: string }): Promise<Model> {
  const { actor, communeId, id } = opts;
  return inModels({ ...opts, permission: 'model.write' }, async (tx) => {
    const cur = await loadModel(tx, communeId, id, { lock: true });
    if (!mayEditPhotos(actor, communeId, cur.unitPath)) throw new AppError('FORBIDDEN');
    const p = await photoOf(tx, communeId, id, opts.photoId);
    await tx.delete(exemplaryModelPhoto).where(and(eq(exemplaryModelPhoto.communeId, communeId), eq(exemplaryModelPhoto.id, p.id)));
    await deleteFile(tx, communeId, p.fileId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'exemplary_model',
      entityId: id,
      communeId,
      summary: `Xóa một ảnh của mô hình "${cur.m.title}"`,
    });
    return modelDetail(tx, actor, communeId, id);
  });
}
