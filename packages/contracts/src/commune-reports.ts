import { z } from 'zod';
import { isoDate, pageOf, pageQuery, queryYear, requiredText, text, uuid } from './common.js';

// The commune's own report to its province: one per commune and period (the yearly report of each
// year of its plans, the mid-term review of 2027 and the final review of 2030), with a section per
// published plan. draft → submitted → accepted, or submitted → returned → submitted again.

export const communePeriodKinds = ['year', 'midterm', 'final'] as const;
export type CommunePeriodKind = (typeof communePeriodKinds)[number];
export const communePeriodKindLabelsVi: Record<CommunePeriodKind, string> = { year: 'Hằng năm', midterm: 'Sơ kết', final: 'Tổng kết' };

export const communeReportStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type CommuneReportStatus = (typeof communeReportStatuses)[number];
export const communeReportStatusLabelsVi: Record<CommuneReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã nộp lên tỉnh',
  returned: 'Bị tỉnh trả lại',
  accepted: 'Tỉnh đã tiếp nhận',
};

/**
 * A commune's standing for one period as the province sees it: no due item (no published plan), a
 * draft not yet due, missing (due date passed and never submitted), or the report's status.
 */
export const communeStandings = ['no_item', 'draft', 'missing', 'submitted', 'returned', 'accepted'] as const;
export type CommuneStanding = (typeof communeStandings)[number];
export const communeStandingLabelsVi: Record<CommuneStanding, string> = {
  no_item: 'Chưa có kỳ báo cáo',
  draft: 'Đang soạn (chưa đến hạn)',
  missing: 'Chưa nộp (quá hạn)',
  submitted: 'Đã nộp, chờ tiếp nhận',
  returned: 'Đã trả lại',
  accepted: 'Đã tiếp nhận',
};

/** What produced a version of a commune report. */
export const communeReportActions = ['save', 'prepare', 'submit', 'return', 'accept'] as const;
export type CommuneReportAction = (typeof communeReportActions)[number];
export const communeReportActionLabelsVi: Record<CommuneReportAction, string> = {
  save: 'Lưu',
  prepare: 'Lấy số liệu từ báo cáo đơn vị',
  submit: 'Nộp lên tỉnh',
  return: 'Tỉnh trả lại',
  accept: 'Tỉnh tiếp nhận',
};

// ---------------------------------------------------------------- shapes

/** An indicator's figure against its target, as gathered from the accepted unit reports. */
export const communeReportIndicator = z.object({
  code: z.string(),
  name: z.string(),
  measure: z.string(),
  value: z.number().nullable(),
  target: z.number().nullable(),
  achievementPct: z.number().nullable(),
});

/** The figures of one plan gathered from the units' reports of the year (computed, never typed). */
export const communeReportFigures = z.object({
  year: z.number().int(),
  /** A review's first year: its counts add up the years fromYear..year; indicators are those of `year`. */
  fromYear: z.number().int().optional(),
  /** Unit reports owed in the year (or the review's years), and how they stand (the progress module's completeness). */
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  notDue: z.number().int(),
  missing: z.number().int(),
  /** Unit reports accepted by the commune. */
  accepted: z.number().int(),
  indicators: z.array(communeReportIndicator),
  preparedAt: z.string(),
});
export type CommuneReportFigures = z.infer<typeof communeReportFigures>;

/** One section of the commune's report: one published plan, its figures and the commune's text. */
export const communeReportSection = z.object({
  planId: uuid,
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  text: z.string(),
  figures: communeReportFigures.nullable(),
});
export type CommuneReportSection = z.infer<typeof communeReportSection>;

/** What this user may do with the commune report now (from `communeReportWorkflow`). */
export const communeReportCan = z.object({
  save: z.boolean(),
  prepare: z.boolean(),
  submit: z.boolean(),
  return: z.boolean(),
  accept: z.boolean(),
});
export type CommuneReportCan = z.infer<typeof communeReportCan>;

