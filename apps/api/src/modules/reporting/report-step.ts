import { and, eq } from 'drizzle-orm';
import { reportWorkflow, type ErrorDetail, type ReportTransition } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { runTransition, type TransitionResult } from '../../platform/workflow';
import { loadUnit } from '../org';
import { addReportVersion, loadReport, reportLabel, staleReportMessage } from './report-store';
import { report, reportVersion, type ReportRow } from './reporting.table';

/** One report transition as a use-case states it; the workflow runner does the rest. */
export interface ReportStep {
  communeId: string;
  id: string;
  transition: ReportTransition;
  version: number;
  /** The clock reading of the use-case (updated_at). */
  now: Date;
  /** Problems refusing it (required fields, figures). */
  check?: (cur: ReportRow) => Promise<ErrorDetail[]> | ErrorDetail[];
  /** Fields it sets (status and version are the runner's). */
  set: (cur: ReportRow) => Promise<Partial<typeof report.$inferInsert>> | Partial<typeof report.$inferInsert>;
  /** The reviewer's comment or the reason, kept in the version row. */
  comment?: string | null;
  /** The audit line, given the report's label ("Báo cáo ... — Trường ..."). */
  summary: (cur: ReportRow, row: ReportRow, label: string) => string;
  effects?: (row: ReportRow) => Promise<void>;
}

const notices: Partial<Record<ReportTransition, (label: string) => { title: string; body: string }>> = {
  submit: (label) => ({ title: 'Báo cáo mới chờ xem xét', body: `Đơn vị đã nộp: ${label}.` }),
  return: (label) => ({ title: 'Báo cáo bị trả lại', body: `${label}: cần sửa và nộp lại.` }),
  accept: (label) => ({ title: 'Báo cáo đã được tiếp nhận', body: `${label}.` }),
  reopen: (label) => ({ title: 'Báo cáo đã tiếp nhận được mở lại', body: `${label}: cần sửa và nộp lại.` }),
};

/** Run one transition of a report (declared in contracts' `reportWorkflow`) in the caller's transaction. */
export async function takeReportStep(tx: Tx, actor: Actor, meta: RequestMeta, step: ReportStep): Promise<TransitionResult<ReportRow>> {
  let label: string | undefined;
  const labelOf = async (r: ReportRow) => (label ??= await reportLabel(tx, r));
  return runTransition(tx, actor, meta, {
    workflow: reportWorkflow,
    transition: step.transition,
    now: step.now,
    version: step.version,
    table: report,
    load: async () => {
      const row = await loadReport(tx, step.communeId, step.id, { lock: true });
      return { row, communeId: step.communeId, subject: { unitPath: (await loadUnit(tx, step.communeId, row.unitId)).path } };
    },
    lastStep: async (row) => {
      const [v] = await tx
        .select({ action: reportVersion.action, by: reportVersion.createdBy })
        .from(reportVersion)
        .where(and(eq(reportVersion.communeId, row.communeId), eq(reportVersion.reportId, row.id), eq(reportVersion.version, row.version)));
      return v ?? null;
    },
    staleMessage: (row, version) => staleReportMessage(row.version, version),
    check: step.check ? (cur) => step.check!(cur!) : undefined,
    set: async (cur) => ({ ...(await step.set(cur!)), updatedBy: actor.userId, updatedAt: step.now }),
    addVersion: (row) => addReportVersion(tx, actor, row, step.transition, step.comment ?? null),
    audit: async (cur, row) => ({
      summary: step.summary(cur!, row, await labelOf(cur!)),
      after: { status: row.status, version: row.version, ...(step.comment ? { comment: step.comment } : {}) },
    }),
    effects: step.effects ? (_cur, row) => step.effects!(row) : undefined,
    notice: async (row) => {
      const make = notices[step.transition];
      const text = make ? make(await labelOf(row)) : { title: 'Báo cáo', body: await labelOf(row) };
      return { ...text, link: `/reports/${row.id}` };
    },
  });
}
