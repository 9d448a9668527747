import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import {
  cleanText,
  formatDateVi,
  recognitionKindLabelsVi,
  recognitionLevelLabelsVi,
  recognitionLevelRank,
  type Initiative,
  type recognitionInput,
  clockNow,
} from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError, pgConstraint } from '../../platform/errors';
import { initiativeRecognition } from './initiatives.table';
import { loadInitiative, recognitionNumberKey } from './initiatives.store';
import { initiativeDetail } from './get-initiative';
import { inCommune } from './initiatives-context';

const duplicate = (number: string) => {
  const message = `Số văn bản "${number}" đã được ghi nhận cho sáng kiến này.`;
  return new AppError('DUPLICATE_CODE', message, [{ field: 'number', message }]);
};

/**
 * Record a recognition of an initiative (the commune admin or the chairman): a decision, or a
 * confirmation of its effect, by a body of some level. Not dated before the initiative was first
 * applied; one number once per initiative (a retry of the same recognition is refused the same way).
 */
export async function recognizeInitiative(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof recognitionInput>;
  now?: Date;
}): Promise<Initiative> {
  const { actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  try {
    return await inCommune({ ...opts, permission: 'initiative.recognize' }, async (tx) => {
      authorize(actor, 'initiative.recognize', { communeId });
      const cur = await loadInitiative(tx, communeId, id, { lock: true });
      if (cur.i.firstAppliedOn && input.date < cur.i.firstAppliedOn) {
        const message = `Ngày công nhận (${formatDateVi(input.date)}) không được trước ngày áp dụng lần đầu (${formatDateVi(cur.i.firstAppliedOn)}).`;
        throw new AppError('VALIDATION_FAILED', message, [{ field: 'date', message }]);
      }
      const number = cleanText(input.number);
      const numberKey = recognitionNumberKey(number);
      const [same] = await tx
        .select({ id: initiativeRecognition.id })
        .from(initiativeRecognition)
        .where(and(eq(initiativeRecognition.communeId, communeId), eq(initiativeRecognition.initiativeId, id), eq(initiativeRecognition.numberKey, numberKey)));
      if (same) throw duplicate(number);
      const values = {
        communeId,
        initiativeId: id,
        kind: input.kind,
        number,
        numberKey,
        date: input.date,
        body: cleanText(input.body),
        level: input.level,
        levelRank: recognitionLevelRank(input.level),
        note: input.note ? cleanText(input.note) || null : null,
        createdBy: actor.userId,
        createdAt: now,
      };
      const [row] = await tx.insert(initiativeRecognition).values(values).returning();
      await writeAudit(tx, actor, opts.meta, {
        action: 'recognize',
        entityType: 'initiative',
        entityId: id,
        communeId,
        summary: `${recognitionKindLabelsVi[input.kind]} số ${number} ngày ${formatDateVi(input.date)} (${values.body}, ${recognitionLevelLabelsVi[input.level].toLowerCase()}) cho sáng kiến "${cur.i.title}"`,
        after: { ...values, id: row!.id },
      });
      return initiativeDetail(tx, actor, communeId, id);
    });
  } catch (err) {
    // Two recordings of the same number at the same moment: the unique index refuses the second.
    if (pgConstraint(err) === 'initiative_recognition_number_uq') throw duplicate(cleanText(input.number));
    throw err;
  }
}
