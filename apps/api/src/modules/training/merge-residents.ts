import { clockNow } from '@tds/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { mapResident, residentRecord } from './training.mapper';
import { assertVillage } from './training.policy';
import { completedModules, residentFor } from './training.store';
import { attendance, completionEvidence, helpLog, resident, trainingCertificate } from './training.table';
import { inTraining, refreshCoverage } from './training-context';

/**
 * Merge a duplicate into the resident it repeats: every attendance, help and completion moves to
 * the one kept (an attendance both had at the same session counts once), the duplicate keeps a
 * pointer to it (marks sent for it later follow the merge). A repeat of a merge already done
 * returns the kept resident.
 */
export async function mergeResidents(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; intoId: string; now?: Date }) {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    if (opts.id === opts.intoId)
      throw new AppError('VALIDATION_FAILED', 'Không thể gộp một người với chính họ.', [{ field: 'intoId', message: 'Chọn một người khác.' }]);
    const [raw] = await tx
      .select()
      .from(resident)
      .where(and(eq(resident.communeId, communeId), eq(resident.id, opts.id)))
      .for('update');
    if (!raw) throw new AppError('NOT_FOUND', 'Không tìm thấy người dân.');
    const into = await residentFor(tx, communeId, opts.intoId, { lock: true, follow: true });
    assertVillage(reach, raw.villageId);
    assertVillage(reach, into.villageId);
    const [v] = await tx
      .select({ name: unit.name })
      .from(unit)
      .where(and(eq(unit.communeId, communeId), eq(unit.id, into.villageId)));
    if (raw.mergedIntoId) {
      if (raw.mergedIntoId !== into.id) throw new AppError('INVALID_TRANSITION', 'Người này đã được gộp vào một người khác.');
      return mapResident(reach, into, v!.name, (await completedModules(tx, communeId, [into.id])).get(into.id) ?? []);
    }
    const from = raw.id;
    // Attendance: move what the kept resident lacks, drop the rest.
    await tx.execute(sql`
      insert into attendance (commune_id, session_id, resident_id, marked_by, marked_at)
      select commune_id, session_id, ${into.id}, marked_by, marked_at from attendance where commune_id = ${communeId} and resident_id = ${from}
      on conflict do nothing`);
    await tx.delete(attendance).where(and(eq(attendance.communeId, communeId), eq(attendance.residentId, from)));
    await tx.execute(sql`
      insert into completion_evidence (commune_id, resident_id, module_code, certificate_no, completed_on, created_by, created_at)
      select commune_id, ${into.id}, module_code, certificate_no, completed_on, created_by, created_at from completion_evidence
       where commune_id = ${communeId} and resident_id = ${from}
      on conflict do nothing`);
    await tx.delete(completionEvidence).where(and(eq(completionEvidence.communeId, communeId), eq(completionEvidence.residentId, from)));
    await tx
      .update(trainingCertificate)
      .set({ residentId: into.id })
      .where(and(eq(trainingCertificate.communeId, communeId), eq(trainingCertificate.residentId, from)));
    await tx
      .update(helpLog)
      .set({ residentId: into.id })
      .where(and(eq(helpLog.communeId, communeId), eq(helpLog.residentId, from)));
    await tx
      .update(resident)
      .set({
        mergedIntoId: into.id,
        // The kept resident takes the national ID when it had none.
        idHash: null,
        version: raw.version + 1,
        updatedAt: now,
      })
      .where(and(eq(resident.communeId, communeId), eq(resident.id, from)));
    const kept =
      !into.idHash && raw.idHash
        ? (
            await tx
              .update(resident)
              .set({ idHash: raw.idHash, idLast4: raw.idLast4, version: into.version + 1, updatedAt: now })
              .where(and(eq(resident.communeId, communeId), eq(resident.id, into.id)))
              .returning()
          )[0]!
        : into;
    await writeAudit(tx, actor, opts.meta, {
      action: 'merge',
      entityType: 'resident',
      entityId: from,
      communeId,
      summary: `Gộp người dân ${raw.fullName} (${raw.birthYear}) vào ${into.fullName} (${into.birthYear})`,
      before: residentRecord(raw),
      after: { mergedIntoId: into.id },
    });
    await refreshCoverage(tx, communeId, ['2025-01-01'], now);
    return mapResident(reach, kept, v!.name, (await completedModules(tx, communeId, [into.id])).get(into.id) ?? []);
  });
}
