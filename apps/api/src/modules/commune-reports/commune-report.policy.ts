import { communeReportWorkflow, type CommuneReportCan, type CommuneStanding, type ErrorDetail, type ProvinceCommuneCounts } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { abilitiesOf } from '../../platform/workflow';
import type { CommuneReportContent } from './commune-reports.table';

/*
 * Pure decisions about a commune's report to its province: what a user may do with it (from the
 * workflow declaration the runner enforces), where a commune stands for a period, what a submission
 * needs.
 */

/** What the actor may do with this commune report now: the same rules `runTransition` applies. */
export function communeReportAbilities(actor: Actor, row: { communeId: string; status: string }, provinceId: string): CommuneReportCan {
  return abilitiesOf(actor, communeReportWorkflow, row, { provinceId });
}

/**
 * Where a commune stands for a period: its report's status, except that a report never submitted
 * whose due date has passed is missing (a draft not yet due is never missing).
 */
export function standingOf(r: { status: string; submittedAt: string | null; lateAfter: string }, now: Date): CommuneStanding {
  if (r.status !== 'draft') return r.status as CommuneStanding;
  return r.submittedAt === null && now.getTime() >= new Date(r.lateAfter).getTime() ? 'missing' : 'draft';
}

/** Late: submitted after the due date (the first submission decides), or still not submitted once it has passed. */
export function lateOf(r: { late: boolean; submittedAt: string | null; lateAfter: string }, now: Date): boolean {
  return r.submittedAt !== null ? r.late : now.getTime() >= new Date(r.lateAfter).getTime();
}

/** Counts over the communes of a province (each commune's standing, and whether it is late). */
export function countStandings(rows: { standing: CommuneStanding; late: boolean }[]): ProvinceCommuneCounts {
  const n = (s: CommuneStanding) => rows.filter((r) => r.standing === s).length;
  return {
    communes: rows.length,
    submitted: n('submitted'),
    accepted: n('accepted'),
    returned: n('returned'),
    missing: n('missing'),
    notDue: n('draft'),
    noItem: n('no_item'),
    late: rows.filter((r) => r.standing !== 'no_item' && r.late).length,
  };
}

/** What a commune report needs before it goes to the province: at least one section with some text. */
export function submitProblems(content: CommuneReportContent): ErrorDetail[] {
  if (content.sections.length === 0)
    return [{ field: 'sections', message: 'Báo cáo chưa có mục nào: cần "Lấy số liệu từ báo cáo của đơn vị" để tạo mục theo từng kế hoạch trước khi nộp.' }];
  return content.sections.some((s) => s.text.trim())
    ? []
    : [{ field: 'sections', message: 'Báo cáo chưa có nội dung: cần viết phần đánh giá của ít nhất một kế hoạch trước khi nộp lên tỉnh.' }];
}

/** The stale-version message of a commune report. */
export function staleMessage(current: number, started: number): string {
  return `Báo cáo của xã đã được thay đổi (phiên bản hiện tại ${current}, bạn đang sửa phiên bản ${started}). Vui lòng tải lại; nội dung chưa được ghi.`;
}
