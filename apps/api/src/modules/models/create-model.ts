import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, modelKindLabelsVi, modelWorkflow, type Model, type modelInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { lockOpKey } from '../../platform/op-key';
import { runTransition } from '../../platform/workflow';
import { exemplaryModel, type ModelRow } from './models.table';
import { modelRecord } from './models.mapper';
import { modelSearchKey, movementContentOf, periodOf, resolveHolder } from './models.store';
import { modelDetail } from './get-model';
import { inModels } from './models-context';

/**
 * Record an exemplary model (a unit role for its own units, the commune office for any): a
 * collective (a unit) or an individual (a person of the list), its story, the movement content it
 * belongs to (the plan's content item or free text) and its period. It starts unpublished. A retry
 * by the same user with the same `opKey` records nothing more and answers with the model.
 */
export async function createModel(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: z.infer<typeof modelInput>;
  now?: Date;
}): Promise<Model> {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inModels({ ...opts, permission: 'model.write' }, async (tx) => {
    const holder = await resolveHolder(tx, communeId, input.kind, input.unitId, input.personId);
    if (input.opKey) {
      await lockOpKey(tx, communeId, input.opKey);
      const [done] = await tx
        .select({ id: exemplaryModel.id })
        .from(exemplaryModel)
        .where(and(eq(exemplaryModel.communeId, communeId), eq(exemplaryModel.opKey, input.opKey), eq(exemplaryModel.createdBy, actor.userId)));
      if (done) return modelDetail(tx, actor, communeId, done.id);
    }
    const { row } = await runTransition(tx, actor, opts.meta, {
      workflow: modelWorkflow,
      transition: 'create',
      now,
      table: exemplaryModel,
      load: async () => ({ row: null as ModelRow | null, subject: { unitPath: holder.unit.path }, communeId }),
      set: async () => {
        const title = cleanText(input.title);
        return {
          kind: input.kind,
          title,
          unitId: holder.unit.id,
          personId: holder.person?.id ?? null,
          story: input.story ? input.story.normalize('NFC').trim() || null : null,
          ...(await movementContentOf(tx, communeId, input)),
          ...periodOf(input.from, input.to, input.year, now),
          searchKey: modelSearchKey(title, holder.unit.name, holder.person?.fullName ?? null),
          opKey: input.opKey ?? null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
      },
      insert: async (values) =>
        (
          await tx
            .insert(exemplaryModel)
            .values({ ...(values as typeof exemplaryModel.$inferInsert), communeId })
            .returning()
        )[0] ?? null,
      audit: (_b, after) => ({
        summary: `Ghi nhận mô hình ${modelKindLabelsVi[after.kind].toLowerCase()} điển hình "${after.title}" (${holder.person?.fullName ?? holder.unit.name})`,
        after: modelRecord(after),
      }),
    });
    return modelDetail(tx, actor, communeId, row.id);
  });
}
