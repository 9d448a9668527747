import type { Person } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { can, canInCommune, type Resource } from '../../platform/authorize';

/** What writing a person of this unit is checked against (the PATCH route and `can.edit` both use it). */
export const personResource = (communeId: string, unitPath: string | null): Resource => ({ communeId, unitPath });

/** What `actor` may do with a person of the unit at `unitPath`. */
export function personAbilities(actor: Actor, communeId: string, unitPath: string | null): Person['can'] {
  return { edit: can(actor, 'person.write', personResource(communeId, unitPath)) };
}

/** What `actor` may do on the commune's list of people. */
export function peopleListAbilities(actor: Actor, communeId: string) {
  return { create: canInCommune(actor, 'person.write', communeId), readUnits: can(actor, 'org.read', { communeId }) };
}
