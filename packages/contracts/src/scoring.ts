import { z } from 'zod';
import { isoDate, pageOf, pageQuery, uuid } from './common.js';
import type { Who, WorkflowDecl } from './workflow.js';

/**
 * Chấm điểm thi đua: a rubric per participant group of a plan and year, the units' self-assessments
 * with evidence, the council's independent (sealed) scores, and the frozen results (score,
 * classification, rank) published to the commune.
 */

export const criterionSections = ['main', 'bonus', 'penalty'] as const;
export type CriterionSection = (typeof criterionSections)[number];
export const criterionSectionLabelsVi: Record<CriterionSection, string> = { main: 'Tiêu chí', bonus: 'Điểm thưởng', penalty: 'Điểm trừ' };

/**
 * How a criterion is scored: `bands` maps a number (typed, or an indicator's accepted value) to
 * points ("4/3/2/1/0 cuộc họp -> 20/15/10/5/0"); `formula` is (numerator ÷ denominator) × factor over
 * indicator values of accepted reports; `judgement` is points given by the council.
 */
export const criterionMethods = ['bands', 'formula', 'judgement'] as const;
export type CriterionMethod = (typeof criterionMethods)[number];
export const criterionMethodLabelsVi: Record<CriterionMethod, string> = {
  bands: 'Theo mức (bậc)',
  formula: 'Theo công thức từ chỉ tiêu',
  judgement: 'Hội đồng đánh giá',
};

/** How the council's scores of one criterion make the final one. */
export const aggregations = ['mean', 'median', 'trimmed'] as const;
export type Aggregation = (typeof aggregations)[number];
export const aggregationLabelsVi: Record<Aggregation, string> = {
  mean: 'Trung bình cộng',
  median: 'Trung vị',
  trimmed: 'Trung bình sau khi bỏ điểm cao nhất và thấp nhất',
};

const points = z
  .number({ error: 'Điểm phải là một số.' })
  .min(0, { error: 'Điểm không được âm.' })
  .max(1000, { error: 'Điểm tối đa là 1000.' })
  .refine((n) => Math.round(n * 100) === n * 100, { error: 'Điểm lấy tối đa 2 chữ số thập phân.' });
const shortText = (label: string, max: number) =>
  z
    .string({ error: `${label} là bắt buộc.` })
    .trim()
    .min(1, { error: `${label} là bắt buộc.` })
    .max(max, { error: `${label} dài tối đa ${max} ký tự.` });
const indicatorCode = z
  .string()
  .trim()
  .regex(/^[A-Z0-9_.]{2,40}$/u, { error: 'Mã chỉ tiêu không hợp lệ.' });

export const rubricBand = z.strictObject({
  /** From this value up (the highest band that fits wins). */
  min: z.number({ error: 'Ngưỡng của mức phải là một số.' }).min(-1e9).max(1e9),
  points,
});
export type RubricBand = z.infer<typeof rubricBand>;

export const criterionInput = z.strictObject({
  /** Kept when a draft rubric is saved again (new criteria have none). */
  id: uuid.optional(),
  title: shortText('Tên tiêu chí', 1000),
  section: z.enum(criterionSections, { error: 'Phần của tiêu chí không hợp lệ.' }),
  method: z.enum(criterionMethods, { error: 'Cách chấm không hợp lệ.' }),
  maxPoints: points.refine((n) => n > 0, { error: 'Điểm tối đa phải lớn hơn 0.' }),
  bands: z.array(rubricBand).max(20, { error: 'Tối đa 20 mức.' }).optional(),
  /** `bands`: the indicator whose accepted value is the input (none: the value is typed); `formula`: the numerator. */
  indicatorCode: indicatorCode.nullable().optional(),
  /** `formula`: the denominator (none: the numerator alone). */
  denominatorCode: indicatorCode.nullable().optional(),
  /** `formula`: the factor (defaults to the maximum points). */
  factor: z.number().min(0).max(1e6).nullable().optional(),
  evidenceRequired: z.boolean().default(false),
  /** What evidence is expected ("Biên bản họp Ban chỉ đạo"). */
  evidenceHint: z.string().trim().max(500).nullable().optional(),
});
export type CriterionInput = z.infer<typeof criterionInput>;

