import { rolePermissions, type Permission } from '@tds/contracts';
import type { Actor, ActorRole } from './actor';
import { AppError } from './errors';

/** What a permission is checked against: a commune (and its province), optionally a unit path. */
export interface Resource {
  provinceId?: string | null;
  communeId?: string | null;
  /** Materialised path of the unit concerned ("/root/child/"), for unit-scoped roles. */
  unitPath?: string | null;
}

function roleCovers(r: ActorRole, permission: Permission, res: Resource, provinceOf: (c: string) => string | undefined): boolean {
  if (!rolePermissions[r.role].includes(permission)) return false;
  if (r.role === 'system_admin') return true;
  const resProvince = res.provinceId ?? (res.communeId ? provinceOf(res.communeId) : undefined) ?? null;
  if (r.provinceId && !r.communeId) return resProvince === r.provinceId;
  if (!r.communeId || res.communeId !== r.communeId) return false;
  if (!r.unitId) return true;
  // Unit-scoped roles read the whole commune but write only in their own subtree.
  if (permission.endsWith('.read')) return true;
  return !!res.unitPath && res.unitPath.includes(`/${r.unitId}/`);
}

/** Pure check: may `actor` do `permission` on `resource`? */
export function can(actor: Actor, permission: Permission, resource: Resource = {}): boolean {
  return actor.roles.some((r) => roleCovers(r, permission, resource, (c) => actor.communeProvince.get(c)));
}

/**
 * May `actor` do `permission` on some record of the commune: a role over the whole commune (or its
 * province, or the system), or a unit-scoped role in it (which covers its own subtree there). The
 * list-level "may add here"; the record-level decision is `can` with the record's unit path.
 */
export function canInCommune(actor: Actor, permission: Permission, communeId: string): boolean {
  return (
    can(actor, permission, { communeId }) || actor.roles.some((r) => r.communeId === communeId && !!r.unitId && rolePermissions[r.role].includes(permission))
  );
}

/** True when the actor holds `permission` anywhere (used to gate routes before loading anything). */
export function holds(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** True when the commune is inside the actor's visible scope. */
export function seesCommune(actor: Actor, communeId: string): boolean {
  return actor.scope.all || actor.scope.communeIds.includes(communeId);
}

/** Throw NOT_FOUND when the commune is outside what the actor may see (before anything is loaded). */
export function assertVisible(actor: Actor, communeId: string): void {
  if (!seesCommune(actor, communeId)) throw new AppError('NOT_FOUND');
}

/**
 * Throw NOT_FOUND when the commune is not visible to the actor at all, FORBIDDEN when it is
 * visible but the permission does not cover the resource.
 */
export function authorize(actor: Actor, permission: Permission, resource: Resource): void {
  if (resource.communeId && !seesCommune(actor, resource.communeId)) throw new AppError('NOT_FOUND');
  if (!can(actor, permission, resource)) throw new AppError('FORBIDDEN');
}

/** True when the province is inside what the actor may see: its own, or that of one of its communes. */
export function seesProvince(actor: Actor, provinceId: string): boolean {
  return (
    actor.scope.all || (actor.scope.readProvinceIds ?? actor.scope.provinceIds).includes(provinceId) || [...actor.communeProvince.values()].includes(provinceId)
  );
}

/**
 * The one province check: NOT_FOUND when the province is not visible to the actor at all,
 * FORBIDDEN when it is visible but the permission does not cover it at province level.
 */
export function authorizeProvince(actor: Actor, permission: Permission, provinceId: string): void {
  if (!seesProvince(actor, provinceId)) throw new AppError('NOT_FOUND');
  if (!can(actor, permission, { provinceId })) throw new AppError('FORBIDDEN');
}
