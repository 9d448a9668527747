import type { RoleAssignment, User } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { isManageable, userAbilities } from './users.policy';
import type { AppUserRow } from './users.table';

/** What the database knows of a user beyond the actor's view: every role counted, the sign-in delay. */
export interface UserFacts {
  totalRoles: number;
  loginNextAt: Date | null;
}

/**
 * A user as the actor may see them: the roles inside the actor's view with their names, the others
 * only counted ("vai trò ngoài phạm vi", no detail), and whether the actor may manage the user at
 * all: only when every role the user holds lies within the actor's own scope. Pure.
 */
export function mapUser(actor: Actor, u: AppUserRow, roles: RoleAssignment[], facts: UserFacts | undefined): User {
  const outsideRoles = Math.max(0, (facts?.totalRoles ?? roles.length) - roles.length);
  const manageable = isManageable(actor, u, roles, outsideRoles);
  return {
    id: u.id,
    username: u.username,
    fullName: u.fullName,
    email: u.email,
    communeId: u.communeId,
    personId: u.personId,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    lockedUntil: facts?.loginNextAt ? facts.loginNextAt.toISOString() : null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    roles,
    outsideRoles,
    manageable,
    can: userAbilities(actor, u, manageable),
    version: u.version,
  };
}