export const classBand = z.strictObject({
  label: shortText('Tên mức xếp loại', 100),
  /** From this total up. */
  min: z.number({ error: 'Điểm sàn của mức xếp loại phải là một số.' }).min(0).max(10000),
});
export type ClassBand = z.infer<typeof classBand>;

/** Classification bands offered by default (Nghị định 152/2025 style: four levels). */
export const defaultClasses: ClassBand[] = [
  { label: 'Hoàn thành xuất sắc nhiệm vụ', min: 90 },
  { label: 'Hoàn thành tốt nhiệm vụ', min: 70 },
  { label: 'Hoàn thành nhiệm vụ', min: 50 },
  { label: 'Không hoàn thành nhiệm vụ', min: 0 },
];
/** What an official paper says in the class column of a unit nobody scored. */
export const unscoredLabelVi = 'Chưa chấm điểm';

export const rubricInput = z.strictObject({
  planId: uuid.nullable().optional(),
  /** The participant group of the plan ("Đối với các trường học"). */
  groupName: shortText('Nhóm đối tượng', 300),
  title: shortText('Tên bảng tiêu chí', 300),
  year: z.number({ error: 'Năm là bắt buộc.' }).int().min(2020, { error: 'Năm không hợp lệ.' }).max(2100, { error: 'Năm không hợp lệ.' }),
  unitIds: z.array(uuid).min(1, { error: 'Chọn ít nhất một đơn vị được chấm.' }).max(2000),
  aggregation: z.enum(aggregations).default('mean'),
  classes: z.array(classBand).min(1, { error: 'Cần ít nhất một mức xếp loại.' }).max(10),
  criteria: z.array(criterionInput).min(1, { error: 'Cần ít nhất một tiêu chí.' }).max(200, { error: 'Tối đa 200 tiêu chí.' }),
  /** Where it was copied from (a province template's name), shown on the rubric. */
  source: z.string().trim().max(300).nullable().optional(),
});
export type RubricInput = z.infer<typeof rubricInput>;
export const rubricUpdateInput = rubricInput.extend({ version: z.number().int().min(1) });

export const rubricStatuses = ['draft', 'open', 'closed', 'published'] as const;
export type RubricStatus = (typeof rubricStatuses)[number];
export const rubricStatusLabelsVi: Record<RubricStatus, string> = {
  draft: 'Đang soạn',
  open: 'Đang chấm điểm',
  closed: 'Đã khóa sổ điểm',
  published: 'Đã công bố',
};

export const criterionSchema = criterionInput.extend({ id: uuid, order: z.number().int(), auto: z.boolean() });
export type CriterionDto = z.infer<typeof criterionSchema>;

const manager: Who = { permission: 'scoring.manage', scope: 'commune' };
const ownUnit: Who = { permission: 'scoring.assess', scope: 'own_unit' };
const member: Who = { permission: 'scoring.score', scope: 'commune' };

