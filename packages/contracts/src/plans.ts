import { z } from 'zod';
import { isoDate, pageOf, pageQuery, requiredText, uuid } from './common.js';
import { planDoc, planParseResult } from './plan-document.js';

/** The two national movements every commune's plan carries out (QĐ 923/QĐ-TTg and Bình dân học vụ số). */
export const NATIONAL_MOVEMENTS = ['Cả nước thi đua đổi mới sáng tạo và chuyển đổi số', 'Bình dân học vụ số'] as const;

export const planStatuses = ['draft', 'published'] as const;
export const planStatusLabelsVi: Record<(typeof planStatuses)[number], string> = { draft: 'Dự thảo', published: 'Đã ban hành' };

export const planRef = z.object({ kind: z.enum(['commune', 'province']), id: uuid, title: z.string() });

export const planSummary = z.object({
  id: uuid,
  communeId: uuid,
  title: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  status: z.enum(planStatuses),
  version: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  ownerUnitId: uuid.nullable(),
  ownerUnitName: z.string().nullable(),
  parent: planRef.nullable(),
  updatedAt: z.string(),
  /** What this user may do with this plan now: edit its content, publish it. */
  can: z.object({ edit: z.boolean(), publish: z.boolean() }),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const planDetail = planSummary.extend({
  doc: planDoc,
  /** Conflicts that must be resolved before publishing (two report dates for one report ...). */
  conflicts: z.array(z.object({ key: z.string(), message: z.string(), options: z.array(z.object({ value: z.string(), label: z.string() })) })),
  children: z.array(planRef),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const planListQuery = pageQuery.extend({ status: z.enum(planStatuses).optional(), ownerUnitId: uuid.optional() }).strict();
export const planPage = pageOf(planSummary).extend({
  /**
   * What this user may start here: a commune plan (from the template or imported text), a plan of their
   * own unit; and whether they may choose the unit a new plan belongs to (they read the unit tree and may
   * create some plan; the create route checks the chosen unit's path).
   */
  can: z.object({ createCommunePlan: z.boolean(), createUnitPlan: z.boolean(), pickOwnerUnit: z.boolean() }),
});

export const planCreateInput = z.strictObject({
  doc: planDoc,
  source: z.enum(['template', 'import', 'blank']),
  ownerUnitId: uuid.nullable().optional(),
  parentPlanId: uuid.nullable().optional(),
  provincePlanId: uuid.nullable().optional(),
  note: z.string().max(500).optional(),
});
export const planUpdateInput = z.strictObject({
  doc: planDoc,
  version: z.number().int().min(1),
  note: z.string().max(500).optional(),
});
export const planParams = z.strictObject({ communeId: uuid, id: uuid });
export const planVersionParams = planParams.extend({ version: z.coerce.number().int().min(1) }).strict();

export const planVersionSummary = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  note: z.string().nullable(),
});
export const planVersionDetail = planVersionSummary.extend({ doc: planDoc });

export const dueItemKinds = ['report', 'unit_plan', 'registration'] as const;
export const dueItemSchema = z.object({
  id: uuid,
  planId: uuid,
  unitId: uuid,
  unitName: z.string(),
  kind: z.enum(dueItemKinds),
  title: z.string(),
  dueDate: isoDate,
  lateAfter: z.string(),
  year: z.number().int(),
  period: z.number().int().nullable(),
});

export const publishInput = z.strictObject({
  version: z.number().int().min(1),
  /** Conflict key -> chosen option value. */
  resolutions: z.record(z.string(), z.string()).default({}),
  dryRun: z.boolean().default(false),
  /** The officer publishes although some deadline reaches no unit (it stays on the plan, owed by none). */
  acceptUnreached: z.boolean().default(false),
  fromYear: z.number().int().min(2000).max(2100).optional(),
  toYear: z.number().int().min(2000).max(2100).optional(),
});
export const calendarChange = z.object({ title: z.string(), dueDate: isoDate, units: z.number().int() });
/** One deadline of the plan and who owes it: units by name, or the commune itself (owed upward). */
export const deadlineOwnersView = z.object({
  index: z.number().int(),
  what: z.string(),
  text: z.string(),
  from: z.string().nullable(),
  owner: z.enum(['units', 'commune']),
  /**
   * Units named by the addressee line (`named`), all the plan's participants when it names none or
   * all (`all`), or all of them because no body in the line could be read (`unread`: shown as a
   * warning, the officer edits the line or accepts it).
   */
  how: z.enum(['all', 'named', 'unread', 'commune']),
  units: z.number().int(),
  /** The first units by tree order (all of them up to 200). */
  unitNames: z.array(z.string()),
});
/** A mid-term or final review and the day its report is due (a default until an officer confirms it). */
export const reviewView = z.object({
  index: z.number().int(),
  kind: z.enum(['mid-term', 'final']),
  year: z.number().int(),
  dueDate: isoDate,
  isDefault: z.boolean(),
  units: z.number().int(),
});
export const publishResult = z.object({
  dryRun: z.boolean(),
  deadlines: z.array(deadlineOwnersView),
  reviews: z.array(reviewView),
  /** Deadlines that name no date: each needs one chosen before publishing. */
  undated: z.array(z.object({ index: z.number().int(), what: z.string(), text: z.string() })),
  /** Deadlines owed by units that reach none. */
  unreached: z.number().int(),
  /**
   * Days of a recurring deadline that fall before the plan was issued (31/3 of the first year of a
   * plan signed in August): not scheduled, since no unit could have met them; listed so the officer sees it.
   */
  beforeIssue: z.array(z.object({ index: z.number().int(), what: z.string(), dueDate: isoDate })),
  added: z.array(calendarChange),
  removed: z.array(calendarChange),
  unchanged: z.number().int(),
  plan: planSummary.nullable(),
});

export const calendarQuery = z.strictObject({ from: isoDate, to: isoDate, planId: uuid.optional() });
export const calendarEntry = z.object({
  date: isoDate,
  endDate: isoDate.nullable(),
  kind: z.enum(['phase', 'milestone', 'due']),
  title: z.string(),
  planId: uuid,
  planTitle: z.string(),
  /** For due items: how many units owe it, and how late it becomes. */
  units: z.number().int().nullable(),
  /** The first owing units by name (tree order). */
  unitNames: z.array(z.string()).nullable(),
  lateAfter: z.string().nullable(),
});
export const calendar = z.object({ entries: z.array(calendarEntry) });

export const planImportResult = planParseResult.extend({ text: z.string(), fileName: z.string() });
export const planTemplateQuery = z.strictObject({ communeId: uuid });

export const provincePlanInput = z.strictObject({
  provinceId: uuid,
  title: requiredText(500),
  number: z.string().max(50).nullable().optional(),
  date: isoDate.nullable().optional(),
  issuer: z.string().max(200).nullable().optional(),
});
export const provincePlanUpdateInput = z.strictObject({
  title: requiredText(500),
  number: z.string().max(50).nullable().optional(),
  date: isoDate.nullable().optional(),
  issuer: z.string().max(200).nullable().optional(),
});
export const provincePlanSchema = z.object({
  id: uuid,
  provinceId: uuid,
  title: z.string(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});

export const awardKindSchema = z.object({
  code: z.string(),
  kind: z.enum(['form', 'title']),
  name: z.string(),
  level: z.string(),
  rank: z.number().int(),
  legalBasis: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});
export type PublishResult = z.infer<typeof publishResult>;
