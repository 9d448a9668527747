import { and, eq, sql } from 'drizzle-orm';
import { searchKey, vietnameseSortKey } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { unit, type UnitRow } from './org.table';

/** Load one unit of a commune, or NOT_FOUND. */
export async function loadUnit(tx: Tx, communeId: string, id: string): Promise<UnitRow> {
  const [row] = await tx
    .select()
    .from(unit)
    .where(and(eq(unit.communeId, communeId), eq(unit.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy đơn vị.');
  return row;
}

/** Load a unit by code (case-insensitive), or undefined. */
export async function findUnitByCode(tx: Tx, communeId: string, code: string): Promise<UnitRow | undefined> {
  const [row] = await tx
    .select()
    .from(unit)
    .where(and(eq(unit.communeId, communeId), sql`lower(${unit.code}) = ${code.toLowerCase()}`));
  return row;
}

/** Derived columns kept by the application: search and sort keys. */
export function unitKeys(v: { code: string; name: string }) {
  return { searchKey: searchKey(`${v.code} ${v.name}`), sortKey: vietnameseSortKey(v.name) };
}

/** Re-root the paths of a moved subtree. */
export async function movePaths(tx: Tx, communeId: string, oldPath: string, newPath: string): Promise<void> {
  await tx
    .update(unit)
    .set({ path: sql`${newPath} || substr(${unit.path}, ${oldPath.length + 1})` })
    .where(and(eq(unit.communeId, communeId), sql`${unit.path} like ${oldPath + '%'}`));
}

export const duplicateCode = (code: string) =>
  new AppError('DUPLICATE_CODE', `Mã đơn vị "${code}" đã có trong xã/phường này.`, [{ field: 'code', message: `Mã "${code}" đã tồn tại.` }]);
