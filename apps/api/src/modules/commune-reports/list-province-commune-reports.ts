import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { vietnamYear, type ProvinceCommuneReportPage, type ProvinceCommuneRow, type provinceCommuneReportQuery, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorizeProvince } from '../../platform/authorize';
import { matchSearch } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { commune } from '../org';
import { countStandings } from './commune-report.policy';
import { mapSummary } from './commune-report.mapper';
import { selectReports } from './commune-report.store';
import { communeReport } from './commune-reports.table';

const collator = new Intl.Collator('vi');

/**
 * Every commune of the province for one period (the yearly report of a year, the mid-term or the
 * final review): its report's status, submission date and lateness, or that it has none; with the
 * counts over all the communes (a draft not yet due is never missing), and a page of the rows.
 */
export async function listProvinceCommuneReports(opts: {
  db: Db;
  actor: Actor;
  provinceId: string;
  query: z.infer<typeof provinceCommuneReportQuery>;
  now?: Date;
}): Promise<ProvinceCommuneReportPage> {
  const { db, actor, provinceId, query } = opts;
  const now = opts.now ?? clockNow();
  authorizeProvince(actor, 'commune_report.review', provinceId);
  const year = query.period === 'midterm' ? 2027 : query.period === 'final' ? 2030 : (query.year ?? vietnamYear(now));
  return inScope(db, actor.scope, async (tx) => {
    const communes = await tx
      .select({ id: commune.id, name: commune.name })
      .from(commune)
      .where(and(eq(commune.provinceId, provinceId), matchSearch(commune.searchKey, query.q)));
    const reports = await selectReports(tx, and(eq(commune.provinceId, provinceId), eq(communeReport.periodKind, query.period), eq(communeReport.year, year)));
    const byCommune = new Map(reports.map((r) => [r.r.communeId, mapSummary(r, actor, now)]));
    const rows: ProvinceCommuneRow[] = communes
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((c) => {
        const report = byCommune.get(c.id) ?? null;
        return { communeId: c.id, communeName: c.name, standing: report?.standing ?? 'no_item', report };
      });
    const counts = countStandings(rows.map((r) => ({ standing: r.standing, late: r.report?.late ?? false })));
    const shown = query.standing ? rows.filter((r) => r.standing === query.standing) : rows;
    const start = (query.page - 1) * query.pageSize;
    return {
      items: shown.slice(start, start + query.pageSize),
      total: shown.length,
      page: query.page,
      pageSize: query.pageSize,
      periodKind: query.period,
      year,
      counts,
    };
  });
}
