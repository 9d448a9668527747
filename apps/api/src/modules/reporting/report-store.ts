import { and, eq } from 'drizzle-orm';
import type { ReportAction } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { loadUnit } from '../org';
import { dueItem } from '../plans';
import { report, reportVersion, type ReportRow } from './reporting.table';

/** Load one report of a commune (locked for update when it is about to change), or NOT_FOUND. */
export async function loadReport(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}): Promise<ReportRow> {
  const q = tx
    .select()
    .from(report)
    .where(and(eq(report.communeId, communeId), eq(report.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy báo cáo.');
  return row;
}

/** Load one due item of a commune, or NOT_FOUND. */
export async function loadDueItem(tx: Tx, communeId: string, id: string) {
  const [row] = await tx
    .select()
    .from(dueItem)
    .where(and(eq(dueItem.communeId, communeId), eq(dueItem.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy việc phải nộp.');
  return row;
}

/** 403 unless the actor may write reports of this unit (unit roles: only in their own subtree). */
export async function authorizeUnitWrite(tx: Tx, actor: Actor, communeId: string, unitId: string): Promise<void> {
  const u = await loadUnit(tx, communeId, unitId);
  authorize(actor, 'report.write', { communeId, unitPath: u.path });
}

/** The stale-version message of a report. */
export function staleReportMessage(current: number, started: number): string {
  return `Báo cáo đã được thay đổi (phiên bản hiện tại ${current}, bạn đang sửa phiên bản ${started}). Vui lòng tải lại; nội dung chưa được ghi.`;
}

/** Keep a copy of the report as it now is, with the act that produced it. */
export async function addReportVersion(tx: Tx, actor: Actor, row: ReportRow, action: ReportAction, comment: string | null = null): Promise<void> {
  await tx.insert(reportVersion).values({
    communeId: row.communeId,
    reportId: row.id,
    version: row.version,
    action,
    status: row.status,
    sections: row.sections,
    values: row.values,
    summary: row.summary,
    fileId: row.fileId,
    comment,
    createdBy: actor.userId,
    createdByName: actor.fullName,
  });
}

/** "Báo cáo kết quả ... năm 2026 — Trường Tiểu học", for audit lines. */
export async function reportLabel(tx: Tx, row: ReportRow): Promise<string> {
  const [d] = await tx
    .select({ title: dueItem.title })
    .from(dueItem)
    .where(and(eq(dueItem.communeId, row.communeId), eq(dueItem.id, row.dueItemId)));
  const u = await loadUnit(tx, row.communeId, row.unitId);
  return `${d?.title ?? 'Báo cáo'} — ${u.name}`;
}
