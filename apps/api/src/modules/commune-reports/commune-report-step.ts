import { and, eq } from 'drizzle-orm';
import { communeReportWorkflow, type CommuneReportTransition, type ErrorDetail } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { runTransition, type TransitionResult } from '../../platform/workflow';
import { staleMessage } from './commune-report.policy';
import { addVersion, communePlace, lastStep, loadCommuneReport } from './commune-report.store';
import { communeDueItem, communeReport, type CommuneReportRow } from './commune-reports.table';

/** One transition of a commune report as a use-case states it; the workflow runner does the rest. */
export interface CommuneReportStep {
  communeId: string;
  id: string;
  transition: CommuneReportTransition;
  version: number;
  now: Date;
  check?: (cur: CommuneReportRow) => Promise<ErrorDetail[]> | ErrorDetail[];
  set: (cur: CommuneReportRow) => Promise<Partial<typeof communeReport.$inferInsert>> | Partial<typeof communeReport.$inferInsert>;
  comment?: string | null;
  /** The audit line, given the report's label ("Báo cáo ... năm 2026 — Xã Gia Phúc"). */
  summary: (cur: CommuneReportRow, label: string) => string;
}

const notices: Partial<Record<CommuneReportTransition, (label: string, comment: string | null) => { title: string; body: string }>> = {
  submit: (label) => ({ title: 'Xã đã nộp báo cáo lên tỉnh', body: `${label}: chờ tỉnh tiếp nhận.` }),
  return: (label, comment) => ({ title: 'Tỉnh trả lại báo cáo của xã', body: `${label}: cần sửa và nộp lại.${comment ? ` Ý kiến của tỉnh: ${comment}` : ''}` }),
  accept: (label) => ({ title: 'Tỉnh đã tiếp nhận báo cáo của xã', body: `${label}.` }),
};

/** Run one transition of a commune report (declared in contracts' `communeReportWorkflow`) in the caller's transaction. */
export async function takeCommuneReportStep(tx: Tx, actor: Actor, meta: RequestMeta, step: CommuneReportStep): Promise<TransitionResult<CommuneReportRow>> {
  const place = await communePlace(tx, step.communeId);
  let title: string | undefined;
  const labelOf = async (r: CommuneReportRow) => {
    if (title === undefined) {
      const [d] = await tx
        .select({ title: communeDueItem.title })
        .from(communeDueItem)
        .where(and(eq(communeDueItem.communeId, r.communeId), eq(communeDueItem.id, r.dueItemId)));
      title = d?.title ?? 'Báo cáo';
    }
    return `${title} — ${place.communeName}`;
  };
  return runTransition(tx, actor, meta, {
    workflow: communeReportWorkflow,
    transition: step.transition,
    now: step.now,
    version: step.version,
    table: communeReport,
    load: async () => ({
      row: await loadCommuneReport(tx, step.communeId, step.id, { lock: true }),
      communeId: step.communeId,
      subject: { provinceId: place.provinceId },
    }),
    lastStep: (row) => lastStep(tx, row),
    staleMessage: (row, version) => staleMessage(row.version, version),
    check: step.check ? (cur) => step.check!(cur!) : undefined,
    set: async (cur) => ({ ...(await step.set(cur!)), updatedBy: actor.userId, updatedAt: step.now }),
    addVersion: (row) => addVersion(tx, actor, row, step.transition, step.comment ?? null),
    audit: async (cur, row) => ({
      summary: step.summary(cur!, await labelOf(cur!)),
      after: { status: row.status, version: row.version, ...(step.comment ? { comment: step.comment } : {}) },
    }),
    notice: async (row) => {
      const make = notices[step.transition];
      const label = await labelOf(row);
      const text = make ? make(label, step.comment ?? null) : { title: 'Báo cáo của xã gửi tỉnh', body: label };
      return { ...text, link: `/commune-reports/${row.communeId}/${row.id}` };
    },
  });
}
