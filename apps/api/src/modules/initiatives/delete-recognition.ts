import { and, eq } from 'drizzle-orm';
import { formatDateVi, type Initiative } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { initiativeRecognition } from './initiatives.table';
import { loadInitiative } from './initiatives.store';
import { initiativeDetail } from './get-initiative';
import { inCommune } from './initiatives-context';

/** Remove a recognition recorded by mistake (those who record recognitions). */
export async function deleteRecognition(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  recognitionId: string;
}): Promise<Initiative> {
  const { actor, communeId, id, recognitionId } = opts;
  return inCommune({ ...opts, permission: 'initiative.recognize' }, async (tx) => {
    authorize(actor, 'initiative.recognize', { communeId });
    const cur = await loadInitiative(tx, communeId, id, { lock: true });
    const [gone] = await tx
      .delete(initiativeRecognition)
      .where(and(eq(initiativeRecognition.communeId, communeId), eq(initiativeRecognition.initiativeId, id), eq(initiativeRecognition.id, recognitionId)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản công nhận của sáng kiến.');
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'initiative',
      entityId: id,
      communeId,
      summary: `Xóa văn bản công nhận số ${gone.number} ngày ${formatDateVi(gone.date)} của sáng kiến "${cur.i.title}"`,
      before: gone,
    });
    return initiativeDetail(tx, actor, communeId, id);
  });
}
