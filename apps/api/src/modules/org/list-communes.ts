import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { pageQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { mapCommune } from './org.mapper';
import { commune, province } from './org.table';

/** Communes the actor can see, optionally of one province. */
export async function listCommunes(opts: { db: Db; actor: Actor; query: z.infer<typeof pageQuery> & { provinceId?: string | undefined } }) {
  const { limit, offset } = pageWindow(opts.query);
  const { actor } = opts;
  return inScope(opts.db, actor.scope, async (tx) => {
    const visible = actor.scope.all
      ? undefined
      : actor.scope.communeIds.length
        ? sql`${commune.id} in (${sql.join(
            actor.scope.communeIds.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`;
    const where = and(visible, opts.query.provinceId ? eq(commune.provinceId, opts.query.provinceId) : undefined, matchSearch(commune.searchKey, opts.query.q));
    const rows = await tx
      .select({ c: commune, provinceName: province.name, total: sql<number>`(count(*) over ())::int` })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId))
      .where(where)
      .orderBy(asc(province.searchKey), asc(commune.searchKey))
      .limit(limit)
      .offset(offset);
    return {
      items: rows.map((r) => mapCommune({ ...r.c, provinceName: r.provinceName })),
      total: Number(rows[0]?.total ?? 0),
      page: opts.query.page,
      pageSize: opts.query.pageSize,
    };
  });
}
