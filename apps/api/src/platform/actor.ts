import type { Permission, Role } from '@tds/contracts';
import type { Scope } from './tenancy';

/** A role assignment as the server uses it. */
export interface ActorRole {
  role: Role;
  provinceId: string | null;
  communeId: string | null;
  unitId: string | null;
  /** Path of the scope unit ("/a/b/"), for unit-scoped roles. */
  unitPath: string | null;
}

/** The signed-in user making a request. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  roles: ActorRole[];
  permissions: ReadonlySet<Permission>;
  /** Rows this actor may see at all (row-level security scope). */
  scope: Scope;
  /** Province of each visible commune, for province-scoped checks. */
  communeProvince: ReadonlyMap<string, string>;
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/** Request metadata carried into audit entries. */
export interface RequestMeta {
  requestId?: string;
  ip?: string;
}
