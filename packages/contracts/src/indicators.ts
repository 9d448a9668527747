import { z } from 'zod';
import { queryYear, requiredText, text, uuid, year } from './common.js';
import { unitKinds } from './org.js';

// Indicator catalogue (national + a commune's own) and targets (province -> commune -> unit/village).

export const indicatorPillars = ['gov', 'economy', 'society'] as const;
export type IndicatorPillar = (typeof indicatorPillars)[number];
export const indicatorPillarLabelsVi: Record<IndicatorPillar, string> = { gov: 'Chính quyền số', economy: 'Kinh tế số', society: 'Xã hội số' };

export const indicatorDirections = ['higher', 'lower'] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];
export const indicatorDirectionLabelsVi: Record<IndicatorDirection, string> = { higher: 'Càng cao càng tốt', lower: 'Càng thấp càng tốt' };

/** sum: values add up; ratio: Σnumerator ÷ Σdenominator (× 100 for "%"); average: mean of unit values; latest: the newest value. */
export const indicatorAggregations = ['sum', 'ratio', 'average', 'latest'] as const;
export type IndicatorAggregation = (typeof indicatorAggregations)[number];
export const indicatorAggregationLabelsVi: Record<IndicatorAggregation, string> = {
  sum: 'Cộng dồn',
  ratio: 'Tỷ lệ (tổng tử số / tổng mẫu số)',
  average: 'Trung bình',
  latest: 'Giá trị mới nhất',
};

/** report: typed in unit reports; derived: fed by another module (e.g. digital-skills training coverage). */
export const indicatorSources = ['report', 'derived'] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

/** Progress against a target (computed from achievement % and the elapsed share of the period). */
export const indicatorTrackStatuses = ['on_track', 'at_risk', 'off_track', 'no_target'] as const;
export type IndicatorTrackStatus = (typeof indicatorTrackStatuses)[number];
export const indicatorTrackStatusLabelsVi: Record<IndicatorTrackStatus, string> = {
  on_track: 'Đúng tiến độ',
  at_risk: 'Có nguy cơ chậm',
  off_track: 'Chậm tiến độ',
  no_target: 'Chưa có mục tiêu',
};

/**
 * One score band. Higher-is-better: a value at or above `min` scores `score` (the highest band reached);
 * lower-is-better: a value at or below `min` scores `score` (the lowest band reached). Bands are listed
 * by `min` strictly ascending, e.g. 0/1/2/3/4 meetings -> 0/5/10/15/20 points.
 */
export const scoreBand = z.object({ min: z.number({ error: 'Ngưỡng phải là số.' }), score: z.number({ error: 'Điểm phải là số.' }) }).strict();
export type ScoreBand = z.infer<typeof scoreBand>;

/** A stable indicator code: capitals, digits, ".", "_" or "-", e.g. "XH.KNS_CO_BAN". */
export const indicatorCode = z
  .string()
  .trim()
  .min(2, { error: 'Mã tối thiểu 2 ký tự.' })
  .max(40, { error: 'Tối đa 40 ký tự.' })
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/u, { error: 'Mã chỉ gồm chữ in hoa không dấu, chữ số và các ký tự . _ -' });
/** A reference to an existing indicator (any stored code). */
export const indicatorCodeRef = z.string().trim().min(1, { error: 'Không được để trống.' }).max(40, { error: 'Tối đa 40 ký tự.' });

export const indicatorSchema = z.object({
  code: z.string(),
  pillar: z.enum(indicatorPillars),
  name: z.string(),
  measure: z.string(),
  direction: z.enum(indicatorDirections),
  aggregation: z.enum(indicatorAggregations),
  numeratorLabel: z.string().nullable(),
  denominatorLabel: z.string().nullable(),
  minValue: z.number().nullable(),
  maxValue: z.number().nullable(),
  integer: z.boolean(),
  scoreBands: z.array(scoreBand).nullable(),
  evidence: z.string().nullable(),
  verifier: z.string().nullable(),
  source: z.enum(indicatorSources),
  providerKey: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** national: the national catalogue (read-only for communes); commune: the commune's own. */
  scope: z.enum(['national', 'commune']),
  communeId: uuid.nullable(),
  /** The unit kinds whose reports ask for it (null: every kind), and whether the commune chose them. */
  unitKinds: z.array(z.enum(unitKinds)).nullable(),
  unitKindsChosen: z.boolean(),
  /**
   * What this user may do with this indicator now: edit or deactivate it (a commune's own, by who
   * manages its indicators); choose the unit kinds that report it (any indicator, same people).
   */
  can: z.object({ edit: z.boolean(), chooseKinds: z.boolean() }),
});
export type Indicator = z.infer<typeof indicatorSchema>;
export const indicatorList = z.object({
  items: z.array(indicatorSchema),
  /** What this user may do here: add an indicator of the commune's own (never to the national catalogue). */
  can: z.object({ create: z.boolean() }),
});
export type IndicatorList = z.infer<typeof indicatorList>;

