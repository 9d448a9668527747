import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, authorizeProvince } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { commune, province } from '../org';
import { loadUnit } from '../org';

/** report.read on a commune (404 outside the actor's scope). */
export function authorizeCommune(actor: Actor, communeId: string): void {
  authorize(actor, 'report.read', { communeId });
}

/** A commune or a province: the two levels the progress views are computed at. */
export type ProgressNode = { communeId: string } | { provinceId: string };

/** report.read on a commune, or province scope on a province. */
export function authorizeNode(actor: Actor, node: ProgressNode): void {
  if ('communeId' in node) authorizeCommune(actor, node.communeId);
  else authorizeProvince(actor, 'report.read', node.provinceId);
}

/** The province's name, or NOT_FOUND. */
export async function provinceName(tx: Tx, provinceId: string): Promise<string> {
  const [p] = await tx.select({ name: province.name }).from(province).where(eq(province.id, provinceId));
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy tỉnh/thành phố.');
  return p.name;
}

/** The commune's name and province, or NOT_FOUND. */
export async function communeInfo(tx: Tx, communeId: string): Promise<{ name: string; kind: string; provinceId: string; provinceName: string }> {
  const [c] = await tx
    .select({ name: commune.name, kind: commune.kind, provinceId: commune.provinceId, provinceName: province.name })
    .from(commune)
    .innerJoin(province, eq(province.id, commune.provinceId))
    .where(eq(commune.id, communeId));
  if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy xã/phường.');
  return c;
}

/** The unit chosen as a node of the tree (query field `unitId`), or VALIDATION_FAILED naming the field. */
export async function nodeUnit(tx: Tx, communeId: string, unitId: string) {
  return loadUnit(tx, communeId, unitId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại trong xã/phường này.', [{ field: 'unitId', message: 'Không tìm thấy đơn vị.' }]);
  });
}
