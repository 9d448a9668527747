import { clockNow } from '@tds/contracts';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { residentUpdateInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { mapResident, residentRecord } from './training.mapper';
import { assertVillage } from './training.policy';
import { completedModules, nationalIdHash, residentFor, residentKeys, unitOfKind } from './training.store';
import { resident } from './training.table';
import { idKeyOrRefuse, VILLAGE_MESSAGE } from './create-resident';
import { inTraining, refreshCoverage } from './training-context';

/** Correct a resident (optimistic locking by version); a national ID another resident holds is refused. */
export async function updateResident(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof residentUpdateInput>;
  idKey: string | undefined;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const before = await residentFor(tx, communeId, opts.id, { lock: true });
    assertVillage(reach, before.villageId);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    const village = await unitOfKind(tx, communeId, input.villageId ?? before.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    assertVillage(reach, village.id);
    const keys = input.fullName ? residentKeys(input.fullName) : {};
    let id: { idHash?: string | null; idLast4?: string | null } = {};
    if (input.nationalId !== undefined) {
      const idHash = input.nationalId ? nationalIdHash(idKeyOrRefuse(opts.idKey), input.nationalId) : null;
      const [holder] = idHash
        ? await tx
            .select({ id: resident.id })
            .from(resident)
            .where(and(eq(resident.communeId, communeId), eq(resident.idHash, idHash), isNull(resident.mergedIntoId), ne(resident.id, before.id)))
        : [];
      if (holder) {
        const message = 'Số định danh này đã có ở một người dân khác: gộp hai người thay vì sửa.';
        throw new AppError('RESIDENT_DUPLICATE', message, [{ field: 'nationalId', message }]);
      }
      id = { idHash, idLast4: input.nationalId ? input.nationalId.slice(-4) : null };
    }
    const [row] = await tx
      .update(resident)
      .set({
        villageId: village.id,
        ...keys,
        ...(input.birthYear !== undefined ? { birthYear: input.birthYear } : {}),
        ...(input.gender ? { gender: input.gender } : {}),
        ...(input.phone !== undefined ? { phone: input.phone || null } : {}),
        ...(input.learnerGroup ? { learnerGroup: input.learnerGroup } : {}),
        ...id,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(and(eq(resident.communeId, communeId), eq(resident.id, before.id)))
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'resident',
      entityId: before.id,
      communeId,
      summary: `Sửa thông tin người dân ${row!.fullName}`,
      before: residentRecord(before),
      after: residentRecord(row!),
    });
    // The age or the village decide the coverage.
    if (row!.birthYear !== before.birthYear || row!.villageId !== before.villageId) await refreshCoverage(tx, communeId, ['2025-01-01'], now);
    return mapResident(reach, row!, village.name, (await completedModules(tx, communeId, [row!.id])).get(row!.id) ?? []);
  });
}
