import { z } from 'zod';
import { isoDate, pageOf, pageQuery, queryYear, requiredText, text, uuid } from './common.js';

// Reports of due items: a unit's yearly / half-yearly report, its mid-term or final review, or its
// own plan (unit_plan). draft → submitted → accepted (locked), or submitted → returned → submitted.

export const reportStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabelsVi: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã nộp',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};

/** A due item's state as the lists show it: its report's status, or `missing` when none was opened. */
export const dueItemStatuses = ['missing', ...reportStatuses] as const;
export type DueItemStatus = (typeof dueItemStatuses)[number];
export const dueItemStatusLabelsVi: Record<DueItemStatus, string> = { missing: 'Chưa có', ...reportStatusLabelsVi };

/** Due items answered by a report (registration items are answered by a registration). */
export const reportKinds = ['report', 'unit_plan'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const reportKindLabelsVi: Record<ReportKind, string> = { report: 'Báo cáo', unit_plan: 'Kế hoạch của đơn vị' };
export const dueKindFilter = ['report', 'unit_plan', 'registration'] as const;

export const reportCadences = ['yearly', 'half_yearly', 'midterm', 'final', 'once'] as const;
export type ReportCadence = (typeof reportCadences)[number];
export const reportCadenceLabelsVi: Record<ReportCadence, string> = {
  yearly: 'Hằng năm',
  half_yearly: '6 tháng',
  midterm: 'Sơ kết',
  final: 'Tổng kết',
  once: 'Một lần',
};

/** What produced a version of a report. */
export const reportActions = ['create', 'save', 'file', 'submit', 'return', 'accept', 'reopen'] as const;
export type ReportAction = (typeof reportActions)[number];
export const reportActionLabelsVi: Record<ReportAction, string> = {
  create: 'Tạo dự thảo',
  save: 'Lưu',
  file: 'Tải tệp lên',
  submit: 'Nộp',
  return: 'Trả lại',
  accept: 'Tiếp nhận',
  reopen: 'Mở lại',
};

/** Unit plans: file types accepted (by extension). */
export const unitPlanFileExtensions = ['pdf', 'docx', 'doc', 'odt'] as const;

// ---------------------------------------------------------------- shapes

export const reportSection = z.object({ key: z.string(), title: z.string(), text: z.string() });
export type ReportSectionDto = z.infer<typeof reportSection>;

/** One figure: `value`, or for ratio indicators `numerator` and `denominator` (value stays null). */
export const reportValue = z.object({
  code: z.string(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string().nullable(),
});
export type ReportValueDto = z.infer<typeof reportValue>;

/** An indicator the report form asks for (ratio ones ask for numerator and denominator). */
export const reportFormIndicator = z.object({
  code: z.string(),
  name: z.string(),
  pillar: z.string(),
  measure: z.string(),
  aggregation: z.string(),
  /** True when the form asks for numerator and denominator instead of a value. */
  ratio: z.boolean(),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  integer: z.boolean(),
  evidence: z.string().nullable(),
});
export type ReportFormIndicator = z.infer<typeof reportFormIndicator>;

/** An indicator computed from another module's records (e.g. the training module's coverage): shown read-only in the report, with its source. */
export const reportComputedFigure = z.object({
  code: z.string(),
  name: z.string(),
  measure: z.string(),
  ratio: z.boolean(),
  value: z.number().nullable(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** The provider that computes it ("training.coverage"). */
  source: z.string(),
  updatedAt: z.string().nullable(),
});
export type ReportComputedFigure = z.infer<typeof reportComputedFigure>;
/** Where computed figures come from, in words. */
export const derivedSourceLabelsVi: Record<string, string> = {
  'training.coverage': 'Tính tự động từ sổ Bình dân học vụ số (buổi hướng dẫn, điểm danh, hỗ trợ người dân)',
};

export const reportFile = z.object({ id: uuid, name: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string() });

/** A report in lists (review queue). */
export const reportSummary = z.object({
  id: uuid,
  communeId: uuid,
  dueItemId: uuid,
  planId: uuid,
  unitId: uuid,
  unitName: z.string(),
  kind: z.enum(reportKinds),
  cadence: z.enum(reportCadences),
  year: z.number().int(),
  /** 0 = the whole year; 1, 2 = first and second half. */
  period: z.number().int(),
  title: z.string(),
  dueDate: isoDate,
  lateAfter: z.string(),
  status: z.enum(reportStatuses),
  version: z.number().int(),
  /** Submitted after the deadline (the first submission decides). */
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewComment: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

/** One report with its content, the form to fill and what the signed-in user may do with it. */
export const reportDetail = reportSummary.extend({
  planTitle: z.string(),
  sections: z.array(reportSection),
  values: z.array(reportValue),
  summary: z.string().nullable(),
  file: reportFile.nullable(),
  form: z.array(reportFormIndicator),
  /** Indicators of this unit computed from records, read-only, for the report's year. */
  computed: z.array(reportComputedFigure),
  /** What the signed-in user may do now (the server checks again). */
  /** What this user may do with this report now (from the workflow declaration); the web shows only these. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    review: z.boolean(),
    reopen: z.boolean(),
    transitions: z.object({ save: z.boolean(), file: z.boolean(), submit: z.boolean(), return: z.boolean(), accept: z.boolean(), reopen: z.boolean() }),
  }),
});
export type ReportDetail = z.infer<typeof reportDetail>;
export const reportPage = pageOf(reportSummary).extend({
  /** What this user may do with the commune's reports: review them (return, accept, reopen; each report's own `can` says which now). */
  can: z.object({ review: z.boolean() }),
});
export type ReportPage = z.infer<typeof reportPage>;

/** A due item with its unit and its report (null while none was opened). */
export const reportDueItem = z.object({
  id: uuid,
  communeId: uuid,
  planId: uuid,
  planTitle: z.string(),
  unitId: uuid,
  unitName: z.string(),
  kind: z.enum(dueKindFilter),
  cadence: z.enum(reportCadences),
  title: z.string(),
  dueDate: isoDate,
  lateAfter: z.string(),
  year: z.number().int(),
  period: z.number().int(),
  status: z.enum(dueItemStatuses),
  /** Submitted late, or still not submitted after the deadline. */
  late: z.boolean(),
  /** When the item was answered: its report's first submission, or its registration's; null while unanswered. */
  submittedAt: z.string().nullable(),
  report: z.object({ id: uuid, status: z.enum(reportStatuses), version: z.number().int(), late: z.boolean(), submittedAt: z.string().nullable() }).nullable(),
  /** Whether the signed-in user may fill this item's report. */
  canWrite: z.boolean(),
});
export type ReportDueItem = z.infer<typeof reportDueItem>;
export const reportDueItemPage = pageOf(reportDueItem);

export const reportVersionEntry = z.object({
  version: z.number().int(),
  action: z.enum(reportActions),
  status: z.enum(reportStatuses),
  comment: z.string().nullable(),
  sections: z.array(reportSection),
  values: z.array(reportValue),
  summary: z.string().nullable(),
  fileId: uuid.nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type ReportVersionEntry = z.infer<typeof reportVersionEntry>;
export const reportVersionList = z.object({ items: z.array(reportVersionEntry) });

// ---------------------------------------------------------------- requests

export const reportParams = z.strictObject({ communeId: uuid, id: uuid });
export const dueItemParams = z.strictObject({ communeId: uuid, dueItemId: uuid });

/** `unitId` selects the unit and every unit under it. `q` searches unit names. */
export const reportDueItemQuery = pageQuery
  .extend({
    unitId: uuid.optional(),
    planId: uuid.optional(),
    kind: z.enum(dueKindFilter).optional(),
    cadence: z.enum(reportCadences).optional(),
    year: queryYear.optional(),
    period: z.coerce.number().int().min(0).max(2).optional(),
    status: z.enum(dueItemStatuses).optional(),
  })
  .strict();
export const reportListQuery = pageQuery
  .extend({
    status: z.enum(reportStatuses).optional(),
    unitId: uuid.optional(),
    kind: z.enum(reportKinds).optional(),
    cadence: z.enum(reportCadences).optional(),
    year: queryYear.optional(),
    period: z.coerce.number().int().min(0).max(2).optional(),
  })
  .strict();

/** A figure as typed: numbers, or text the server reads as a number (decimal comma allowed). */
const typedNumber = z
  .union([z.number(), z.string().max(50)])
  .nullable()
  .optional();
export const reportValueInput = z.strictObject({
  code: z.string().trim().min(1).max(50),
  value: typedNumber,
  numerator: typedNumber,
  denominator: typedNumber,
  note: text(1000).nullable().optional(),
});
export const reportSectionInput = z.strictObject({ key: z.string().trim().min(1).max(50), title: text(300), text: text(50_000) });

/** Save a draft (autosave). `version` is the version the editor started from. */
export const reportSaveInput = z.strictObject({
  version: z.number().int().min(1),
  sections: z.array(reportSectionInput).max(30).optional(),
  values: z.array(reportValueInput).max(500).optional(),
  summary: text(10_000).nullable().optional(),
});
export const reportSubmitInput = z.strictObject({ version: z.number().int().min(1) });
export const reportAcceptInput = z.strictObject({ version: z.number().int().min(1), comment: text(2000).optional() });
export const reportReturnInput = z.strictObject({ version: z.number().int().min(1), comment: requiredText(2000) });
export const reportReopenInput = z.strictObject({ version: z.number().int().min(1), reason: requiredText(2000) });