/** A rubric: drafted, opened for self-assessment and council scoring, closed (results frozen), published. */
export const rubricWorkflow: WorkflowDecl<RubricStatus, 'edit' | 'open' | 'close' | 'publish'> = {
  name: 'rubric',
  entity: 'rubric',
  states: rubricStatuses,
  initial: 'draft',
  lockedIn: { states: ['closed', 'published'], code: 'SCORING_CLOSED', except: ['publish'] },
  transitions: {
    edit: {
      from: ['draft'],
      to: null,
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Bảng tiêu chí đã mở để chấm: không sửa được nữa.',
      labelVi: 'Lưu',
    },
    open: {
      from: ['draft'],
      to: 'open',
      who: [manager],
      guards: ['version', 'required'],
      writes: { version: false, audit: 'full', notify: 'commune' },
      outOfTurn: 'Bảng tiêu chí đã được mở.',
      labelVi: 'Mở chấm điểm',
    },
    close: {
      from: ['open'],
      to: 'closed',
      who: [manager],
      guards: ['version'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Chỉ khóa sổ được bảng tiêu chí đang chấm.',
      labelVi: 'Khóa sổ điểm',
    },
    publish: {
      from: ['closed'],
      to: 'published',
      who: [manager],
      guards: ['version'],
      writes: { version: false, audit: 'full', notify: 'commune' },
      outOfTurn: 'Chỉ công bố được kết quả đã khóa sổ.',
      labelVi: 'Công bố kết quả',
    },
  },
};
export type RubricTransition = keyof typeof rubricWorkflow.transitions;

export const assessmentStatuses = ['draft', 'submitted', 'returned'] as const;
export type AssessmentStatus = (typeof assessmentStatuses)[number];
export const assessmentStatusLabelsVi: Record<AssessmentStatus, string> = { draft: 'Đang tự chấm', submitted: 'Đã gửi', returned: 'Bị trả lại' };

/** A unit's self-assessment: the unit's own roles save and submit it; the commune office may return it. */
export const assessmentWorkflow: WorkflowDecl<AssessmentStatus, 'save' | 'submit' | 'return'> = {
  name: 'assessment',
  entity: 'assessment',
  states: assessmentStatuses,
  initial: 'draft',
  transitions: {
    save: {
      from: ['draft', 'returned'],
      to: null,
      who: [ownUnit],
      guards: ['version', 'window'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Bản tự chấm đã gửi: cần được trả lại trước khi sửa.',
      labelVi: 'Lưu',
    },
    submit: {
      from: ['draft', 'returned'],
      to: 'submitted',
      who: [ownUnit],
      guards: ['version', 'window', 'required'],
      writes: { version: false, audit: 'full', notify: 'commune' },
      outOfTurn: 'Bản tự chấm đã được gửi.',
      labelVi: 'Gửi bản tự chấm',
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      who: [manager],
      guards: ['version', 'window', 'required'],
      writes: { version: false, audit: 'full', notify: 'unit' },
      outOfTurn: 'Chỉ trả lại được bản tự chấm đã gửi.',
      labelVi: 'Trả lại',
    },
  },
};
export type AssessmentTransition = keyof typeof assessmentWorkflow.transitions;

export const councilScoreStatuses = ['draft', 'submitted', 'recused'] as const;
export type CouncilScoreStatus = (typeof councilScoreStatuses)[number];

/**
 * A council member's scores of one unit: saved, then submitted once (sealed: the audit keeps only
 * that it happened); or the member declares a conflict of interest and is excluded from that unit.
 */
export const councilScoreWorkflow: WorkflowDecl<CouncilScoreStatus, 'save' | 'submit' | 'recuse'> = {
  name: 'council_score',
  entity: 'council_score',
  states: councilScoreStatuses,
  initial: 'draft',
  transitions: {
    save: {
      from: ['draft'],
      to: null,
      who: [member],
      guards: ['version', 'window'],
      writes: { version: false, audit: 'redacted' },
      outOfTurn: 'Bạn đã nộp điểm (hoặc đã khai báo xung đột lợi ích) cho đơn vị này.',
      labelVi: 'Lưu nháp',
    },
    submit: {
      from: ['draft'],
      to: 'submitted',
      who: [member],
      guards: ['version', 'window', 'required'],
      writes: { version: false, audit: 'redacted' },
      outOfTurn: 'Bạn đã nộp điểm cho đơn vị này: mỗi thành viên chỉ nộp một lần.',
      labelVi: 'Nộp điểm',
    },
    recuse: {
      from: ['draft'],
      to: 'recused',
      who: [member],
      guards: ['window', 'required'],
      writes: { version: false, audit: 'full' },
      outOfTurn: 'Bạn đã nộp điểm cho đơn vị này nên không khai báo xung đột lợi ích được nữa.',
      labelVi: 'Khai báo xung đột lợi ích',
    },
  },
};
export type CouncilScoreTransition = keyof typeof councilScoreWorkflow.transitions;

export const rubricSchema = z.object({
  id: uuid,
  communeId: uuid,
  planId: uuid.nullable(),
  planTitle: z.string().nullable(),
  groupName: z.string(),
  title: z.string(),
  year: z.number().int(),
  status: z.enum(rubricStatuses),
  version: z.number().int(),
  aggregation: z.enum(aggregations),
  classes: z.array(classBand),
  criteria: z.array(criterionSchema),
  units: z.array(z.object({ id: uuid, name: z.string() })),
  source: z.string().nullable(),
  /** The total a unit can reach (main criteria plus bonus). */
  maxTotal: z.number(),
  can: z.object({ edit: z.boolean(), open: z.boolean(), close: z.boolean(), publish: z.boolean() }),
  /** What the user takes part in: the units they self-assess, whether they score as a council member. */
  mine: z.object({ assessUnitIds: z.array(uuid), councilMember: z.boolean() }),
});
export type RubricDto = z.infer<typeof rubricSchema>;

export const rubricSummary = rubricSchema.pick({ id: true, groupName: true, title: true, year: true, status: true, version: true, planTitle: true }).extend({
  unitCount: z.number().int(),
  criterionCount: z.number().int(),
});
export const rubricListQuery = pageQuery.extend({ year: z.coerce.number().int().min(2020).max(2100).optional() }).strict();
/** With what this user may start here: a new rubric (the commune's office). */
export const rubricPage = pageOf(rubricSummary).extend({ can: z.object({ create: z.boolean() }) });

/** Evidence of a criterion: an official document, an uploaded file, or an inspection of the unit. */
export const evidenceInput = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('document'),
      number: shortText('Số văn bản', 100),
      date: isoDate,
      summary: shortText('Trích yếu', 1000),
    }),
    z.strictObject({ kind: z.literal('file'), fileId: uuid, name: z.string().trim().max(300).optional() }),
    z.strictObject({ kind: z.literal('inspection'), inspectionId: uuid }),
  ],
  { error: 'Loại minh chứng không hợp lệ.' },
);
export type EvidenceInput = z.infer<typeof evidenceInput>;
/** Evidence as shown: what it is in words. */
export const evidenceSchema = z.object({
  kind: z.enum(['document', 'file', 'inspection']),
  label: z.string(),
  number: z.string().optional(),
  date: isoDate.optional(),
  summary: z.string().optional(),
  fileId: uuid.optional(),
  /** A file's name as uploaded (none when the file was removed since). */
  name: z.string().optional(),
  inspectionId: uuid.optional(),
});
export type EvidenceDto = z.infer<typeof evidenceSchema>;

