import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, searchKey, type userUpdateInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { checkPerson, checkRoles, loadUser, presentUsers, setRoles } from './users.store';
import { appUser } from './users.table';

/**
 * Edit a user's name, e-mail, person link, roles or disabled flag. A disabled user's sessions stop
 * resolving at once (the session function refuses them), so nothing else needs ending here.
 */
export async function updateUser(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; input: z.infer<typeof userUpdateInput>; now?: Date }) {
  const { db, actor, id, input } = opts;
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadUser(tx, actor, id, 'user.manage');
    if (cur.version !== input.version) throw new AppError('STALE_VERSION');
    const [before] = await presentUsers(tx, actor, [cur]);
    if (input.roles) {
      // Every role of a manageable user lies within the actor's scope: the new list replaces it.
      await checkRoles(tx, actor, input.roles);
      await setRoles(tx, id, input.roles);
    }
    if (input.personId !== undefined) await checkPerson(tx, cur.communeId, input.personId);
    if (input.disabled && id === actor.userId)
      throw new AppError('VALIDATION_FAILED', 'Không thể tự khóa tài khoản của mình.', [{ field: 'disabled', message: 'Không thể tự khóa.' }]);
    const fullName = input.fullName !== undefined ? cleanText(input.fullName) : cur.fullName;
    const email = input.email !== undefined ? input.email || null : cur.email;
    const [row] = await tx
      .update(appUser)
      .set({
        fullName,
        email,
        personId: input.personId !== undefined ? input.personId : cur.personId,
        disabled: input.disabled ?? cur.disabled,
        searchKey: searchKey(`${cur.username} ${fullName} ${email ?? ''}`),
        version: sql`${appUser.version} + 1`,
        updatedAt: opts.now ?? clockNow(),
      })
      .where(and(eq(appUser.id, id), eq(appUser.version, input.version)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    const [after] = await presentUsers(tx, actor, [row]);
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      communeId: cur.communeId,
      provinceId: cur.provinceId,
      summary: `Sửa người dùng ${cur.username}`,
      before,
      after,
    });
    return after!;
  });
}
