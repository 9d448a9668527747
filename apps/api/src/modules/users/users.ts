import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, searchKey, type RoleAssignmentInput, type User, type userCreateInput, type userListQuery, type userUpdateInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize, can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { hashPassword } from '../auth/passwords';
import { destroySessions } from '../auth/sessions';
import { clearUserFailures } from '../auth/throttle';
import { rowsOf } from '../../db/security';
import { commune, unit } from '../org/org.table';
import { person } from '../people/people.table';
import { describeRoles } from './role-names';
import { homeOf, mayGrant, roleShapeError } from './users.policy';
import { appUser, roleAssignment, type AppUserRow } from './users.table';

/**
 * How many roles each user holds in all, including the ones row-level security hides from the
 * actor, and until when their sign-in attempts must wait.
 */
async function userFacts(tx: Tx, ids: string[]): Promise<Map<string, { total: number; loginNextAt: Date | null }>> {
  const r = await tx.execute(sql`select user_id::text as id, total_roles as total, login_next_at as next from tds_user_facts(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(rowsOf<{ id: string; total: number; next: string | Date | null }>(r).map((x) => [x.id, { total: Number(x.total), loginNextAt: x.next ? new Date(x.next) : null }]));
}

/**
 * Users as the actor may see them: the roles inside the actor's view with their names, the others
 * only counted ("vai trò ngoài phạm vi", no detail), and whether the actor may manage the user at
 * all: only when every role the user holds lies within the actor's own scope.
 */
async function mapUsers(tx: Tx, actor: Actor, rows: AppUserRow[]): Promise<User[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = await tx.select().from(roleAssignment).where(inArray(roleAssignment.userId, ids)).orderBy(asc(roleAssignment.createdAt));
  const facts = await userFacts(tx, ids);
  const described = await describeRoles(tx, roles);
  return rows.map((u) => {
    const own = described.filter((_, i) => roles[i]!.userId === u.id);
    const outsideRoles = Math.max(0, (facts.get(u.id)?.total ?? own.length) - own.length);
    const manageable = outsideRoles === 0 && own.every((r) => mayGrant(actor, r)) && can(actor, 'user.manage', resourceOf(u));
    const delayed = facts.get(u.id)?.loginNextAt;
    return {
      id: u.id,
      username: u.username,
      fullName: u.fullName,
      email: u.email,
      communeId: u.communeId,
      personId: u.personId,
      disabled: u.disabled,
      mustChangePassword: u.mustChangePassword,
      lockedUntil: delayed ? delayed.toISOString() : null,
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
      roles: own,
      outsideRoles,
      manageable,
      version: u.version,
    };
  });
}

/** Resource of a user for permission checks: their home commune or province. */
const resourceOf = (u: { communeId: string | null; provinceId: string | null }) => ({ communeId: u.communeId, provinceId: u.provinceId });

/** Users the actor may see (row-level security scopes them), optionally of one commune. */
export async function listUsers(opts: { db: Db; actor: Actor; query: z.infer<typeof userListQuery> }) {
  const { db, actor, query } = opts;
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ u: appUser, total: sql<number>`(count(*) over ())::int` })
      .from(appUser)
      .where(and(query.communeId ? eq(appUser.communeId, query.communeId) : undefined, matchSearch(appUser.searchKey, query.q)))
      .orderBy(asc(appUser.username))
      .limit(limit)
      .offset(offset);
    const visible = rows.filter((r) => can(actor, 'user.read', resourceOf(r.u)));
    return { items: await mapUsers(tx, actor, visible.map((r) => r.u)), total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
  });
}

async function loadUser(tx: Tx, actor: Actor, id: string, permission: 'user.read' | 'user.manage') {
  const [u] = await tx.select().from(appUser).where(eq(appUser.id, id));
  if (!u) throw new AppError('NOT_FOUND', 'Không tìm thấy người dùng.');
  // Visible (row-level security let it through) but perhaps not readable by this actor: 403, not 404.
  authorize(actor, 'user.read', resourceOf(u));
  authorize(actor, permission, resourceOf(u));
  if (permission === 'user.manage' && !(await mapUsers(tx, actor, [u]))[0]!.manageable) {
    throw new AppError('FORBIDDEN', 'Người dùng này có vai trò ngoài phạm vi quản lý của bạn; chỉ người quản lý được mọi vai trò của họ mới được sửa, đặt lại mật khẩu hay mở khóa.');
  }
  return u;
}

export async function getUser(opts: { db: Db; actor: Actor; id: string }) {
  return inScope(opts.db, opts.actor.scope, async (tx) => (await mapUsers(tx, opts.actor, [await loadUser(tx, opts.actor, opts.id, 'user.read')]))[0]!);
}

/** Pure checks of requested roles: shape per scope level, and the actor's right to grant them. */
function checkGrants(actor: Actor, roles: RoleAssignmentInput[]) {
  // A commune the actor cannot see at all is not found, whatever else is asked of it.
  for (const r of roles) if (r.communeId) assertVisible(actor, r.communeId);
  for (const [i, r] of roles.entries()) {
    const shape = roleShapeError(r);
    if (shape) throw new AppError('VALIDATION_FAILED', shape, [{ field: `roles.${i}`, message: shape }]);
    if (!mayGrant(actor, r)) throw new AppError('FORBIDDEN', 'Bạn không có quyền giao vai trò này ở phạm vi đã chọn.', [{ field: `roles.${i}`, message: 'Không được giao vai trò này.' }]);
  }
}

async function checkRoles(tx: Tx, actor: Actor, roles: RoleAssignmentInput[]) {
  checkGrants(actor, roles);
  for (const [i, r] of roles.entries()) {
    if (r.unitId) {
      const [u] = await tx.select({ id: unit.id }).from(unit).where(and(eq(unit.communeId, r.communeId!), eq(unit.id, r.unitId)));
      if (!u) throw new AppError('VALIDATION_FAILED', 'Đơn vị của vai trò không thuộc xã/phường đã chọn.', [{ field: `roles.${i}`, message: 'Đơn vị không hợp lệ.' }]);
    }
  }
}

async function checkPerson(tx: Tx, communeId: string | null, personId: string | null | undefined) {
  if (!personId) return;
  const [p] = communeId ? await tx.select({ id: person.id }).from(person).where(and(eq(person.communeId, communeId), eq(person.id, personId))) : [];
  if (!p) throw new AppError('VALIDATION_FAILED', 'Cá nhân liên kết phải thuộc xã/phường của người dùng.', [{ field: 'personId', message: 'Không tìm thấy cá nhân.' }]);
}

async function setRoles(tx: Tx, userId: string, roles: RoleAssignmentInput[]) {
  await tx.delete(roleAssignment).where(eq(roleAssignment.userId, userId));
  if (roles.length) {
    await tx.insert(roleAssignment).values(roles.map((r) => ({ userId, role: r.role, provinceId: r.provinceId ?? null, communeId: r.communeId ?? null, unitId: r.unitId ?? null })));
  }
}

/** Create a user with roles; the password is temporary and must be changed at first login. */
export async function createUser(opts: { db: Db; actor: Actor; meta: RequestMeta; input: z.infer<typeof userCreateInput> }) {
  const { db, actor, input } = opts;
  checkGrants(actor, input.roles);
  const home = homeOf(input);
  if (!home.communeId && !home.provinceId && !actor.scope.all) throw new AppError('VALIDATION_FAILED', 'Cần chọn xã/phường của người dùng.', [{ field: 'communeId', message: 'Không được để trống.' }]);
  authorize(actor, 'user.manage', resourceOf(home));
  const passwordHash = await hashPassword(input.password);
  return inScope(db, actor.scope, async (tx) => {
    await checkRoles(tx, actor, input.roles);
    await checkPerson(tx, home.communeId, input.personId);
    if (home.communeId) {
      const [c] = await tx.select({ provinceId: commune.provinceId }).from(commune).where(eq(commune.id, home.communeId));
      if (!c) throw new AppError('VALIDATION_FAILED', 'Xã/phường không tồn tại.', [{ field: 'communeId', message: 'Không tìm thấy xã/phường.' }]);
    }
    const username = input.username.toLowerCase();
    // Only visible users can be checked here; the unique index catches the rest (mapped to the same 409).
    const [dup] = await tx.select({ id: appUser.id }).from(appUser).where(sql`lower(${appUser.username}) = ${username}`);
    if (dup) throw new AppError('DUPLICATE_USERNAME', undefined, [{ field: 'username', message: 'Tên đăng nhập đã tồn tại.' }]);
    const fullName = cleanText(input.fullName);
    const [row] = await tx.insert(appUser).values({
      username, fullName, email: input.email || null, communeId: home.communeId, provinceId: home.provinceId, personId: input.personId ?? null,
      passwordHash, mustChangePassword: true, searchKey: searchKey(`${username} ${fullName} ${input.email ?? ''}`),
    }).returning();
    await setRoles(tx, row!.id, input.roles);
    const [out] = await mapUsers(tx, actor, [row!]);
    await writeAudit(tx, actor, opts.meta, { action: 'create', entityType: 'user', entityId: row!.id, communeId: home.communeId, provinceId: home.provinceId, summary: `Tạo người dùng ${username}`, after: out });
    return out!;
  });
}

/** Edit a user's name, e-mail, person link, roles or disabled flag. */
export async function updateUser(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; input: z.infer<typeof userUpdateInput> }) {
  const { db, actor, id, input } = opts;
  const out = await inScope(db, actor.scope, async (tx) => {
    const cur = await loadUser(tx, actor, id, 'user.manage');
    if (cur.version !== input.version) throw new AppError('STALE_VERSION');
    const [before] = await mapUsers(tx, actor, [cur]);
    if (input.roles) {
      // Every role of a manageable user lies within the actor's scope: the new list replaces it.
      await checkRoles(tx, actor, input.roles);
      await setRoles(tx, id, input.roles);
    }
    if (input.personId !== undefined) await checkPerson(tx, cur.communeId, input.personId);
    if (input.disabled && id === actor.userId) throw new AppError('VALIDATION_FAILED', 'Không thể tự khóa tài khoản của mình.', [{ field: 'disabled', message: 'Không thể tự khóa.' }]);
    const fullName = input.fullName !== undefined ? cleanText(input.fullName) : cur.fullName;
    const email = input.email !== undefined ? input.email || null : cur.email;
    const [row] = await tx.update(appUser).set({
      fullName, email, personId: input.personId !== undefined ? input.personId : cur.personId, disabled: input.disabled ?? cur.disabled,
      searchKey: searchKey(`${cur.username} ${fullName} ${email ?? ''}`), version: sql`${appUser.version} + 1`, updatedAt: new Date(),
    }).where(and(eq(appUser.id, id), eq(appUser.version, input.version))).returning();
    if (!row) throw new AppError('STALE_VERSION');
    const [after] = await mapUsers(tx, actor, [row]);
    await writeAudit(tx, actor, opts.meta, { action: 'update', entityType: 'user', entityId: id, communeId: cur.communeId, provinceId: cur.provinceId, summary: `Sửa người dùng ${cur.username}`, before, after });
    return after!;
  });
  // A disabled user's sessions end (their next request would be refused anyway).
  if (out.disabled) await destroySessions(db, { userId: id });
  return out;
}

/** An administrator sets a temporary password; the user must change it, and their sessions end. */
export async function resetPassword(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; newPassword: string }) {
  const passwordHash = await hashPassword(opts.newPassword);
  const out = await inScope(opts.db, opts.actor.scope, async (tx) => {
    const cur = await loadUser(tx, opts.actor, opts.id, 'user.manage');
    const [row] = await tx.update(appUser).set({ passwordHash, mustChangePassword: true, failedLogins: 0, lockedUntil: null, version: sql`${appUser.version} + 1`, updatedAt: new Date() }).where(eq(appUser.id, cur.id)).returning();
    await writeAudit(tx, opts.actor, opts.meta, { action: 'reset_password', entityType: 'user', entityId: cur.id, communeId: cur.communeId, provinceId: cur.provinceId, summary: `Đặt lại mật khẩu cho ${cur.username}` });
    return row!;
  });
  await destroySessions(opts.db, { userId: opts.id });
  await clearUserFailures(opts.db, out.username, out.id);
  return inScope(opts.db, opts.actor.scope, async (tx) => (await mapUsers(tx, opts.actor, [out]))[0]!);
}

/** Lift the sign-in delays of a user (after failed attempts, from any address). */
export async function unlockUser(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string }) {
  const row = await inScope(opts.db, opts.actor.scope, async (tx) => {
    const cur = await loadUser(tx, opts.actor, opts.id, 'user.manage');
    const [r] = await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null, version: sql`${appUser.version} + 1`, updatedAt: new Date() }).where(eq(appUser.id, cur.id)).returning();
    await writeAudit(tx, opts.actor, opts.meta, { action: 'unlock', entityType: 'user', entityId: cur.id, communeId: cur.communeId, provinceId: cur.provinceId, summary: `Mở khóa tài khoản ${cur.username}` });
    return r!;
  });
  await clearUserFailures(opts.db, row.username, row.id);
  return inScope(opts.db, opts.actor.scope, async (tx) => (await mapUsers(tx, opts.actor, [row]))[0]!);
}
