import type { z } from 'zod';
import { cleanText, modelWorkflow, type Model, type modelUpdateInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { runTransition } from '../../platform/workflow';
import { exemplaryModel } from './models.table';
import { modelResource } from './models.policy';
import { modelRecord } from './models.mapper';
import { loadModel, modelSearchKey, movementContentOf, periodOf, resolveHolder } from './models.store';
import { modelDetail } from './get-model';
import { inModels } from './models-context';

/** Edit an unpublished model (its unit's roles or the commune office), from the version the editor started from. */
export async function updateModel(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof modelUpdateInput>;
  now?: Date;
}): Promise<Model> {
  const { actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  return inModels({ ...opts, permission: 'model.write' }, async (tx) => {
    const cur = await loadModel(tx, communeId, id, { lock: true });
    await runTransition(tx, actor, opts.meta, {
      workflow: modelWorkflow,
      transition: 'update',
      now,
      version: input.version,
      table: exemplaryModel,
      load: async () => ({ row: cur.m, subject: { unitPath: cur.unitPath }, communeId }),
      staleMessage: () => 'Mô hình vừa được người khác sửa. Vui lòng tải lại trước khi lưu.',
      set: async (row) => {
        const m = row!;
        const kind = input.kind ?? m.kind;
        const holderChanged = input.kind !== undefined || input.unitId !== undefined || input.personId !== undefined;
        const holder = holderChanged
          ? await resolveHolder(
              tx,
              communeId,
              kind,
              input.unitId === undefined ? m.unitId : input.unitId,
              input.personId === undefined ? m.personId : input.personId,
            )
          : null;
        // Moving it to another unit needs the right there too.
        if (holder) authorize(actor, 'model.write', modelResource(communeId, holder.unit.path));
        const title = input.title ? cleanText(input.title) : m.title;
        const planChanged = input.planId !== undefined || input.contentOrder !== undefined || input.movementContent !== undefined;
        const content = planChanged
          ? await movementContentOf(tx, communeId, {
              planId: input.planId === undefined ? m.planId : input.planId,
              contentOrder: input.contentOrder === undefined ? m.contentOrder : input.contentOrder,
              movementContent: input.movementContent === undefined ? m.movementContent : input.movementContent,
            })
          : {};
        const from = input.from === undefined ? m.periodFrom : input.from;
        const to = input.to === undefined ? m.periodTo : input.to;
        const yearGiven = input.year ?? (input.from === undefined && input.to === undefined ? m.year : undefined);
        return {
          kind,
          title,
          ...(holder ? { unitId: holder.unit.id, personId: holder.person?.id ?? null } : {}),
          story: input.story === undefined ? m.story : input.story.normalize('NFC').trim() || null,
          ...content,
          ...periodOf(from, to, yearGiven, now),
          searchKey: modelSearchKey(title, holder?.unit.name ?? cur.unitName, holder ? (holder.person?.fullName ?? null) : cur.personName),
          updatedAt: now,
        };
      },
      audit: (before, after) => ({ summary: `Sửa mô hình điển hình "${after.title}"`, before: before ? modelRecord(before) : null, after: modelRecord(after) }),
    });
    return modelDetail(tx, actor, communeId, id);
  });
}
