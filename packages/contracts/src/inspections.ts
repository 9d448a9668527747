/** Kiểm tra, giám sát: the council's visits to units, findings, recommendations, answers and follow-up. */
import { z } from 'zod';
import { isoDate, opKey, pageOf, pageQuery, queryYear, uuid } from './common.js';
import { roles } from './permissions.js';
import type { Who, WorkflowDecl } from './workflow.js';

// ---- states, ratings ---------------------------------------------------------------------------

/**
 * An inspection: planned, visited (findings being recorded), concluded (result and rating), closed
 * (every recommendation closed); or cancelled, a planned visit that will not take place.
 */
export const inspectionStatuses = ['planned', 'in_progress', 'concluded', 'closed', 'cancelled'] as const;
export type InspectionStatus = (typeof inspectionStatuses)[number];
export const inspectionStatusLabelsVi: Record<InspectionStatus, string> = {
  planned: 'Đã lên kế hoạch',
  in_progress: 'Đang kiểm tra',
  concluded: 'Đã kết luận',
  closed: 'Đã đóng',
  cancelled: 'Đã hủy',
};

/** A recommendation made to a unit: open, answered by the unit, returned to it with a comment, closed by the office. */
export const inspectionRecommendationStatuses = ['open', 'answered', 'returned', 'closed'] as const;
export type InspectionRecommendationStatus = (typeof inspectionRecommendationStatuses)[number];
export const inspectionRecommendationStatusLabelsVi: Record<InspectionRecommendationStatus, string> = {
  open: 'Chờ đơn vị trả lời',
  answered: 'Đơn vị đã trả lời',
  returned: 'Trả lại đơn vị',
  closed: 'Đã đóng',
};

/** The rating of an inspection's conclusion. */
export const inspectionRatings = ['good', 'fair', 'average', 'weak'] as const;
export type InspectionRating = (typeof inspectionRatings)[number];
export const inspectionRatingLabelsVi: Record<InspectionRating, string> = { good: 'Tốt', fair: 'Khá', average: 'Trung bình', weak: 'Yếu' };

// ---- workflows ---------------------------------------------------------------------------------

const manager: Who = { permission: 'inspection.manage', scope: 'commune' };
const recorder: Who = { permission: 'inspection.record', scope: 'commune' };
const answerer: Who = { permission: 'inspection.answer', scope: 'own_unit' };

/**
 * An inspection (đợt kiểm tra): the commune office plans it and edits it until it is concluded; the
 * members on the visit record findings (the first one marks the visit as held); the office concludes
 * it with a result and a rating, and closes it once every recommendation is closed.
 */
