import { todayVn } from '@tds/contracts';
import type { Commune, Province, Unit } from '@tds/contracts';
import type { CommuneRow, UnitRow } from './org.table';
import { isActiveOn } from './org.rules';
import { unitAbilities } from './org.policy';
import type { Actor } from '../../platform/actor';

/** The columns a unit response needs (lists select only these). */
export type UnitFields = Pick<
  UnitRow,
  | 'id'
  | 'communeId'
  | 'code'
  | 'name'
  | 'kind'
  | 'parentId'
  | 'contactName'
  | 'phone'
  | 'email'
  | 'address'
  | 'activeFrom'
  | 'activeTo'
  | 'mergedIntoId'
  | 'version'
>;

/** Unit row -> its record without `can` (what the audit log keeps; `can` is per user). */
export function mapUnitRecord(r: UnitFields, today = todayVn()): Omit<Unit, 'can'> {
  return {
    id: r.id,
    communeId: r.communeId,
    code: r.code,
    name: r.name,
    kind: r.kind as Unit['kind'],
    parentId: r.parentId,
    contactName: r.contactName,
    phone: r.phone,
    email: r.email,
    address: r.address,
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
    mergedIntoId: r.mergedIntoId,
    active: isActiveOn(r, today),
    version: r.version,
  };
}

/** Unit row -> response, with what `actor` may do with it. */
export function mapUnit(actor: Actor, r: UnitFields & Pick<UnitRow, 'path'>, today = todayVn()): Unit {
  return { ...mapUnitRecord(r, today), can: unitAbilities(actor, r.communeId, r.path) };
}

/** Commune row (with its province's name) -> response. */
export function mapCommune(r: CommuneRow & { provinceName: string }): Commune {
  return {
    id: r.id,
    provinceId: r.provinceId,
    provinceName: r.provinceName,
    code: r.code,
    name: r.name,
    kind: r.kind as Commune['kind'],
    activeFrom: r.activeFrom,
    activeTo: r.activeTo,
  };
}

export function mapProvince(r: { id: string; code: string; name: string; communeCount: number }): Province {
  return { id: r.id, code: r.code, name: r.name, communeCount: Number(r.communeCount) };
}
