import { clockNow } from '@tds/contracts';
import type { ErrorDetail } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { indicatorMap } from '../indicators';
import { mapDetail } from './report-mapper';
import { loadDueItem } from './report-store';
import { takeReportStep } from './report-step';
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
export async function submitReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number; now?: Date }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  const now = opts.now ?? clockNow();
  return inScope(db, actor.scope, async (tx) => {
    let late = false;
    const { row } = await takeReportStep(tx, actor, opts.meta, {
      now,
      communeId,
      id: opts.id,
      transition: 'submit',
      version: opts.version,
      // Figures were checked when saved; check again in case the indicator definitions changed since.
      check: async (cur) => [...submitProblems(cur), ...checkValues(await indicatorMap(tx, communeId), cur.values).errors],
      set: async (cur) => {
        const item = await loadDueItem(tx, communeId, cur.dueItemId);
        const first = cur.submittedAt === null;
        late = first ? now.getTime() > new Date(item.lateAfter).getTime() : cur.late;
        return { submittedAt: first ? now.toISOString() : cur.submittedAt, late };
      },
      summary: (cur, _row, label) => `${cur.submittedAt === null ? 'Nộp' : 'Nộp lại'} báo cáo${late ? ' (muộn hạn)' : ''}: ${label}`,
    });
    return mapDetail(tx, actor, row);
  });
}
