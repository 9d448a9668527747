import type { z } from 'zod';
import type { planCreateInput } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { loadUnit } from '../org';
import { planVersion, type PlanRow } from './plans.table';

/** Unit path of a plan's owner, for unit-scoped writers; null for the commune's own plans. */
export async function ownerPath(tx: Tx, communeId: string, ownerUnitId: string | null): Promise<string | null> {
  if (!ownerUnitId) return null;
  const u = await loadUnit(tx, communeId, ownerUnitId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại trong xã/phường này.', [{ field: 'ownerUnitId', message: 'Không tìm thấy đơn vị.' }]);
  });
  return u.path;
}

/** Store a version of a plan's content. */
export async function addVersion(
  tx: Tx,
  actor: Actor,
  row: PlanRow,
  version: number,
  doc: z.infer<typeof planCreateInput>['doc'],
  note: string | undefined,
  now: Date,
) {
  await tx.insert(planVersion).values({
    communeId: row.communeId,
    planId: row.id,
    version,
    doc,
    note: note ?? null,
    createdAt: now,
    createdBy: actor.userId,
    createdByName: actor.fullName,
  });
}
