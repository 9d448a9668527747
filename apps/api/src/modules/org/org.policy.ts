import { rolePermissions, type Unit, type UnitPage } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { can, canInCommune, type Resource } from '../../platform/authorize';

/** What writing a unit is checked against: the unit's own path (the PATCH route and `can.edit` both use it). */
export const unitResource = (communeId: string, unitPath: string | null): Resource => ({ communeId, unitPath });

/** What `actor` may do with the unit at `unitPath`: edit, move, close or merge it (one PATCH route). */
export function unitAbilities(actor: Actor, communeId: string, unitPath: string | null): Unit['can'] {
  return { edit: can(actor, 'org.unit.write', unitResource(communeId, unitPath)) };
}

/**
 * What `actor` may do on the commune's list of units: add a unit (the create route checks the parent's
 * path), import (the import route checks the commune), export (the export route checks `org.read`).
 */
export function unitListAbilities(actor: Actor, communeId: string): UnitPage['can'] {
  return {
    create: canInCommune(actor, 'org.unit.write', communeId),
    import: can(actor, 'org.unit.write', { communeId }),
    export: can(actor, 'org.read', { communeId }),
  };
}

/**
 * A key equal for two actors exactly when `unitAbilities` and `unitListAbilities` answer them alike on
 * every unit of the commune, so a page with its `can` may be shared between them: a role over the whole
 * commune decides every unit alike; otherwise only the unit-scoped roles holding `org.unit.write` there
 * matter (each covers its own subtree).
 */
export function unitAbilityKey(actor: Actor, communeId: string): string {
  const read = can(actor, 'org.read', { communeId }) ? 'r' : '-';
  if (can(actor, 'org.unit.write', { communeId })) return `${read}all`;
  const units = actor.roles
    .filter((r) => r.communeId === communeId && !!r.unitId && rolePermissions[r.role].includes('org.unit.write'))
    .map((r) => r.unitId)
    .sort();
  return `${read}${units.join(',')}`;
}
