import { and, eq } from 'drizzle-orm';
import { formatDateVi } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { deleteFile } from '../files';
import { mayDeletePhoto, photoOf, photoSession } from './session-photos';
import { trainingSessionPhoto } from './training.table';
import { inTraining } from './training-context';

/**
 * Remove a photo from a session: the one who added it, or whoever manages the commune's training.
 * The row goes, and the image's bytes with it.
 */
export async function deleteSessionPhoto(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; sessionId: string; photoId: string }) {
  const { actor, communeId, sessionId, photoId } = opts;
  await inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const { s, village } = await photoSession(tx, communeId, sessionId, reach);
    const p = await photoOf(tx, communeId, sessionId, photoId);
    if (!mayDeletePhoto(actor, communeId, reach, s.villageId, p))
      throw new AppError('FORBIDDEN', 'Chỉ người đã thêm ảnh hoặc cán bộ quản lý Bình dân học vụ số của xã mới xóa được ảnh này.');
    await tx.delete(trainingSessionPhoto).where(and(eq(trainingSessionPhoto.communeId, communeId), eq(trainingSessionPhoto.id, p.id)));
    await deleteFile(tx, communeId, p.fileId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'training_session',
      entityId: sessionId,
      communeId,
      summary: `Xóa một ảnh của buổi hướng dẫn ngày ${formatDateVi(s.date)} tại ${village}`,
    });
  });
}
