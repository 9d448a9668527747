import { formatDateVi, modelWorkflow, todayVn, type Model, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { runTransition } from '../../platform/workflow';
import { exemplaryModel } from './models.table';
import { modelRecord } from './models.mapper';
import { loadModel } from './models.store';
import { modelDetail } from './get-model';
import { inModels } from './models-context';

/**
 * Publish a model (the public portal shows it from then) or take it back to edit it (the commune
 * office: `model.publish`). Publishing needs its story. A retry of the same step writes nothing.
 */
export async function stepModel(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  step: 'publish' | 'unpublish';
  version: number;
  now?: Date;
}): Promise<Model> {
  const { actor, communeId, id, step } = opts;
  const now = opts.now ?? clockNow();
  return inModels({ ...opts, permission: 'model.publish' }, async (tx) => {
    const cur = await loadModel(tx, communeId, id, { lock: true });
    await runTransition(tx, actor, opts.meta, {
      workflow: modelWorkflow,
      transition: step,
      now,
      version: opts.version,
      table: exemplaryModel,
      load: async () => ({ row: cur.m, subject: { unitPath: cur.unitPath }, communeId }),
      staleMessage: () => 'Mô hình vừa được người khác sửa. Vui lòng tải lại.',
      check: (row) => (step === 'publish' && !row?.story?.trim() ? [{ field: 'story', message: 'Câu chuyện điển hình: cần có trước khi công bố.' }] : []),
      set: () =>
        step === 'publish' ? { publishedAt: now, publishedBy: actor.userId, updatedAt: now } : { publishedAt: null, publishedBy: null, updatedAt: now },
      audit: (before, after) => ({
        summary:
          step === 'publish'
            ? `Công bố mô hình điển hình "${after.title}" ngày ${formatDateVi(todayVn(now))}`
            : `Thôi công bố mô hình điển hình "${after.title}"`,
        before: before ? modelRecord(before) : null,
        after: modelRecord(after),
      }),
      notice: (row) => ({
        title: `Mô hình "${row.title}" đã được công bố`,
        body: `${cur.personName ?? cur.unitName}: mô hình điển hình được công bố trên cổng thông tin của xã.`,
        link: '/models',
      }),
    });
    return modelDetail(tx, actor, communeId, id);
  });
}
