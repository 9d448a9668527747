import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { residentListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { matchSearch, pageWindow } from '../../platform/paging';
import { unit } from '../org';
import { mapResident } from './training.mapper';
import { assertMayRecord, assertVillage, mayRecord } from './training.policy';
import { completedModules } from './training.store';
import { resident } from './training.table';
import { inTraining } from './training-context';

/**
 * A page of the residents the actor may see (the villages their team serves, or the whole commune
 * for the commune admin), searched without diacritics. Each page shown is a bulk view of personal
 * data: it writes an audit entry.
 */
export async function listResidents(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; query: z.infer<typeof residentListQuery> }) {
  const { actor, communeId, query } = opts;
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    assertMayRecord(reach);
    if (query.villageId) assertVillage(reach, query.villageId);
    const villages = query.villageId ? [query.villageId] : reach.all ? null : [...reach.villageIds];
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ r: resident, villageName: unit.name, total: sql<number>`(count(*) over ())::int` })
      .from(resident)
      .innerJoin(unit, and(eq(unit.communeId, resident.communeId), eq(unit.id, resident.villageId)))
      .where(
        and(
          eq(resident.communeId, communeId),
          isNull(resident.mergedIntoId),
          villages ? inArray(resident.villageId, villages) : undefined,
          matchSearch(resident.nameKey, query.q),
        ),
      )
      .orderBy(sql`${resident.sortKey} collate "C"`, asc(resident.birthYear), asc(resident.id))
      .limit(limit)
      .offset(offset);
    const done = await completedModules(
      tx,
      communeId,
      rows.map((r) => r.r.id),
    );
    await writeAudit(tx, actor, opts.meta, {
      action: 'view',
      entityType: 'resident',
      communeId,
      summary: `Xem danh sách người dân (trang ${query.page}, ${rows.length} người${query.q ? `, tìm "${query.q.slice(0, 40)}"` : ''})`,
    });
    return {
      items: rows.map((r) => mapResident(reach, r.r, r.villageName, done.get(r.r.id) ?? [])),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: { create: mayRecord(reach) },
    };
  });
}