/** Evidence files of a self-assessment: at most this many a unit and rubric, each at most this many bytes. */
export const SCORING_FILE_LIMIT = 100;
export const SCORING_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** What an evidence file may be (checked by its first bytes, never by its name alone). */
export const scoringFileExtensions = ['pdf', 'docx', 'xlsx', 'odt', 'jpg', 'jpeg', 'png'] as const;
/** An evidence file uploaded for a unit's self-assessment, cited then as `{ kind: 'file', fileId: id }`. */
export const scoringFileSchema = z.object({ id: uuid, name: z.string(), mime: z.string(), size: z.number().int() });
export type ScoringFileDto = z.infer<typeof scoringFileSchema>;

export const assessmentItemInput = z.strictObject({
  /** `bands` without an indicator: the number the unit reports (meetings held...). */
  value: z.number().min(-1e9).max(1e9).nullable().optional(),
  /** `judgement` (and bonus/penalty): the points the unit claims. */
  points: points.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
  evidence: z.array(evidenceInput).max(20, { error: 'Tối đa 20 minh chứng mỗi tiêu chí.' }).default([]),
});
export type AssessmentItemInput = z.infer<typeof assessmentItemInput>;
export const assessmentInput = z.strictObject({
  version: z.number().int().min(0),
  items: z.record(uuid, assessmentItemInput),
});
export const assessmentStepInput = z.strictObject({ version: z.number().int().min(1), comment: z.string().trim().max(2000).nullable().optional() });

export const assessmentItemSchema = z.object({
  criterionId: uuid,
  value: z.number().nullable(),
  points: z.number().nullable(),
  note: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  /** The criterion's input from accepted reports (automatic criteria), and the points it gives. */
  autoValue: z.number().nullable(),
  autoPoints: z.number().nullable(),
});
export const assessmentSchema = z.object({
  id: uuid.nullable(),
  rubricId: uuid,
  unitId: uuid,
  unitName: z.string(),
  status: z.enum(assessmentStatuses),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  comment: z.string().nullable(),
  items: z.array(assessmentItemSchema),
  /** The total the unit claims (automatic criteria computed). */
  claimed: z.number(),
  can: z.object({ save: z.boolean(), submit: z.boolean(), return: z.boolean() }),
});
export type AssessmentDto = z.infer<typeof assessmentSchema>;

