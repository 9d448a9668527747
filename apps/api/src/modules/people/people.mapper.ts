import type { Person } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import type { PersonRow } from './people.table';
import { personAbilities } from './people.policy';

/** Person row (with its unit's name) -> what the audit log keeps (no `can`: that is per user). */
export function personRecord(r: PersonRow, unitName: string): Omit<Person, 'can'> {
  return {
    id: r.id,
    communeId: r.communeId,
    unitId: r.unitId,
    unitName,
    fullName: r.fullName,
    gender: r.gender as Person['gender'],
    birthYear: r.birthYear,
    position: r.position,
    active: r.active,
    version: r.version,
  };
}

/** Person row (with its unit's name and path) -> response, with what `actor` may do with it. */
export function mapPerson(actor: Actor, r: PersonRow, unit: { name: string; path: string }): Person {
  return { ...personRecord(r, unit.name), can: personAbilities(actor, r.communeId, unit.path) };
}
