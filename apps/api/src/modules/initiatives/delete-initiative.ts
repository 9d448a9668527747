import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { deleteFile } from '../files';
import { initiative, initiativeFile, initiativeRecognition } from './initiatives.table';
import { initiativeResource } from './initiatives.policy';
import { initiativeRecord } from './initiatives.mapper';
import { authorsOf, loadInitiative } from './initiatives.store';
import { inCommune } from './initiatives-context';

/** Remove an initiative registered by mistake: not once it is recognised (the recognition is a fact others count). */
export async function deleteInitiative(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string }) {
  const { actor, communeId, id } = opts;
  await inCommune({ ...opts, permission: 'initiative.write' }, async (tx) => {
    const cur = await loadInitiative(tx, communeId, id, { lock: true });
    authorize(actor, 'initiative.write', initiativeResource(communeId, cur.unitPath));
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(initiativeRecognition)
      .where(and(eq(initiativeRecognition.communeId, communeId), eq(initiativeRecognition.initiativeId, id)));
    if (Number(n) > 0) throw new AppError('IN_USE', 'Sáng kiến đã được công nhận nên không xóa được. Hãy xóa văn bản công nhận trước nếu ghi nhầm.');
    const authors = (await authorsOf(tx, communeId, [id])).get(id) ?? [];
    const files = await tx
      .select({ fileId: initiativeFile.fileId })
      .from(initiativeFile)
      .where(and(eq(initiativeFile.communeId, communeId), eq(initiativeFile.initiativeId, id)));
    await tx.delete(initiative).where(and(eq(initiative.communeId, communeId), eq(initiative.id, id)));
    for (const f of files) await deleteFile(tx, communeId, f.fileId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'initiative',
      entityId: id,
      communeId,
      summary: `Xóa sáng kiến "${cur.i.title}" (${cur.unitName})`,
      before: initiativeRecord(cur.i, authors),
    });
  });
}
