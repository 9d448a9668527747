import { rolePermissions, roles as allRoles, type Permission, type Role } from '@tds/contracts';
import type { Actor, ActorRole } from './actor';
import type { Scope } from './tenancy';

/** What `tds_session_actor()` returns for a session (one statement per request). */
export interface SessionActorRow {
  sessionId: string;
  csrfToken: string;
  createdAt: number;
  user: { id: string; username: string; fullName: string; disabled: boolean; mustChangePassword: boolean };
  roles: { role: string; provinceId: string | null; communeId: string | null; unitId: string | null; unitPath: string | null }[];
  communes: { id: string; provinceId: string }[];
}

/** Build the actor of a session: roles with unit paths, permissions, and the visible scope. Pure. */
export function buildActor(row: SessionActorRow, token: string): Actor {
  const roles: ActorRole[] = row.roles
    .filter((r) => (allRoles as readonly string[]).includes(r.role))
    .map((r) => ({ role: r.role as Role, provinceId: r.provinceId, communeId: r.communeId, unitId: r.unitId, unitPath: r.unitPath ?? null }));
  const permissions = new Set<Permission>(roles.flatMap((r) => rolePermissions[r.role]));
  const all = roles.some((r) => r.role === 'system_admin');
  const provinceIds = [...new Set(roles.filter((r) => r.provinceId && !r.communeId).map((r) => r.provinceId!))];
  const communeProvince = new Map<string, string>(all ? [] : row.communes.map((c) => [c.id, c.provinceId]));
  const readProvinceIds = [...new Set([...provinceIds, ...communeProvince.values()])];
  const scope: Scope = { all, communeIds: all ? [] : [...communeProvince.keys()], provinceIds, readProvinceIds, token };
  return {
    userId: row.user.id,
    username: row.user.username,
    fullName: row.user.fullName,
    roles,
    permissions,
    scope,
    communeProvince,
    mustChangePassword: row.user.mustChangePassword,
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
  };
}