/** A commune's due item for a period with its report. */
export const communeReportSummary = z.object({
  id: uuid,
  dueItemId: uuid,
  communeId: uuid,
  communeName: z.string(),
  provinceId: uuid,
  periodKind: z.enum(communePeriodKinds),
  year: z.number().int(),
  title: z.string(),
  dueDate: isoDate,
  lateAfter: z.string(),
  status: z.enum(communeReportStatuses),
  standing: z.enum(communeStandings),
  version: z.number().int(),
  /** Submitted after the due date (the first submission decides), or still not submitted after it. */
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** The province's comment when it returned (or accepted) the report. */
  reviewComment: z.string().nullable(),
  updatedAt: z.string(),
  can: communeReportCan,
});
export type CommuneReportSummary = z.infer<typeof communeReportSummary>;

export const communeReportVersionEntry = z.object({
  version: z.number().int(),
  action: z.enum(communeReportActions),
  status: z.enum(communeReportStatuses),
  comment: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type CommuneReportVersionEntry = z.infer<typeof communeReportVersionEntry>;

export const communeReportDetail = communeReportSummary.extend({
  provinceName: z.string(),
  reviewerName: z.string().nullable(),
  sections: z.array(communeReportSection),
  /** Every kept version, newest first. */
  versions: z.array(communeReportVersionEntry),
});
export type CommuneReportDetail = z.infer<typeof communeReportDetail>;

export const communeReportPage = pageOf(communeReportSummary).extend({
  /** May this user write the commune's reports (each report's own `can` says what now). */
  can: z.object({ write: z.boolean() }),
});
export type CommuneReportPage = z.infer<typeof communeReportPage>;

/** One commune of the province for a period: its due item and report, or none. */
export const provinceCommuneRow = z.object({
  communeId: uuid,
  communeName: z.string(),
  standing: z.enum(communeStandings),
  report: communeReportSummary.nullable(),
});
export type ProvinceCommuneRow = z.infer<typeof provinceCommuneRow>;

/** Counts over every commune of the province (not only the page); not-yet-due drafts are never missing. */
export const provinceCommuneCounts = z.object({
  communes: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  returned: z.number().int(),
  missing: z.number().int(),
  notDue: z.number().int(),
  noItem: z.number().int(),
  late: z.number().int(),
});
export type ProvinceCommuneCounts = z.infer<typeof provinceCommuneCounts>;

export const provinceCommuneReportPage = pageOf(provinceCommuneRow).extend({
  periodKind: z.enum(communePeriodKinds),
  year: z.number().int(),
  counts: provinceCommuneCounts,
});
export type ProvinceCommuneReportPage = z.infer<typeof provinceCommuneReportPage>;

// ---------------------------------------------------------------- requests

export const communeReportParams = z.strictObject({ communeId: uuid, id: uuid });
export const provinceCommuneReportParams = z.strictObject({ provinceId: uuid, id: uuid });
export const provinceParamsForReports = z.strictObject({ provinceId: uuid });

export const communeReportListQuery = pageQuery
  .extend({ period: z.enum(communePeriodKinds, { error: 'Kỳ báo cáo phải là year, midterm hoặc final.' }).optional(), year: queryYear.optional() })
  .strict();
export const provinceCommuneReportQuery = pageQuery
  .extend({
    period: z.enum(communePeriodKinds, { error: 'Kỳ báo cáo phải là year, midterm hoặc final.' }).default('year'),
    year: queryYear.optional(),
    standing: z.enum(communeStandings).optional(),
  })
  .strict();

const version = z.number({ error: 'Phiên bản phải là số.' }).int().min(1, { error: 'Phiên bản không hợp lệ.' });

/** Save the commune's text of each section (the figures are computed, never typed). */
export const communeReportSaveInput = z.strictObject({
  version,
  sections: z.array(z.strictObject({ planId: uuid, text: text(50_000) })).max(50, { error: 'Tối đa 50 mục.' }),
});
export const communeReportVersionInput = z.strictObject({ version });
export const communeReportReturnInput = z.strictObject({ version, comment: requiredText(2000) });
export const communeReportAcceptInput = z.strictObject({ version, comment: text(2000).optional() });
