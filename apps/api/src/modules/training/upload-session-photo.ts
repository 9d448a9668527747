import { and, eq, sql } from 'drizzle-orm';
import { cleanText, formatDateVi, SESSION_PHOTO_LIMIT, SESSION_PHOTO_MAX_SIDE, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Upload } from '../../platform/uploads';
import { storeFile } from '../files';
import { readImageHeader, type ImageType } from '../../platform/image-header';
import { mapPhotos, photoSession } from './session-photos';
import { trainingSessionPhoto } from './training.table';
import { inTraining } from './training-context';

const EXT: Record<ImageType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };
const fileError = (code: 'UNSUPPORTED_FILE_TYPE' | 'FILE_UNREADABLE' | 'VALIDATION_FAILED', message: string) =>
  new AppError(code, message, [{ field: 'file', message }]);

/** The image's type and size from its header, or the 4xx that says what is wrong with it. */
export function checkPhoto(file: Pick<Upload, 'filename' | 'buffer'>) {
  const name = cleanText(file.filename).slice(0, 80) || 'ảnh';
  if (file.buffer.length === 0) throw fileError('VALIDATION_FAILED', 'Tệp ảnh rỗng, không có nội dung.');
  const h = readImageHeader(file.buffer);
  if (!h.ok && h.problem === 'unsupported')
    throw fileError('UNSUPPORTED_FILE_TYPE', `Tệp "${name}" không phải ảnh JPEG, PNG hoặc WebP. Hãy chọn ảnh chụp từ máy.`);
  if (!h.ok) throw fileError('FILE_UNREADABLE', `Ảnh "${name}" bị hỏng: không đọc được kích thước ở phần đầu tệp. Hãy chụp hoặc chọn lại ảnh.`);
  if (h.width > SESSION_PHOTO_MAX_SIDE || h.height > SESSION_PHOTO_MAX_SIDE)
    throw fileError(
      'VALIDATION_FAILED',
      `Ảnh "${name}" quá lớn (${h.width} × ${h.height} điểm ảnh): mỗi cạnh tối đa ${SESSION_PHOTO_MAX_SIDE} điểm ảnh. Hãy gửi lại từ trang (ảnh được thu nhỏ trước khi gửi).`,
    );
  return h;
}

/**
 * Add a photo to a session (a team serving its village or the commune admin): a JPEG, PNG or WebP
 * by its magic bytes, its size read from the header; at most SESSION_PHOTO_LIMIT a session (the
 * session row is locked so two uploads at once cannot pass it). The bytes go to stored_file.
 */
export async function uploadSessionPhoto(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  sessionId: string;
  file: Upload;
  caption?: string;
  now?: Date;
}) {
  const { actor, communeId, sessionId, file } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const { s, village } = await photoSession(tx, communeId, sessionId, reach, { lock: true });
    const h = checkPhoto(file);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(trainingSessionPhoto)
      .where(and(eq(trainingSessionPhoto.communeId, communeId), eq(trainingSessionPhoto.sessionId, sessionId)));
    if (Number(n) >= SESSION_PHOTO_LIMIT)
      throw new AppError('PHOTO_LIMIT', `Buổi hướng dẫn đã có đủ ${SESSION_PHOTO_LIMIT} ảnh. Hãy xóa bớt ảnh cũ trước khi thêm ảnh mới.`, [
        { field: 'file', message: `Mỗi buổi tối đa ${SESSION_PHOTO_LIMIT} ảnh.` },
      ]);
    const fileId = await storeFile(tx, {
      communeId,
      name: file.filename,
      fallbackName: `anh-buoi-huong-dan.${EXT[h.type]}`,
      mime: h.mime,
      content: file.buffer,
      purpose: 'session_photo',
      createdBy: actor.userId,
    });
    const caption = opts.caption ? cleanText(opts.caption) || null : null;
    const [row] = await tx
      .insert(trainingSessionPhoto)
      .values({ communeId, sessionId, fileId, width: h.width, height: h.height, caption, uploadedBy: actor.userId, createdAt: now })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'file',
      entityType: 'training_session',
      entityId: sessionId,
      communeId,
      summary: `Thêm ảnh (${h.width} × ${h.height}) cho buổi hướng dẫn ngày ${formatDateVi(s.date)} tại ${village}`,
    });
    return (await mapPhotos(tx, actor, communeId, reach, s.villageId, [row!]))[0]!;
  });
}
