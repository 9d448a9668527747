import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { personListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { unit } from '../org';
import { person } from './people.table';
import { peopleListAbilities } from './people.policy';
import { mapPerson } from './people.mapper';

/** A page of people of a commune, sorted the Vietnamese way (given name, middle, family). */
export async function listPeople(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof personListQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'person.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ p: person, unitName: unit.name, unitPath: unit.path, total: sql<number>`(count(*) over ())::int` })
      .from(person)
      .innerJoin(unit, and(eq(unit.communeId, person.communeId), eq(unit.id, person.unitId)))
      .where(and(eq(person.communeId, communeId), query.unitId ? eq(person.unitId, query.unitId) : undefined, matchSearch(person.searchKey, query.q)))
      .orderBy(sql`${person.sortKey} collate "C"`, asc(person.id))
      .limit(limit)
      .offset(offset);
    return {
      items: rows.map((r) => mapPerson(actor, r.p, { name: r.unitName, path: r.unitPath })),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: peopleListAbilities(actor, communeId),
    };
  });
}
