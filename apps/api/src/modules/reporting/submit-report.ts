import type { ErrorDetail } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { indicatorMap } from '../indicators';
import { mapDetail } from './report-mapper';
import { assertEditable, assertVersion, authorizeUnitWrite, commitReport, loadDueItem, loadReport, reportLabel } from './report-store';
import { checkValues } from './report-values';
import type { ReportRow } from './reporting.table';

/** What a report needs before it can be submitted: some narrative, or for a unit plan a summary and its file. */
export function submitProblems(row: Pick<ReportRow, 'kind' | 'sections' | 'summary' | 'fileId'>): ErrorDetail[] {
  if (row.kind === 'unit_plan') {
    const out: ErrorDetail[] = [];
    if (!row.summary?.trim()) out.push({ field: 'summary', message: 'Kế hoạch của đơn vị chưa có phần tóm tắt.' });
    if (!row.fileId) out.push({ field: 'file', message: 'Chưa tải lên tệp kế hoạch của đơn vị (.pdf, .docx, .doc, .odt).' });
    return out;
  }
  return row.sections.some((s) => s.text.trim()) ? [] : [{ field: 'sections', message: 'Báo cáo chưa có nội dung: cần viết ít nhất một mục trước khi nộp.' }];
}

/**
 * Submit a draft or a corrected returned report. The first submission decides whether it is late
 * (after the due item's late_after instant); late submission is allowed and marked.
 */
export async function submitReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadReport(tx, communeId, opts.id, { lock: true });
    await authorizeUnitWrite(tx, actor, communeId, cur.unitId);
    assertVersion(cur, opts.version);
    assertEditable(cur);
    // Figures were checked when saved; check again in case the indicator definitions changed since.
    const recheck = checkValues(await indicatorMap(tx, communeId), cur.values);
    const problems = [...submitProblems(cur), ...recheck.errors];
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
    const item = await loadDueItem(tx, communeId, cur.dueItemId);
    const now = new Date();
    const first = cur.submittedAt === null;
    const late = first ? now.getTime() > new Date(item.lateAfter).getTime() : cur.late;
    const label = await reportLabel(tx, cur);
    const row = await commitReport(tx, actor, opts.meta, cur, {
      action: 'submit',
      set: { status: 'submitted', submittedAt: first ? now.toISOString() : cur.submittedAt, late },
      summary: `${first ? 'Nộp' : 'Nộp lại'} báo cáo${late ? ' (muộn hạn)' : ''}: ${label}`,
    });
    return mapDetail(tx, actor, row);
  });
}
