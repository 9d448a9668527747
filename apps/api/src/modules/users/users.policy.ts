import { roleScopeLevel, type RoleAssignmentInput } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { can } from '../../platform/authorize';

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
export function homeOf(input: { communeId?: string | null | undefined; roles: RoleAssignmentInput[] }): { communeId: string | null; provinceId: string | null } {
  const communeId = input.communeId ?? input.roles.find((r) => r.communeId)?.communeId ?? null;
  const provinceId = communeId ? null : input.roles.find((r) => r.provinceId)?.provinceId ?? null;
  return { communeId, provinceId };
}
