import { eq, inArray } from 'drizzle-orm';
import { rolePermissions, roles as allRoles, type Permission, type Role } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor, ActorRole } from '../../platform/actor';
import type { Scope } from '../../platform/tenancy';
import { commune, unit } from '../org/org.table';
import { roleAssignment, type AppUserRow } from '../users/users.table';

/** Build the actor of a user: roles with unit paths, permissions, and the visible scope. */
export async function loadActor(tx: Tx, user: AppUserRow, session: { id: string; csrfToken: string }): Promise<Actor> {
  const rows = await tx
    .select({ role: roleAssignment.role, provinceId: roleAssignment.provinceId, communeId: roleAssignment.communeId, unitId: roleAssignment.unitId, unitPath: unit.path })
    .from(roleAssignment)
    .leftJoin(unit, eq(unit.id, roleAssignment.unitId))
    .where(eq(roleAssignment.userId, user.id));
  const roles: ActorRole[] = rows
    .filter((r) => (allRoles as readonly string[]).includes(r.role))
    .map((r) => ({ role: r.role as Role, provinceId: r.provinceId, communeId: r.communeId, unitId: r.unitId, unitPath: r.unitPath ?? null }));
  const permissions = new Set<Permission>(roles.flatMap((r) => rolePermissions[r.role]));
  const all = roles.some((r) => r.role === 'system_admin');
  const provinceIds = [...new Set(roles.filter((r) => r.provinceId && !r.communeId).map((r) => r.provinceId!))];
  const communeIds = new Set(roles.filter((r) => r.communeId).map((r) => r.communeId!));
  const communeProvince = new Map<string, string>();
  if (!all) {
    const conds = [];
    if (provinceIds.length) conds.push(inArray(commune.provinceId, provinceIds));
    if (communeIds.size) conds.push(inArray(commune.id, [...communeIds]));
    for (const cond of conds) {
      const found = await tx.select({ id: commune.id, provinceId: commune.provinceId }).from(commune).where(cond);
      for (const c of found) {
        communeIds.add(c.id);
        communeProvince.set(c.id, c.provinceId);
      }
    }
  }
  const scope: Scope = { all, communeIds: [...communeIds], provinceIds };
  return {
    userId: user.id,
    username: user.username,
    fullName: user.fullName,
    roles,
    permissions,
    scope,
    communeProvince,
    mustChangePassword: user.mustChangePassword,
    sessionId: session.id,
    csrfToken: session.csrfToken,
  };
}
