import { and, eq } from 'drizzle-orm';
import { personSortKey, searchKey } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { loadUnit } from '../org';
import { person } from './people.table';

/** Search and sort keys of a person (diacritics ignored; Vietnamese name order). */
export const keys = (fullName: string, position?: string | null) => ({
  searchKey: searchKey(`${fullName} ${position ?? ''}`),
  sortKey: personSortKey(fullName),
});

/** One person of a commune with their unit, or NOT_FOUND. */
export async function loadPerson(tx: Tx, communeId: string, id: string) {
  const [row] = await tx
    .select({ p: person, unitName: unit.name, unitPath: unit.path })
    .from(person)
    .innerJoin(unit, and(eq(unit.communeId, person.communeId), eq(unit.id, person.unitId)))
    .where(and(eq(person.communeId, communeId), eq(person.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân.');
  return row;
}

/** The unit a person is put in, or a field error naming unitId. */
export async function unitFor(tx: Tx, communeId: string, unitId: string) {
  return loadUnit(tx, communeId, unitId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại trong xã/phường này.', [{ field: 'unitId', message: 'Không tìm thấy đơn vị.' }]);
  });
}
