import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, searchKey, type userCreateInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { hashPassword } from '../../platform/passwords';
import { inScope } from '../../platform/tenancy';
import { tables as org } from '../org';
import { checkGrants, homeOf, resourceOf } from './users.policy';
import { checkPerson, checkRoles, presentUsers, setRoles } from './users.store';
import { appUser } from './users.table';

/** Create a user with roles; the password is temporary and must be changed at first login. */
export async function createUser(opts: { db: Db; actor: Actor; meta: RequestMeta; input: z.infer<typeof userCreateInput> }) {
  const { db, actor, input } = opts;
  checkGrants(actor, input.roles);
  const home = homeOf(input);
  if (!home.communeId && !home.provinceId && !actor.scope.all)
    throw new AppError('VALIDATION_FAILED', 'Cần chọn xã/phường của người dùng.', [{ field: 'communeId', message: 'Không được để trống.' }]);
  authorize(actor, 'user.manage', resourceOf(home));
  const passwordHash = await hashPassword(input.password);
  return inScope(db, actor.scope, async (tx) => {
    await checkRoles(tx, actor, input.roles);
    await checkPerson(tx, home.communeId, input.personId);
    if (home.communeId) {
      const [c] = await tx.select({ provinceId: org.commune.provinceId }).from(org.commune).where(eq(org.commune.id, home.communeId));
      if (!c) throw new AppError('VALIDATION_FAILED', 'Xã/phường không tồn tại.', [{ field: 'communeId', message: 'Không tìm thấy xã/phường.' }]);
    }
    const username = input.username.toLowerCase();
    // Only visible users can be checked here; the unique index catches the rest (mapped to the same 409).
    const [dup] = await tx
      .select({ id: appUser.id })
      .from(appUser)
      .where(sql`lower(${appUser.username}) = ${username}`);
    if (dup) throw new AppError('DUPLICATE_USERNAME', undefined, [{ field: 'username', message: 'Tên đăng nhập đã tồn tại.' }]);
    const fullName = cleanText(input.fullName);
    const [row] = await tx
      .insert(appUser)
      .values({
        username,
        fullName,
        email: input.email || null,
        communeId: home.communeId,
        provinceId: home.provinceId,
        personId: input.personId ?? null,
        passwordHash,
        mustChangePassword: true,
        searchKey: searchKey(`${username} ${fullName} ${input.email ?? ''}`),
      })
      .returning();
    await setRoles(tx, row!.id, input.roles);
    const [out] = await presentUsers(tx, actor, [row!]);
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'user',
      entityId: row!.id,
      communeId: home.communeId,
      provinceId: home.provinceId,
      summary: `Tạo người dùng ${username}`,
      after: out,
    });
    return out!;
  });
}
