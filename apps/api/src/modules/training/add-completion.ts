import type { z } from 'zod';
import { todayVn, cleanText, type completionInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { and, eq } from 'drizzle-orm';
import { mapResident } from './training.mapper';
import { assertVillage } from './training.policy';
import { checkModuleCodes, completedModules, residentFor } from './training.store';
import { completionEvidence } from './training.table';
import { inTraining, refreshCoverage } from './training-context';

/** A module completed on the national learning platform, by its certificate number (once per module; a repeat changes nothing). */
export async function addCompletion(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof completionInput>;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  if (input.completedOn > todayVn(now))
    throw new AppError('VALIDATION_FAILED', 'Ngày hoàn thành không được sau hôm nay.', [
      { field: 'completedOn', message: 'Ngày hoàn thành không được sau hôm nay.' },
    ]);
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const r = await residentFor(tx, communeId, opts.id, { follow: true });
    assertVillage(reach, r.villageId);
    await checkModuleCodes(tx, communeId, [input.moduleCode], 'moduleCode');
    const inserted = await tx
      .insert(completionEvidence)
      .values({
        communeId,
        residentId: r.id,
        moduleCode: input.moduleCode,
        certificateNo: cleanText(input.certificateNo),
        completedOn: input.completedOn,
        createdBy: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await writeAudit(tx, actor, opts.meta, {
        action: 'create',
        entityType: 'completion_evidence',
        entityId: r.id,
        communeId,
        summary: `Ghi nhận ${r.fullName} hoàn thành học phần ${input.moduleCode} (chứng nhận số ${cleanText(input.certificateNo)})`,
      });
      await refreshCoverage(tx, communeId, [input.completedOn], now);
    }
    const [v] = await tx
      .select({ name: unit.name })
      .from(unit)
      .where(and(eq(unit.communeId, communeId), eq(unit.id, r.villageId)));
    return mapResident(reach, r, v!.name, (await completedModules(tx, communeId, [r.id])).get(r.id) ?? []);
  });
}
