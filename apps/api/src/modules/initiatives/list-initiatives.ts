import { and, desc, eq, exists, not, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { InitiativePage, initiativeExportQuery, initiativeListQuery } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { matchSearch, pageWindow } from '../../platform/paging';
import { unit } from '../org';
import { initiative, initiativeAuthor, initiativeRecognition } from './initiatives.table';
import { initiativeListAbilities } from './initiatives.policy';
import { mapInitiativeSummary } from './initiatives.mapper';
import { authorsOf, recognitionTotals } from './initiatives.store';
import { inCommune } from './initiatives-context';

type Filters = z.infer<typeof initiativeExportQuery>;

/** The register's filters: year, unit, field, an author, recognised or not, and words of the title, authors or unit (diacritics ignored). */
export function initiativeFilters(communeId: string, q: Filters): SQL | undefined {
  const recognised = exists(
    sql`(select 1 from ${initiativeRecognition} where ${initiativeRecognition.communeId} = ${initiative.communeId} and ${initiativeRecognition.initiativeId} = ${initiative.id})`,
  );
  return and(
    eq(initiative.communeId, communeId),
    q.year ? eq(initiative.year, q.year) : undefined,
    q.unitId ? eq(initiative.unitId, q.unitId) : undefined,
    q.domain ? eq(initiative.domain, q.domain) : undefined,
    q.personId
      ? exists(
          sql`(select 1 from ${initiativeAuthor} where ${initiativeAuthor.communeId} = ${initiative.communeId} and ${initiativeAuthor.initiativeId} = ${initiative.id} and ${initiativeAuthor.personId} = ${q.personId})`,
        )
      : undefined,
    q.recognized === 'true' ? recognised : q.recognized === 'false' ? not(recognised) : undefined,
    matchSearch(initiative.searchKey, q.q),
  );
}

/** Rows of the register matching the filters, newest year first, with their unit's name. */
export async function selectInitiatives(tx: Tx, communeId: string, q: Filters, window?: { limit: number; offset: number }) {
  const base = tx
    .select({ i: initiative, unitName: unit.name, total: sql<number>`(count(*) over ())::int` })
    .from(initiative)
    .innerJoin(unit, and(eq(unit.communeId, initiative.communeId), eq(unit.id, initiative.unitId)))
    .where(initiativeFilters(communeId, q))
    .orderBy(desc(initiative.year), desc(initiative.createdAt), desc(initiative.id));
  return window ? base.limit(window.limit).offset(window.offset) : base;
}

/** A page of the commune's register, for whoever reads it (a person's or a unit's initiatives with `personId` / `unitId`). */
export async function listInitiatives(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof initiativeListQuery> }): Promise<InitiativePage> {
  const { actor, communeId, query } = opts;
  return inCommune({ ...opts, permission: 'initiative.read' }, async (tx) => {
    const rows = await selectInitiatives(tx, communeId, query, pageWindow(query));
    const ids = rows.map((r) => r.i.id);
    const [authors, totals] = [await authorsOf(tx, communeId, ids), await recognitionTotals(tx, communeId, ids)];
    return {
      items: rows.map((r) => mapInitiativeSummary(r.i, r.unitName, authors.get(r.i.id) ?? [], totals.get(r.i.id))),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: initiativeListAbilities(actor, communeId),
    };
  });
}
