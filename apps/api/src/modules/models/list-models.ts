import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ModelPage, modelListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { matchSearch, pageWindow } from '../../platform/paging';
import { exemplaryModel } from './models.table';
import { modelListAbilities } from './models.policy';
import { mapModelSummary } from './models.mapper';
import { modelRows, photoCounts } from './models.store';
import { inModels } from './models-context';

type Filters = Omit<z.infer<typeof modelListQuery>, 'page' | 'pageSize'>;

export const modelFilters = (communeId: string, q: Filters): SQL | undefined =>
  and(
    eq(exemplaryModel.communeId, communeId),
    q.year ? eq(exemplaryModel.year, q.year) : undefined,
    q.unitId ? eq(exemplaryModel.unitId, q.unitId) : undefined,
    q.personId ? eq(exemplaryModel.personId, q.personId) : undefined,
    q.kind ? eq(exemplaryModel.kind, q.kind) : undefined,
    q.status ? eq(exemplaryModel.status, q.status) : undefined,
    matchSearch(exemplaryModel.searchKey, q.q),
  );

/** A page of the commune's models, newest year first (a unit's or a person's with `unitId` / `personId`). */
export async function listModels(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof modelListQuery> }): Promise<ModelPage> {
  const { actor, communeId, query } = opts;
  return inModels({ ...opts, permission: 'model.read' }, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await modelRows(tx)
      .where(modelFilters(communeId, query))
      .orderBy(desc(exemplaryModel.year), desc(exemplaryModel.createdAt), desc(exemplaryModel.id))
      .limit(limit)
      .offset(offset);
    const counts = await photoCounts(
      tx,
      communeId,
      rows.map((r) => r.m.id),
    );
    return {
      items: rows.map((r) => mapModelSummary(r.m, r.unitName, r.personName, counts.get(r.m.id) ?? 0)),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: modelListAbilities(actor, communeId),
    };
  });
}