export const indicatorListQuery = z.strictObject({
  pillar: z.enum(indicatorPillars).optional(),
  /** Include deactivated indicators (default: active only). */
  includeInactive: z.enum(['true', 'false']).optional(),
  q: z.string().max(200).optional(),
});
export const indicatorParams = z.strictObject({ communeId: uuid, code: indicatorCodeRef });

/** The unit kinds that report an indicator in this commune; null goes back to the national default. */
export const indicatorKindsInput = z.strictObject({
  unitKinds: z.array(z.enum(unitKinds)).min(1, { error: 'Chọn ít nhất một loại đơn vị (hoặc dùng mặc định).' }).max(unitKinds.length).nullable(),
});
export type IndicatorKindsInput = z.infer<typeof indicatorKindsInput>;

/** The editable fields of a commune's own indicator. */
const indicatorFields = z.strictObject({
  pillar: z.enum(indicatorPillars),
  name: requiredText(300),
  measure: requiredText(30),
  direction: z.enum(indicatorDirections),
  aggregation: z.enum(indicatorAggregations),
  numeratorLabel: text(200).nullable().optional(),
  denominatorLabel: text(200).nullable().optional(),
  minValue: z.number({ error: 'Giá trị nhỏ nhất phải là số.' }).nullable().optional(),
  maxValue: z.number({ error: 'Giá trị lớn nhất phải là số.' }).nullable().optional(),
  integer: z.boolean().optional(),
  scoreBands: z.array(scoreBand).max(20, { error: 'Tối đa 20 mức điểm.' }).nullable().optional(),
  evidence: text(1000).nullable().optional(),
  verifier: text(300).nullable().optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});

/** The fields the cross-field rules look at. */
export interface IndicatorShape {
  aggregation: string;
  measure: string;
  numeratorLabel?: string | null;
  denominatorLabel?: string | null;
  minValue?: number | null;
  maxValue?: number | null;
  scoreBands?: readonly ScoreBand[] | null;
}

/**
 * Cross-field rules of an indicator definition (used by the schemas below and by the server after a
 * patch is merged): a ratio needs both labels; min ≤ max; a "%" never exceeds 100; score bands strictly
 * ascending by threshold.
 */
export function indicatorDefIssues(d: IndicatorShape): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (d.aggregation === 'ratio') {
    if (!d.numeratorLabel?.trim()) issues.push({ field: 'numeratorLabel', message: 'Chỉ tiêu tỷ lệ cần nhãn tử số (ví dụ: "Số người đã hoàn thành").' });
    if (!d.denominatorLabel?.trim())
      issues.push({ field: 'denominatorLabel', message: 'Chỉ tiêu tỷ lệ cần nhãn mẫu số (ví dụ: "Tổng số người trong độ tuổi").' });
  }
  if (d.minValue != null && d.maxValue != null && d.minValue > d.maxValue) {
    issues.push({ field: 'maxValue', message: 'Giá trị lớn nhất phải lớn hơn hoặc bằng giá trị nhỏ nhất.' });
  }
  if (d.measure.trim() === '%') {
    if (d.maxValue != null && d.maxValue > 100) issues.push({ field: 'maxValue', message: 'Tỷ lệ phần trăm không vượt quá 100.' });
    if (d.minValue != null && d.minValue < 0) issues.push({ field: 'minValue', message: 'Tỷ lệ phần trăm không nhỏ hơn 0.' });
  }
  (d.scoreBands ?? []).forEach((b, i, all) => {
    const prev = all[i - 1];
    if (prev && b.min <= prev.min) issues.push({ field: `scoreBands.${i}.min`, message: 'Các mức điểm phải xếp theo ngưỡng tăng dần, không trùng nhau.' });
  });
  return issues;
}

function refineDef(d: Partial<IndicatorShape>, ctx: z.RefinementCtx) {
  if (!d.aggregation || d.measure === undefined) return;
  for (const i of indicatorDefIssues(d as IndicatorShape))
    ctx.addIssue({ code: 'custom', path: i.field.split('.').map((p) => (/^\d+$/u.test(p) ? Number(p) : p)), message: i.message });
}

export const indicatorCreateInput = indicatorFields.extend({ code: indicatorCode }).strict().superRefine(refineDef);
export type IndicatorCreateInput = z.infer<typeof indicatorCreateInput>;
/** Partial update of a commune's own indicator; `active: false` deactivates it (indicators are never deleted). */
export const indicatorPatchInput = indicatorFields.partial().extend({ active: z.boolean().optional() }).strict().superRefine(refineDef);
export type IndicatorPatchInput = z.infer<typeof indicatorPatchInput>;

