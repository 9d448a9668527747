import { asc, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { pageQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { mapProvince } from './org.mapper';
import { commune, province } from './org.table';

/** Provinces with their commune counts (a directory: anyone signed in may read it). */
export async function listProvinces(opts: { db: Db; actor: Actor; query: z.infer<typeof pageQuery> }) {
  const { limit, offset } = pageWindow(opts.query);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const where = matchSearch(province.searchKey, opts.query.q);
    const rows = await tx
      .select({
        id: province.id,
        code: province.code,
        name: province.name,
        communeCount: sql<number>`(select count(*)::int from ${commune} c where c.province_id = ${province.id})`,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(province)
      .where(where)
      .orderBy(asc(province.searchKey))
      .limit(limit)
      .offset(offset);
    return { items: rows.map(mapProvince), total: Number(rows[0]?.total ?? 0), page: opts.query.page, pageSize: opts.query.pageSize };
  });
}
