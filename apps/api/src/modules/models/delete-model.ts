import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { deleteFile } from '../files';
import { exemplaryModel } from './models.table';
import { modelResource } from './models.policy';
import { modelRecord } from './models.mapper';
import { loadModel, photosOf } from './models.store';
import { inModels } from './models-context';

/** Remove an unpublished model recorded by mistake, its photos with it. */
export async function deleteModel(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string }) {
  const { actor, communeId, id } = opts;
  await inModels({ ...opts, permission: 'model.write' }, async (tx) => {
    const cur = await loadModel(tx, communeId, id, { lock: true });
    authorize(actor, 'model.write', modelResource(communeId, cur.unitPath));
    if (cur.m.status !== 'draft') throw new AppError('INVALID_TRANSITION', 'Mô hình đã công bố: cần thôi công bố trước khi xóa.');
    const photos = await photosOf(tx, communeId, id);
    await tx.delete(exemplaryModel).where(and(eq(exemplaryModel.communeId, communeId), eq(exemplaryModel.id, id)));
    for (const p of photos) await deleteFile(tx, communeId, p.fileId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'exemplary_model',
      entityId: id,
      communeId,
      summary: `Xóa mô hình điển hình "${cur.m.title}"`,
      before: modelRecord(cur.m),
    });
  });
}
