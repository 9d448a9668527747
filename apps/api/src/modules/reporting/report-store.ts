import { and, eq } from 'drizzle-orm';
import type { ReportAction } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { loadUnit } from '../org';
import { dueItem } from '../plans';
import { report, reportVersion, type ReportRow } from './reporting.table';

/** Load one report of a commune (locked for update when it is about to change), or NOT_FOUND. */
export async function loadReport(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}): Promise<ReportRow> {
  const q = tx.select().from(report).where(and(eq(report.communeId, communeId), eq(report.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  return row;
}

/** Load one due item of a commune, or NOT_FOUND. */
export async function loadDueItem(tx: Tx, communeId: string, id: string) {
  const [row] = await tx.select().from(dueItem).where(and(eq(dueItem.communeId, communeId), eq(dueItem.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy việc phải nộp.');
  return row;
}

/** 403 unless the actor may write reports of this unit (unit roles: only in their own subtree). */
export async function authorizeUnitWrite(tx: Tx, actor: Actor, communeId: string, unitId: string): Promise<void> {
  const u = await loadUnit(tx, communeId, unitId);
  authorize(actor, 'report.write', { communeId, unitPath: u.path });
}

/** STALE_VERSION unless the caller started from the report's current version. */
export function assertVersion(row: ReportRow, version: number): void {
  if (row.version !== version) {
    throw new AppError('STALE_VERSION', `Báo cáo đã được thay đổi (phiên bản hiện tại ${row.version}, bạn đang sửa phiên bản ${version}). Vui lòng tải lại; nội dung chưa được ghi.`, [{ field: 'version', message: 'Phiên bản đã cũ.' }]);
  }
}

/** Only drafts and returned reports may be changed by their unit. */
export function assertEditable(row: ReportRow): void {
  if (row.status === 'accepted') throw new AppError('REPORT_LOCKED');
  if (row.status === 'submitted') throw new AppError('INVALID_TRANSITION', 'Báo cáo đã nộp và đang chờ xem xét: cần được trả lại trước khi sửa hoặc nộp lại.');
}

/** Keep a copy of the report as it now is, with the act that produced it. */
export async function addReportVersion(tx: Tx, actor: Actor, row: ReportRow, action: ReportAction, comment: string | null = null): Promise<void> {
  await tx.insert(reportVersion).values({
    communeId: row.communeId, reportId: row.id, version: row.version, action, status: row.status, sections: row.sections, values: row.values,
    summary: row.summary, fileId: row.fileId, comment, createdBy: actor.userId, createdByName: actor.fullName,
  });
}

export interface ReportChange {
  action: ReportAction;
  set: Partial<Omit<typeof report.$inferInsert, 'communeId' | 'id' | 'version'>>;
  comment?: string | null;
  /** Vietnamese line for the audit log. */
  summary: string;
}

/**
 * Apply one change to a report: the next version (only if nobody changed it meanwhile), a copy in
 * report_version and an audit entry, all in the caller's transaction.
 */
export async function commitReport(tx: Tx, actor: Actor, meta: RequestMeta, cur: ReportRow, change: ReportChange): Promise<ReportRow> {
  const [row] = await tx.update(report).set({ ...change.set, version: cur.version + 1, updatedBy: actor.userId, updatedAt: new Date() })
    .where(and(eq(report.communeId, cur.communeId), eq(report.id, cur.id), eq(report.version, cur.version))).returning();
  if (!row) throw new AppError('STALE_VERSION');
  await addReportVersion(tx, actor, row, change.action, change.comment ?? null);
  await writeAudit(tx, actor, meta, {
    action: change.action, entityType: 'report', entityId: row.id, communeId: row.communeId, summary: change.summary,
    before: { status: cur.status, version: cur.version }, after: { status: row.status, version: row.version, ...(change.comment ? { comment: change.comment } : {}) },
  });
  return row;
}

/** "Báo cáo kết quả ... năm 2026 — Trường Tiểu học", for audit lines. */
export async function reportLabel(tx: Tx, row: ReportRow): Promise<string> {
  const [d] = await tx.select({ title: dueItem.title }).from(dueItem).where(and(eq(dueItem.communeId, row.communeId), eq(dueItem.id, row.dueItemId)));
  const u = await loadUnit(tx, row.communeId, row.unitId);
  return `${d?.title ?? 'Báo cáo'} — ${u.name}`;
}

/** Reviewer acts need the report to be in one status: accepted ones are locked, others are out of turn. */
export function assertStatus(row: ReportRow, wanted: ReportRow['status'], message: string): void {
  if (row.status === wanted) return;
  if (row.status === 'accepted') throw new AppError('REPORT_LOCKED');
  throw new AppError('INVALID_TRANSITION', message);
}

/** 403 unless the actor reviews reports of this commune; 404 when the commune is not visible. */
export function authorizeReview(actor: Actor, communeId: string): void {
  authorize(actor, 'report.review', { communeId });
}