export const inspectionWorkflow: WorkflowDecl<InspectionStatus, 'plan' | 'edit' | 'record' | 'conclude' | 'reopen' | 'close' | 'cancel'> = {
  name: 'inspection',
  entity: 'inspection',
  states: inspectionStatuses,
  initial: 'planned',
  transitions: {
    plan: {
      from: ['planned'],
      to: 'planned',
      who: [manager],
      guards: ['required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Đợt kiểm tra đã có.',
      labelVi: 'Lên kế hoạch kiểm tra',
    },
    edit: {
      from: ['planned', 'in_progress'],
      to: null,
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Đợt kiểm tra đã kết luận: không sửa kế hoạch kiểm tra được nữa.',
      labelVi: 'Sửa',
    },
    record: {
      from: ['planned', 'in_progress'],
      to: 'in_progress',
      who: [recorder],
      guards: ['required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Đợt kiểm tra đã kết luận hoặc đã đóng: không ghi thêm kết quả kiểm tra được.',
      labelVi: 'Ghi kết quả kiểm tra',
    },
    conclude: {
      from: ['planned', 'in_progress'],
      to: 'concluded',
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Chỉ kết luận được đợt kiểm tra chưa kết luận.',
      labelVi: 'Kết luận',
    },
    reopen: {
      from: ['concluded'],
      to: 'in_progress',
      who: [manager],
      guards: ['version'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Chỉ mở lại được đợt kiểm tra đã kết luận và chưa đóng.',
      labelVi: 'Mở lại',
    },
    close: {
      from: ['concluded'],
      to: 'closed',
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Chỉ đóng được đợt kiểm tra đã kết luận.',
      labelVi: 'Đóng đợt kiểm tra',
    },
    cancel: {
      from: ['planned'],
      to: 'cancelled',
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Chỉ hủy được đợt kiểm tra chưa ghi kết quả nào.',
      labelVi: 'Hủy đợt kiểm tra',
    },
  },
};
export type InspectionTransition = keyof typeof inspectionWorkflow.transitions;

/**
 * A recommendation (kiến nghị) made to a unit: the unit's own roles answer it (the commune office does
 * not answer for a unit); the office closes it, or returns it to the unit with a comment.
 */
export const inspectionRecommendationWorkflow: WorkflowDecl<InspectionRecommendationStatus, 'answer' | 'close' | 'return'> = {
  name: 'inspection_recommendation',
  entity: 'inspection_recommendation',
  states: inspectionRecommendationStatuses,
  initial: 'open',
  transitions: {
    answer: {
      from: ['open', 'returned'],
      to: 'answered',
      who: [answerer],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full', notify: 'commune' },
      outOfTurn: 'Kiến nghị đã được trả lời hoặc đã đóng: không trả lời được nữa.',
      labelVi: 'Trả lời kiến nghị',
    },
    close: {
      from: ['answered'],
      to: 'closed',
      who: [manager],
      guards: ['version'],
      writes: { version: false, audit: 'full', notify: 'unit' },
      outOfTurn: 'Chỉ đóng được kiến nghị đơn vị đã trả lời.',
      labelVi: 'Đóng kiến nghị',
    },
    return: {
      from: ['answered'],
      to: 'returned',
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full', notify: 'unit', mail: true },
      outOfTurn: 'Chỉ trả lại được kiến nghị đơn vị đã trả lời.',
      labelVi: 'Trả lại đơn vị',
    },
  },
};
export type InspectionRecommendationTransition = keyof typeof inspectionRecommendationWorkflow.transitions;

// ---- requests ----------------------------------------------------------------------------------

const id = (label: string) => z.uuid({ error: `${label} không hợp lệ.` });
const version = z.number({ error: 'Phiên bản phải là số.' }).int({ error: 'Phiên bản phải là số nguyên.' }).min(0, { error: 'Phiên bản không hợp lệ.' });
const day = (label: string) => z.iso.date({ error: `${label} không hợp lệ (yyyy-MM-dd).` });
const line = (label: string, max: number) =>
  z
    .string({ error: `${label} phải là văn bản.` })
    .trim()
    .min(1, { error: `${label} không được để trống.` })
    .max(max, { error: `${label}: tối đa ${max} ký tự.` });
const optionalLine = (label: string, max: number) =>
  z
    .string({ error: `${label} phải là văn bản.` })
    .trim()
    .max(max, { error: `${label}: tối đa ${max} ký tự.` })
    .nullish();

export const INSPECTION_MAX_UNITS = 30;
export const INSPECTION_MAX_MEMBERS = 30;
export const INSPECTION_MAX_CHECKLIST = 60;
export const INSPECTION_FINDING_MAX_RECOMMENDATIONS = 20;
/** Evidence files: at most this many bytes (the server's upload limit may be lower), of these kinds. */
export const inspectionFileExtensions = ['pdf', 'docx', 'doc', 'odt', 'xlsx', 'jpg', 'jpeg', 'png'] as const;

export const inspectionParams = z.strictObject({ communeId: uuid, id: uuid });
export const inspectionFileParams = z.strictObject({ communeId: uuid, id: uuid, fileId: id('Tệp minh chứng') });
export const inspectionRecommendationParams = z.strictObject({ communeId: uuid, id: uuid, recId: id('Kiến nghị') });

/** Evidence of a finding or an answer: a document (number, date, summary), a file uploaded for the inspection, or both. */
export const inspectionEvidenceInput = z.strictObject({
  number: optionalLine('Số văn bản minh chứng', 60),
  date: day('Ngày văn bản minh chứng').nullish(),
  summary: optionalLine('Trích yếu minh chứng', 1000),
  fileId: id('Tệp minh chứng').nullish(),
});
export type InspectionEvidenceInput = z.input<typeof inspectionEvidenceInput>;

/** Plan a visit: when, which units, who goes, which contents (free lines, or the plan's contents when none are given). */
export const inspectionInput = z.strictObject({
  title: line('Tên đợt kiểm tra', 300),
  visitDate: day('Ngày kiểm tra'),
  visitTime: z
    .string({ error: 'Giờ kiểm tra phải là văn bản.' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/u, { error: 'Giờ kiểm tra không hợp lệ (HH:mm).' })
    .nullish(),
  unitIds: z
    .array(id('Đơn vị được kiểm tra'), { error: 'Đơn vị được kiểm tra phải là danh sách.' })
    .min(1, { error: 'Chọn ít nhất một đơn vị được kiểm tra.' })
    .max(INSPECTION_MAX_UNITS, { error: `Tối đa ${INSPECTION_MAX_UNITS} đơn vị trong một đợt kiểm tra.` }),
  memberIds: z
    .array(id('Thành viên đoàn kiểm tra'), { error: 'Thành viên đoàn kiểm tra phải là danh sách.' })
    .min(1, { error: 'Chọn ít nhất một thành viên đoàn kiểm tra.' })
    .max(INSPECTION_MAX_MEMBERS, { error: `Tối đa ${INSPECTION_MAX_MEMBERS} thành viên đoàn kiểm tra.` }),
  checklist: z
    .array(line('Nội dung kiểm tra', 1000), { error: 'Nội dung kiểm tra phải là danh sách.' })
    .max(INSPECTION_MAX_CHECKLIST, { error: `Tối đa ${INSPECTION_MAX_CHECKLIST} nội dung kiểm tra.` })
    .default([]),
  planId: id('Kế hoạch').nullish(),
  note: optionalLine('Ghi chú', 2000),
  /** The client's key of this create: a retry with the same key plans the visit once. */
  opKey: opKey.optional(),
});
export type InspectionInput = z.input<typeof inspectionInput>;
export const inspectionUpdateInput = inspectionInput.omit({ opKey: true }).extend({ version });
export type InspectionUpdateInput = z.input<typeof inspectionUpdateInput>;

/** A finding of the visit at one of its units, with the recommendations made to that unit. */
export const inspectionFindingInput = z.strictObject({
  unitId: id('Đơn vị').nullish(),
  text: line('Nội dung kết quả kiểm tra', 4000),
  evidence: inspectionEvidenceInput.nullish(),
  recommendations: z
    .array(z.strictObject({ text: line('Nội dung kiến nghị', 2000), dueOn: day('Hạn thực hiện kiến nghị') }), { error: 'Kiến nghị phải là danh sách.' })
    .max(INSPECTION_FINDING_MAX_RECOMMENDATIONS, { error: `Tối đa ${INSPECTION_FINDING_MAX_RECOMMENDATIONS} kiến nghị cho một kết quả kiểm tra.` })
    .default([]),
  /** The client's key of this finding: a retry with the same key records it once. */
  opKey: z.string().trim().min(8, { error: 'Mã thao tác không hợp lệ.' }).max(100, { error: 'Mã thao tác không hợp lệ.' }).nullish(),
});
export type InspectionFindingInput = z.input<typeof inspectionFindingInput>;

export const inspectionConcludeInput = z.strictObject({
  version,
  conclusion: line('Kết luận kiểm tra', 8000),
  rating: z.enum(inspectionRatings, { error: 'Xếp loại phải là Tốt, Khá, Trung bình hoặc Yếu.' }),
});
export type InspectionConcludeInput = z.input<typeof inspectionConcludeInput>;
/** A transition that takes only the version the user saw. */
export const inspectionVersionInput = z.strictObject({ version });
/** Call off a planned visit, saying why (kept on the record and in the audit). */
export const inspectionCancelInput = z.strictObject({ version, reason: line('Lý do hủy', 1000) });
export type InspectionCancelInput = z.input<typeof inspectionCancelInput>;

export const inspectionAnswerInput = z.strictObject({ version, text: line('Nội dung trả lời', 4000), evidence: inspectionEvidenceInput.nullish() });
export type InspectionAnswerInput = z.input<typeof inspectionAnswerInput>;
export const inspectionReturnInput = z.strictObject({ version, comment: line('Ý kiến khi trả lại', 2000) });

export const inspectionListQuery = pageQuery
  .extend({
    year: queryYear.optional(),
    unitId: id('Đơn vị').optional(),
    status: z.enum(inspectionStatuses, { error: 'Trạng thái không hợp lệ.' }).optional(),
  })
  .strict();
export type InspectionListQuery = z.infer<typeof inspectionListQuery>;
export const inspectionExportQuery = inspectionListQuery.omit({ page: true, pageSize: true }).strict();

// ---- responses ---------------------------------------------------------------------------------

export const inspectionFileSchema = z.object({ id: uuid, name: z.string(), mime: z.string(), size: z.number().int() });
export type InspectionFile = z.infer<typeof inspectionFileSchema>;

export const inspectionEvidenceSchema = z.object({
  number: z.string().nullable(),
  date: isoDate.nullable(),
  summary: z.string().nullable(),
  file: inspectionFileSchema.nullable(),
});
export type InspectionEvidenceDoc = z.infer<typeof inspectionEvidenceSchema>;

const unitRef = z.object({ id: uuid, name: z.string() });

export const inspectionRecommendationSchema = z.object({
  id: uuid,
  inspectionId: uuid,
  findingId: uuid,
  unitId: uuid,
  unitName: z.string(),
  text: z.string(),
  dueOn: isoDate,
  status: z.enum(inspectionRecommendationStatuses),
  answer: z.object({ text: z.string(), evidence: inspectionEvidenceSchema.nullable(), byName: z.string().nullable(), at: z.string() }).nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  version: z.number().int(),
  can: z.object({ answer: z.boolean(), close: z.boolean(), return: z.boolean() }),
});
export type InspectionRecommendation = z.infer<typeof inspectionRecommendationSchema>;

export const inspectionFindingSchema = z.object({
  id: uuid,
  unitId: uuid,
  unitName: z.string(),
  text: z.string(),
  evidence: inspectionEvidenceSchema.nullable(),
  recordedByName: z.string().nullable(),
  createdAt: z.string(),
  /** Every recommendation of it is closed (a finding without recommendations counts as closed). */
  closed: z.boolean(),
  recommendations: z.array(inspectionRecommendationSchema),
});
export type InspectionFinding = z.infer<typeof inspectionFindingSchema>;

export const inspectionSummarySchema = z.object({
  id: uuid,
  communeId: uuid,
  title: z.string(),
  year: z.number().int(),
  visitDate: isoDate,
  visitTime: z.string().nullable(),
  status: z.enum(inspectionStatuses),
  rating: z.enum(inspectionRatings).nullable(),
  units: z.array(unitRef),
  findings: z.number().int(),
  recommendations: z.number().int(),
  /** Recommendations not yet closed. */
  openRecommendations: z.number().int(),
  version: z.number().int(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const inspectionDetailSchema = inspectionSummarySchema.extend({
  members: z.array(z.object({ userId: uuid, fullName: z.string() })),
  checklist: z.array(z.string()),
  plan: z.object({ id: uuid, title: z.string() }).nullable(),
  note: z.string().nullable(),
  conclusion: z.string().nullable(),
  concludedAt: z.string().nullable(),
  /** Why a cancelled visit was called off. */
  cancelReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  findingList: z.array(inspectionFindingSchema),
  can: z.object({
    edit: z.boolean(),
    record: z.boolean(),
    conclude: z.boolean(),
    reopen: z.boolean(),
    close: z.boolean(),
    cancel: z.boolean(),
    /** Upload an evidence file (a recorder on the visit, or a unit that has a recommendation to answer). */
    upload: z.boolean(),
  }),
});
export type InspectionDetail = z.infer<typeof inspectionDetailSchema>;

export const inspectionPage = pageOf(inspectionSummarySchema).extend({ can: z.object({ create: z.boolean() }) });
export type InspectionPage = z.infer<typeof inspectionPage>;

/** Who may go on a visit: the commune's users with a council role. */
export const inspectionMemberCandidates = z.object({ items: z.array(z.object({ userId: uuid, fullName: z.string(), roles: z.array(z.enum(roles)) })) });
export type InspectionMemberCandidates = z.infer<typeof inspectionMemberCandidates>;

/** An inspection as the scoring module cites it (the face's `inspectionEvidence`). */
export interface InspectionEvidence {
  id: string;
  unitIds: string[];
  title: string;
  visitDate: string;
  status: string;
  rating: string | null;
  conclusion: string | null;
}
