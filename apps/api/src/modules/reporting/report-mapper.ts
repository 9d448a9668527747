import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { reportWorkflow, type ReportDetail, type ReportSummary } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { abilitiesOf } from '../../platform/workflow';
import { unit } from '../org';
import { fileMeta } from '../files';
import { dueItem, plan } from '../plans';
import { computedFigures, reportForm } from './report-form';
import { report, type ReportRow } from './reporting.table';

/** Timestamps as ISO instants, whichever driver returned them. */
export const isoInstant = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

const summaryColumns = {
  r: report,
  unitName: unit.name,
  unitPath: unit.path,
  unitKind: unit.kind,
  title: dueItem.title,
  dueDate: dueItem.dueDate,
  lateAfter: dueItem.lateAfter,
  planTitle: plan.title,
  total: sql<number>`(count(*) over ())::int`,
};

/**
 * Reports with their unit, due item and plan, in due-date then unit order. `where` filters; the
 * window gives a page (the total comes with every row).
 */
export async function selectReports(tx: Tx, communeId: string, where: SQL | undefined, window?: { limit: number; offset: number }) {
  const q = tx
    .select(summaryColumns)
    .from(report)
    .innerJoin(dueItem, and(eq(dueItem.communeId, report.communeId), eq(dueItem.id, report.dueItemId)))
    .innerJoin(unit, and(eq(unit.communeId, report.communeId), eq(unit.id, report.unitId)))
    .innerJoin(plan, and(eq(plan.communeId, report.communeId), eq(plan.id, report.planId)))
    .where(and(eq(report.communeId, communeId), where))
    .orderBy(asc(dueItem.dueDate), asc(unit.sortKey), asc(report.id));
  return window ? q.limit(window.limit).offset(window.offset) : q;
}
type JoinedRow = Awaited<ReturnType<typeof selectReports>>[number];

/** A joined row as the lists show it. */
export function mapSummary(j: Pick<JoinedRow, 'r' | 'unitName' | 'title' | 'dueDate' | 'lateAfter'>): ReportSummary {
  const r = j.r;
  return {
    id: r.id,
    communeId: r.communeId,
    dueItemId: r.dueItemId,
    planId: r.planId,
    unitId: r.unitId,
    unitName: j.unitName,
    kind: r.kind as ReportSummary['kind'],
    cadence: r.cadence as ReportSummary['cadence'],
    year: r.year,
    period: r.period,
    title: j.title,
    dueDate: j.dueDate,
    lateAfter: isoInstant(j.lateAfter)!,
    status: r.status as ReportSummary['status'],
    version: r.version,
    late: r.late,
    submittedAt: isoInstant(r.submittedAt),
    reviewedAt: isoInstant(r.reviewedAt),
    reviewComment: r.reviewComment,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * What the actor may do with this report now, from the workflow declaration (`reportWorkflow`): the
 * same rules the runner applies, so the web shows only buttons that work.
 */
export function reportAbilities(actor: Actor, r: Pick<ReportRow, 'communeId' | 'status'>, unitPath: string): ReportDetail['can'] {
  const t = abilitiesOf(actor, reportWorkflow, r, { unitPath });
  return { edit: t.save, submit: t.submit, review: t.accept && t.return, reopen: t.reopen, transitions: t };
}

/** One report with its content, its file, the form to fill and the actor's abilities. */
export async function mapDetail(tx: Tx, actor: Actor, row: ReportRow): Promise<ReportDetail> {
  const [j] = await selectReports(tx, row.communeId, eq(report.id, row.id));
  const file = row.fileId ? await fileMeta(tx, row.communeId, row.fileId) : undefined;
  return {
    ...mapSummary({ ...j!, r: row }),
    planTitle: j!.planTitle,
    sections: row.sections,
    values: row.values,
    summary: row.summary,
    file: file ? { ...file, createdAt: file.createdAt.toISOString() } : null,
    form: await reportForm(tx, row.communeId, row.kind, j!.unitKind),
    computed: await computedFigures(tx, row.communeId, { kind: row.kind, unitKind: j!.unitKind, unitId: row.unitId, year: row.year }),
    can: reportAbilities(actor, row, j!.unitPath),
  };
}