export const councilScoreInput = z.strictObject({
  version: z.number().int().min(0),
  /** Per criterion scored by the council: the points (judgement, bonus, penalty) or the counted value (bands typed). */
  items: z.record(uuid, z.strictObject({ value: z.number().min(-1e9).max(1e9).nullable().optional(), points: points.nullable().optional() })),
  note: z.string().trim().max(2000).nullable().optional(),
});
export const recuseInput = z.strictObject({ reason: shortText('Lý do', 1000) });

export const councilScoreSchema = z.object({
  id: uuid.nullable(),
  unitId: uuid,
  status: z.enum(councilScoreStatuses),
  version: z.number().int(),
  items: z.record(z.string(), z.object({ value: z.number().nullable(), points: z.number() })),
  note: z.string().nullable(),
  total: z.number(),
  /** The member's own unit (a conflict: cannot score it). */
  ownUnit: z.boolean(),
  can: z.object({ save: z.boolean(), submit: z.boolean(), recuse: z.boolean() }),
});
export type CouncilScoreDto = z.infer<typeof councilScoreSchema>;

/** The council's progress on a unit, and the individual scores once they may be seen. */
export const unitScoringSchema = z.object({
  unitId: uuid,
  unitName: z.string(),
  assessmentStatus: z.enum(assessmentStatuses).nullable(),
  expected: z.number().int(),
  submitted: z.number().int(),
  recused: z.number().int(),
  /** Every expected member has submitted, or the scoring closed: individual scores may be seen. */
  revealed: z.boolean(),
  members: z
    .array(z.object({ name: z.string(), status: z.enum(councilScoreStatuses), total: z.number().nullable(), reason: z.string().nullable() }))
    .nullable(),
});
export const scoringProgressSchema = z.object({ units: z.array(unitScoringSchema), members: z.array(z.object({ userId: uuid, name: z.string() })) });

export const resultCriterionSchema = z.object({
  criterionId: uuid,
  title: z.string(),
  section: z.enum(criterionSections),
  maxPoints: z.number(),
  points: z.number(),
  /** Where the points come from: accepted reports, the council (n members), the unit's own claim. */
  basis: z.enum(['auto', 'council', 'self']),
  evidence: z.array(evidenceSchema),
});
export const resultSchema = z.object({
  unitId: uuid,
  unitName: z.string(),
  total: z.number(),
  /** Empty for a unit nobody scored (neither its self-assessment nor a council member's score). */
  classLabel: z.string(),
  /** Null for a unit nobody scored: it is listed last and not ranked. */
  rank: z.number().int().nullable(),
  criteria: z.array(resultCriterionSchema),
});
export type ResultDto = z.infer<typeof resultSchema>;
export const rankingSchema = z.object({
  rubricId: uuid,
  title: z.string(),
  groupName: z.string(),
  year: z.number().int(),
  status: z.enum(rubricStatuses),
  closedAt: z.string().nullable(),
  rows: z.array(resultSchema.omit({ criteria: true })),
});
export type RankingDto = z.infer<typeof rankingSchema>;

/** The province's league of communes for a year: from every published rubric of its communes. */
export const provinceLeagueSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      communeId: uuid,
      communeName: z.string(),
      units: z.number().int(),
      average: z.number(),
      top: z.number().int(),
      rank: z.number().int(),
    }),
  ),
});

/** A province's rubric template (groups of criteria) that its communes copy. */
export const templateGroupInput = z.strictObject({
  name: shortText('Tên nhóm', 300),
  criteria: z
    .array(criterionInput.omit({ id: true }))
    .min(1)
    .max(200),
  classes: z.array(classBand).min(1).max(10).optional(),
});
export const scoringTemplateInput = z.strictObject({
  name: shortText('Tên bộ tiêu chí mẫu', 300),
  year: z.number().int().min(2020).max(2100),
  legalBasis: z.string().trim().max(1000).nullable().optional(),
  groups: z.array(templateGroupInput).min(1).max(20),
});
export const scoringTemplateSchema = scoringTemplateInput.extend({ id: uuid, provinceId: uuid });
export type ScoringTemplateDto = z.infer<typeof scoringTemplateSchema>;
export const scoringTemplateList = z.object({ items: z.array(scoringTemplateSchema) });

/** A rubric proposed from a plan's participant group: its criteria as judgement items, its units. */
export const rubricDraftQuery = z.strictObject({
  planId: uuid,
  group: z.coerce.number().int().min(0).max(100),
  year: z.coerce.number().int().min(2020).max(2100),
});
