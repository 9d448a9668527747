import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { CommuneReportPage, communeReportListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { mapSummary } from './commune-report.mapper';
import { selectReports } from './commune-report.store';
import { communeReport } from './commune-reports.table';

/** A page of what the commune owes its province, by due date, each with its report's status. */
export async function listCommuneReports(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  query: z.infer<typeof communeReportListQuery>;
  now?: Date;
}): Promise<CommuneReportPage> {
  const { db, actor, communeId, query } = opts;
  const now = opts.now ?? clockNow();
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const rows = await selectReports(
      tx,
      and(
        eq(communeReport.communeId, communeId),
        query.period ? eq(communeReport.periodKind, query.period) : undefined,
        query.year !== undefined ? eq(communeReport.year, query.year) : undefined,
      ),
      pageWindow(query),
    );
    return {
      items: rows.map((r) => mapSummary(r, actor, now)),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: { write: can(actor, 'report.write', { communeId }) },
    };
  });
}
