import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { RoleAssignment, RoleAssignmentInput, User } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { tables as org } from '../org';
import { tables as people } from '../people';
import { describeRoles } from './role-names';
import { mapUser, type UserFacts } from './users.mapper';
import { checkGrants, resourceOf } from './users.policy';
import { appUser, roleAssignment, type AppUserRow } from './users.table';

/**
 * How many roles each user holds in all, including the ones row-level security hides from the
 * actor, and until when their sign-in attempts must wait.
 */
async function userFacts(tx: Tx, ids: string[]): Promise<Map<string, UserFacts>> {
  const r = await tx.execute(sql`select user_id::text as id, total_roles as total, login_next_at as next from tds_user_facts(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(
    rowsOf<{ id: string; total: number; next: string | Date | null }>(r).map((x) => [
      x.id,
      { totalRoles: Number(x.total), loginNextAt: x.next ? new Date(x.next) : null },
    ]),
  );
}

/** Users as the actor may see them: their visible roles named, the others counted (see mapUser). */
export async function presentUsers(tx: Tx, actor: Actor, rows: AppUserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = await tx.select().from(roleAssignment).where(inArray(roleAssignment.userId, ids)).orderBy(asc(roleAssignment.createdAt));
  const facts = await userFacts(tx, ids);
  const described = await describeRoles(tx, roles);
  const byUser = new Map<string, RoleAssignment[]>();
  roles.forEach((r, i) => byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), described[i]!]));
  return rows.map((u) => mapUser(actor, u, byUser.get(u.id) ?? [], facts.get(u.id)));
}

/**
 * One user for the actor: 404 when row-level security hides it, 403 when visible but not readable
 * (or, for `user.manage`, when a role of the user lies outside the actor's scope).
 */
export async function loadUser(tx: Tx, actor: Actor, id: string, permission: 'user.read' | 'user.manage'): Promise<AppUserRow> {
  const [u] = await tx.select().from(appUser).where(eq(appUser.id, id));
  if (!u) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  authorize(actor, 'user.read', resourceOf(u));
  authorize(actor, permission, resourceOf(u));
  if (permission === 'user.manage' && !(await presentUsers(tx, actor, [u]))[0]!.manageable) {
    throw new AppError(
      'FORBIDDEN',
      'Người dùng này có vai trò ngoài phạm vi quản lý của bạn; chỉ người quản lý được mọi vai trò của họ mới được sửa, đặt lại mật khẩu hay mở khóa.',
    );
  }
  return u;
}

/** The grants are allowed (pure checks) and every unit of a role belongs to the role's commune. */
export async function checkRoles(tx: Tx, actor: Actor, roles: RoleAssignmentInput[]): Promise<void> {
  checkGrants(actor, roles);
  for (const [i, r] of roles.entries()) {
    if (r.unitId) {
      const [u] = await tx
        .select({ id: org.unit.id })
        .from(org.unit)
        .where(and(eq(org.unit.communeId, r.communeId!), eq(org.unit.id, r.unitId)));
      if (!u)
        throw new AppError('VALIDATION_FAILED', 'Đơn vị của vai trò không thuộc xã/phường đã chọn.', [
          { field: `roles.${i}`, message: 'Đơn vị không hợp lệ.' },
        ]);
    }
  }
}

/** A linked person must belong to the user's commune. */
export async function checkPerson(tx: Tx, communeId: string | null, personId: string | null | undefined): Promise<void> {
  if (!personId) return;
  const [p] = communeId
    ? await tx
        .select({ id: people.person.id })
        .from(people.person)
        .where(and(eq(people.person.communeId, communeId), eq(people.person.id, personId)))
    : [];
  if (!p)
    throw new AppError('VALIDATION_FAILED', 'Cá nhân liên kết phải thuộc xã/phường của người dùng.', [
      { field: 'personId', message: 'Không tìm thấy cá nhân.' },
    ]);
}

/** Replace a user's roles. */
export async function setRoles(tx: Tx, userId: string, roles: RoleAssignmentInput[]): Promise<void> {
  await tx.delete(roleAssignment).where(eq(roleAssignment.userId, userId));
  if (roles.length) {
    await tx
      .insert(roleAssignment)
      .values(roles.map((r) => ({ userId, role: r.role, provinceId: r.provinceId ?? null, communeId: r.communeId ?? null, unitId: r.unitId ?? null })));
  }
}

/** Set a user's password hash (a reset makes them choose their own at the next sign-in). */
export async function setPasswordHash(tx: Tx, userId: string, passwordHash: string, opts: { mustChange: boolean; now: Date }): Promise<AppUserRow> {
  const [row] = await tx
    .update(appUser)
    .set({
      passwordHash,
      mustChangePassword: opts.mustChange,
      passwordChangedAt: opts.now,
      failedLogins: 0,
      lockedUntil: null,
      version: sql`${appUser.version} + 1`,
      updatedAt: opts.now,
    })
    .where(eq(appUser.id, userId))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  return row;
}

/** Count a change to a user that lives elsewhere (their sign-in delays lifted): the next version. */
export async function touchUser(tx: Tx, userId: string, now: Date): Promise<AppUserRow> {
  const [row] = await tx
    .update(appUser)
    .set({ failedLogins: 0, lockedUntil: null, version: sql`${appUser.version} + 1`, updatedAt: now })
    .where(eq(appUser.id, userId))
    .returning();
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  return row;
}

/** A user by user name (any case), for signing in: system work. */
export async function findLoginUser(tx: Tx, username: string): Promise<AppUserRow | undefined> {
  const [u] = await tx
    .select()
    .from(appUser)
    .where(sql`lower(${appUser.username}) = ${username.trim().toLowerCase()}`);
  return u;
}

/** A user by id, for the signed-in user's own acts (password change): system work. */
export async function findUserById(tx: Tx, id: string): Promise<AppUserRow | undefined> {
  const [u] = await tx.select().from(appUser).where(eq(appUser.id, id));
  return u;
}

/** Note a successful sign-in. */
export async function recordLogin(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(appUser.id, userId));
}