/** The range rules a value (or a target) must meet for an indicator; null when it is fine. */
export function indicatorValueIssue(d: Pick<Indicator, 'measure' | 'minValue' | 'maxValue' | 'integer'>, value: number): string | null {
  if (!Number.isFinite(value)) return 'Giá trị phải là số.';
  if (d.measure.trim() === '%' && (value > 100 || value < 0)) return 'Tỷ lệ phần trăm phải từ 0 đến 100.';
  if (d.minValue != null && value < d.minValue) return `Giá trị không được nhỏ hơn ${d.minValue}.`;
  if (d.maxValue != null && value > d.maxValue) return `Giá trị không được lớn hơn ${d.maxValue}.`;
  if (d.integer && !Number.isInteger(value)) return 'Giá trị phải là số nguyên.';
  return null;
}

// ---- Targets ----

export const targetOrigins = ['manual', 'split', 'registration'] as const;
export const targetSchema = z.object({
  id: uuid,
  communeId: uuid,
  /** null: the commune's own target. */
  unitId: uuid.nullable(),
  unitName: z.string().nullable(),
  indicatorCode: z.string(),
  year: z.number().int(),
  value: z.number(),
  origin: z.enum(targetOrigins),
  updatedAt: z.string(),
});
export type Target = z.infer<typeof targetSchema>;
/** What this user may do with these targets now: set them, split one down to the units (or communes). */
export const targetAbilities = z.object({ edit: z.boolean(), split: z.boolean() });
export const targetList = z.object({ items: z.array(targetSchema), can: targetAbilities });
export type TargetList = z.infer<typeof targetList>;
export const targetListQuery = z.strictObject({ year: queryYear.optional(), indicatorCode: indicatorCodeRef.optional(), unitId: uuid.optional() });

export const targetItemInput = z.strictObject({
  unitId: uuid.nullable(),
  indicatorCode: indicatorCodeRef,
  year,
  value: z.number({ error: 'Giá trị mục tiêu phải là số.' }),
});
/** Set (insert or replace) several targets in one transaction. */
export const targetPutInput = z.strictObject({
  items: z.array(targetItemInput).min(1, { error: 'Cần ít nhất một mục tiêu.' }).max(5000, { error: 'Tối đa 5000 mục tiêu một lần.' }),
});
export type TargetPutInput = z.infer<typeof targetPutInput>;

export const targetSplitMethods = ['equal', 'weights'] as const;
export const targetSplitMethodLabelsVi: Record<(typeof targetSplitMethods)[number], string> = { equal: 'Chia đều', weights: 'Theo trọng số' };
const weights = z.record(uuid, z.number({ error: 'Trọng số phải là số.' }).positive({ error: 'Trọng số phải lớn hơn 0.' }));

/**
 * Split the commune's target down to units. equal: the listed `unitIds`, or by default the commune's
 * active villages; weights: the units named in `weights`, in proportion. A percentage is copied to each
 * child (not divided); a count is divided (whole numbers, the remainder to the first children).
 */
export const targetSplitInput = z.strictObject({
  indicatorCode: indicatorCodeRef,
  year,
  method: z.enum(targetSplitMethods).default('equal'),
  weights: weights.optional(),
  unitIds: z.array(uuid).min(1).max(1000).optional(),
});
export type TargetSplitInput = z.infer<typeof targetSplitInput>;

// ---- Province targets ----

export const provinceTargetSchema = z.object({
  provinceId: uuid,
  indicatorCode: z.string(),
  year: z.number().int(),
  value: z.number(),
  updatedAt: z.string(),
});
export type ProvinceTarget = z.infer<typeof provinceTargetSchema>;
/** A commune's own target (unit_id null) as the province sees it. */
export const communeTargetSchema = z.object({
  communeId: uuid,
  communeName: z.string(),
  indicatorCode: z.string(),
  year: z.number().int(),
  value: z.number(),
  origin: z.enum(targetOrigins),
});
export type CommuneTarget = z.infer<typeof communeTargetSchema>;
export const provinceTargetListQuery = z.strictObject({ year: queryYear.optional(), indicatorCode: indicatorCodeRef.optional() });
export const provinceTargetList = z.object({ items: z.array(provinceTargetSchema), communes: z.array(communeTargetSchema), can: targetAbilities });
export const provinceTargetItemInput = z.strictObject({ indicatorCode: indicatorCodeRef, year, value: z.number({ error: 'Giá trị mục tiêu phải là số.' }) });
export const provinceTargetPutInput = z.strictObject({
  items: z.array(provinceTargetItemInput).min(1, { error: 'Cần ít nhất một mục tiêu.' }).max(2000, { error: 'Tối đa 2000 mục tiêu một lần.' }),
});
export const provinceTargetPutResult = z.object({ items: z.array(provinceTargetSchema) });
/** Split a province target down to its communes (equal, or by `weights` keyed by commune id). */
export const provinceTargetSplitInput = z.strictObject({
  indicatorCode: indicatorCodeRef,
  year,
  method: z.enum(targetSplitMethods).default('equal'),
  weights: weights.optional(),
});
export const provinceTargetSplitResult = z.object({ items: z.array(communeTargetSchema) });
export const provinceTargetParams = z.strictObject({ provinceId: uuid });
