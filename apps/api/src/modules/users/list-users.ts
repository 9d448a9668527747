import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { userListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { can } from '../../platform/authorize';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { resourceOf, userListAbilities } from './users.policy';
import { presentUsers } from './users.store';
import { appUser } from './users.table';

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
    return {
      items: await presentUsers(
        tx,
        actor,
        visible.map((r) => r.u),
      ),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: userListAbilities(actor, query.communeId),
    };
  });
}
