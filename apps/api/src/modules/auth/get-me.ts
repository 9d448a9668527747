import { asc, eq, inArray } from 'drizzle-orm';
import type { Me } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { commune, province } from '../org';
import { describeRoles } from '../users';

/** The signed-in user's identity, roles, permissions and visible communes. */
export async function getMe(db: Db, actor: Actor): Promise<Me> {
  return inScope(db, actor.scope, async (tx) => {
    const q = tx
      .select({ id: commune.id, name: commune.name, provinceName: province.name, sortKey: commune.searchKey })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId));
    const rows = actor.scope.all
      ? await q.orderBy(asc(province.name), asc(commune.searchKey))
      : actor.scope.communeIds.length
        ? await q.where(inArray(commune.id, [...actor.scope.communeIds])).orderBy(asc(commune.searchKey))
        : [];
    return {
      user: { id: actor.userId, username: actor.username, fullName: actor.fullName, mustChangePassword: actor.mustChangePassword },
      roles: await describeRoles(tx, actor.roles),
      permissions: [...actor.permissions].sort(),
      communes: rows.map((r) => ({ id: r.id, name: r.name, provinceName: r.provinceName })),
      csrfToken: actor.csrfToken,
    };
  });
}
