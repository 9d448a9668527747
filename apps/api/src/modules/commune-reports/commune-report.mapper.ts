import type { CommunePeriodKind, CommuneReportDetail, CommuneReportStatus, CommuneReportSummary, CommuneReportVersionEntry } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { communeReportAbilities, lateOf, standingOf } from './commune-report.policy';
import type { CommuneReportRow } from './commune-reports.table';

/** A commune report with what the lists show beside it: its due item and its commune. */
export interface JoinedReport {
  r: CommuneReportRow;
  title: string;
  dueDate: string;
  lateAfter: string;
  communeName: string;
  provinceId: string;
}

/** Timestamps as ISO instants, whichever driver returned them. */
export const isoInstant = (v: string | Date | null): string | null => (v === null ? null : new Date(v).toISOString());

/** A joined row as the lists show it, with the actor's abilities. Pure. */
export function mapSummary(j: JoinedReport, actor: Actor, now: Date): CommuneReportSummary {
  const r = j.r;
  const lateAfter = isoInstant(j.lateAfter)!;
  const submittedAt = isoInstant(r.submittedAt);
  return {
    id: r.id,
    dueItemId: r.dueItemId,
    communeId: r.communeId,
    communeName: j.communeName,
    provinceId: j.provinceId,
    periodKind: r.periodKind as CommunePeriodKind,
    year: r.year,
    title: j.title,
    dueDate: j.dueDate,
    lateAfter,
    status: r.status as CommuneReportStatus,
    standing: standingOf({ status: r.status, submittedAt, lateAfter }, now),
    version: r.version,
    late: lateOf({ late: r.late, submittedAt, lateAfter }, now),
    submittedAt,
    reviewedAt: isoInstant(r.reviewedAt),
    reviewComment: r.reviewComment,
    updatedAt: new Date(r.updatedAt).toISOString(),
    can: communeReportAbilities(actor, r, j.provinceId),
  };
}

/** One kept version as the history shows it. Pure. */
export function mapVersion(v: {
  version: number;
  action: string;
  status: string;
  comment: string | null;
  createdAt: Date;
  createdByName: string | null;
}): CommuneReportVersionEntry {
  return {
    version: v.version,
    action: v.action as CommuneReportVersionEntry['action'],
    status: v.status as CommuneReportVersionEntry['status'],
    comment: v.comment,
    createdAt: new Date(v.createdAt).toISOString(),
    createdByName: v.createdByName,
  };
}

/** The report with its sections and history. Pure. */
export function mapDetail(
  j: JoinedReport,
  extra: { provinceName: string; versions: CommuneReportVersionEntry[] },
  actor: Actor,
  now: Date,
): CommuneReportDetail {
  return {
    ...mapSummary(j, actor, now),
    provinceName: extra.provinceName,
    reviewerName: j.r.reviewerName,
    sections: j.r.content.sections,
    versions: extra.versions,
  };
}
