import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { reportListQuery } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { unit } from '../org';
import { loadUnit } from '../org';
import { mapSummary, selectReports } from './report-mapper';
import { report } from './reporting.table';

/** Units at or under a node of the tree (`unit` must be in the query). */
export async function inSubtree(tx: Tx, communeId: string, unitId: string | undefined): Promise<SQL | undefined> {
  if (!unitId) return undefined;
  const node = await loadUnit(tx, communeId, unitId);
  return sql`${unit.path} like ${`${node.path.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`}`;
}

/** A page of a commune's reports (the review queue), by due date then unit. */
export async function listReports(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof reportListQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const where = and(
      query.status ? eq(report.status, query.status) : undefined,
      query.kind ? eq(report.kind, query.kind) : undefined,
      query.cadence ? eq(report.cadence, query.cadence) : undefined,
      query.year !== undefined ? eq(report.year, query.year) : undefined,
      query.period !== undefined ? eq(report.period, query.period) : undefined,
      await inSubtree(tx, communeId, query.unitId),
      matchSearch(unit.searchKey, query.q),
    );
    const rows = await selectReports(tx, communeId, where, pageWindow(query));
    return {
      items: rows.map(mapSummary),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: { review: can(actor, 'report.review', { communeId }) },
    };
  });
}
