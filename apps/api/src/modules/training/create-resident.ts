import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { residentInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { mapResident, residentRecord } from './training.mapper';
import { assertVillage } from './training.policy';
import { completedModules, findDuplicates, nationalIdHash, residentKeys, unitOfKind } from './training.store';
import { resident } from './training.table';
import { inTraining } from './training-context';

export const VILLAGE_MESSAGE = 'Chọn thôn, tổ dân phố của xã.';

/** The server's key for national IDs, or a refusal when the server has none (production without RESIDENT_ID_KEY). */
export function idKeyOrRefuse(idKey: string | undefined): string {
  if (!idKey) {
    const message = 'Máy chủ chưa cấu hình khóa bảo vệ số định danh (RESIDENT_ID_KEY) nên chưa nhận số định danh. Bỏ trống ô này hoặc báo quản trị hệ thống.';
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'nationalId', message }]);
  }
  return idKey;
}

/**
 * Add a resident of a village the actor's team serves. Possible duplicates (same national ID; same
 * name, birth year and village; same phone) are answered RESIDENT_DUPLICATE with the candidates, so
 * the user picks one, merges, or confirms (`confirmNew`); the same national ID is never added twice.
 * A replay of the same operation key returns the resident it added.
 */
export async function createResident(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: z.infer<typeof residentInput>;
  idKey: string | undefined;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    if (input.opKey) {
      const [done] = await tx
        .select()
        .from(resident)
        .where(and(eq(resident.communeId, communeId), eq(resident.opKey, input.opKey)));
      if (done) {
        assertVillage(reach, done.villageId);
        const v = await unitOfKind(tx, communeId, done.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
        return mapResident(reach, done, v.name, (await completedModules(tx, communeId, [done.id])).get(done.id) ?? []);
      }
    }
    const village = await unitOfKind(tx, communeId, input.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    assertVillage(reach, village.id);
    const keys = residentKeys(input.fullName);
    const idHash = input.nationalId ? nationalIdHash(idKeyOrRefuse(opts.idKey), input.nationalId) : null;
    const phone = input.phone || null;
    const candidates = await findDuplicates(tx, communeId, { idHash, nameKey: keys.nameKey, birthYear: input.birthYear, villageId: village.id, phone });
    const sameId = candidates.some((c) => c.reason === 'national_id');
    if (candidates.length && (sameId || !input.confirmNew)) {
      const message = sameId
        ? 'Số định danh này đã có trong danh sách người dân của xã. Chọn người đã có (hoặc sửa số định danh).'
        : 'Có thể người dân này đã có trong danh sách. Chọn người đã có, hoặc xác nhận thêm mới.';
      throw new AppError(
        'RESIDENT_DUPLICATE',
        message,
        candidates.map((c) => ({
          field: sameId ? 'nationalId' : 'fullName',
          message: `${c.fullName} (${c.birthYear}, ${c.villageName}${c.idLast4 ? `, số định danh …${c.idLast4}` : ''})`,
        })),
      );
    }
    const [row] = await tx
      .insert(resident)
      .values({
        communeId,
        villageId: village.id,
        ...keys,
        birthYear: input.birthYear,
        gender: input.gender,
        phone,
        learnerGroup: input.learnerGroup,
        idHash,
        idLast4: input.nationalId ? input.nationalId.slice(-4) : null,
        opKey: input.opKey ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'resident',
      entityId: row!.id,
      communeId,
      summary: `Thêm người dân ${row!.fullName} (${row!.birthYear}, ${village.name})`,
      after: residentRecord(row!),
    });
    return mapResident(reach, row!, village.name, []);
  });
}
