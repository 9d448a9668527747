import { and, desc, eq } from 'drizzle-orm';
import type { ReportVersionEntry } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { loadReport } from './report-store';
import { reportVersion } from './reporting.table';

/** Every kept version of a report, newest first: what was saved, submitted, returned, accepted or reopened. */
export async function listReportVersions(opts: { db: Db; actor: Actor; communeId: string; id: string }): Promise<{ items: ReportVersionEntry[] }> {
  authorize(opts.actor, 'report.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadReport(tx, opts.communeId, opts.id);
    const rows = await tx
      .select()
      .from(reportVersion)
      .where(and(eq(reportVersion.communeId, row.communeId), eq(reportVersion.reportId, row.id)))
      .orderBy(desc(reportVersion.version));
    return {
      items: rows.map((v) => ({
        version: v.version,
        action: v.action as ReportVersionEntry['action'],
        status: v.status as ReportVersionEntry['status'],
        comment: v.comment,
        sections: v.sections,
        values: v.values,
        summary: v.summary,
        fileId: v.fileId,
        createdAt: v.createdAt.toISOString(),
        createdByName: v.createdByName,
      })),
    };
  });
}
