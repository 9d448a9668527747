import { rolePermissions, roles, roleScopeLevel, type RoleAssignment, type RoleAssignmentInput, type User, type UserPage } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { assertVisible, can, canInCommune } from '../../platform/authorize';
import { AppError } from '../../platform/errors';

/** The shape a role assignment must have for its scope level; null when it is fine. */
export function roleShapeError(r: RoleAssignmentInput): string | null {
  switch (roleScopeLevel[r.role]) {
    case 'system':
      return r.provinceId || r.communeId || r.unitId ? 'Vai trò quản trị hệ thống không gắn với tỉnh, xã hay đơn vị.' : null;
    case 'province':
      return r.provinceId && !r.communeId && !r.unitId ? null : 'Vai trò cấp tỉnh cần chọn đúng một tỉnh/thành phố.';
    case 'commune':
      return r.communeId && !r.unitId ? null : 'Vai trò cấp xã cần chọn một xã/phường.';
    case 'unit':
      return r.communeId && r.unitId ? null : 'Vai trò cấp đơn vị cần chọn xã/phường và đơn vị.';
  }
}

/**
 * May the actor grant this role? System administrators grant anything; a commune administrator
 * grants commune- and unit-level roles inside their own commune only.
 */
export function mayGrant(actor: Actor, r: RoleAssignmentInput): boolean {
  const level = roleScopeLevel[r.role];
  if (level === 'system') return actor.scope.all && can(actor, 'user.manage', {});
  if (level === 'province') return can(actor, 'user.manage', { provinceId: r.provinceId ?? null }) && actor.roles.some((x) => x.role === 'system_admin');
  return can(actor, 'user.manage', { communeId: r.communeId ?? null });
}

/** Where a user belongs, from their roles when not given: the commune of their first commune-level role. */
export function homeOf(input: { communeId?: string | null | undefined; roles: RoleAssignmentInput[] }): {
  communeId: string | null;
  provinceId: string | null;
} {
  const communeId = input.communeId ?? input.roles.find((r) => r.communeId)?.communeId ?? null;
  const provinceId = communeId ? null : (input.roles.find((r) => r.provinceId)?.provinceId ?? null);
  return { communeId, provinceId };
}

/** Resource of a user for permission checks: their home commune or province. */
export const resourceOf = (u: { communeId: string | null; provinceId: string | null }) => ({ communeId: u.communeId, provinceId: u.provinceId });

/** May the actor manage this user: only when every role the user holds lies within the actor's scope. */
export function isManageable(
  actor: Actor,
  u: { communeId: string | null; provinceId: string | null },
  visibleRoles: RoleAssignment[],
  outsideRoles: number,
): boolean {
  return outsideRoles === 0 && visibleRoles.every((r) => mayGrant(actor, r)) && can(actor, 'user.manage', resourceOf(u));
}

/** Pure checks of requested roles: the communes visible, the shape per scope level, the actor's right to grant them. */
export function checkGrants(actor: Actor, roles: RoleAssignmentInput[]): void {
  // A commune the actor cannot see at all is not found, whatever else is asked of it.
  for (const r of roles) if (r.communeId) assertVisible(actor, r.communeId);
  for (const [i, r] of roles.entries()) {
    const shape = roleShapeError(r);
    if (shape) throw new AppError('VALIDATION_FAILED', shape, [{ field: `roles.${i}`, message: shape }]);
    if (!mayGrant(actor, r))
      throw new AppError('FORBIDDEN', 'Bạn không có quyền giao vai trò này ở phạm vi đã chọn.', [
        { field: `roles.${i}`, message: 'Không được giao vai trò này.' },
      ]);
  }
}

/**
 * What the actor may do with a user whose manageability is `manageable` (isManageable): the edit,
 * reset-password and unlock routes all require it (loadUser with user.manage); disabling oneself is refused.
 */
export function userAbilities(actor: Actor, u: { id: string }, manageable: boolean): User['can'] {
  return { edit: manageable, resetPassword: manageable, unlock: manageable, disable: manageable && u.id !== actor.userId };
}

/** Scopes where the actor might grant a role: the system, and each commune or province of their roles. */
function grantScopes(actor: Actor): { provinceId?: string | null; communeId?: string | null }[] {
  return [{}, ...actor.roles.map((r) => ({ provinceId: r.provinceId, communeId: r.communeId }))];
}

/**
 * What the actor may do on the users' list: create (within the listed commune, or anywhere when none is
 * given: createUser checks the new user's home), see every commune's users, and the roles they may grant
 * in some scope (mayGrant, the check of the create and edit routes).
 */
export function userListAbilities(actor: Actor, communeId: string | undefined): UserPage['can'] {
  return {
    create: communeId ? canInCommune(actor, 'user.manage', communeId) : actor.roles.some((r) => rolePermissions[r.role].includes('user.manage')),
    listAllCommunes: actor.scope.all,
    grantRoles: roles.filter((role) => grantScopes(actor).some((s) => mayGrant(actor, { role, ...s }))),
  };
}
