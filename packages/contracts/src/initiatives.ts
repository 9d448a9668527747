/** Sáng kiến, giải pháp: the register of initiatives and their recognitions. */
import { z } from 'zod';
import { isoDate, opKey, pageOf, pageQuery, queryYear, requiredText, text, uuid } from './common.js';

/** The fields (lĩnh vực) an initiative belongs to: a small fixed catalogue. */
export const initiativeDomains = [
  'administrative_reform',
  'digital_transformation',
  'education',
  'health',
  'economy',
  'culture_society',
  'security',
  'other',
] as const;
export type InitiativeDomain = (typeof initiativeDomains)[number];
export const initiativeDomainLabelsVi: Record<InitiativeDomain, string> = {
  administrative_reform: 'Cải cách hành chính',
  digital_transformation: 'Chuyển đổi số',
  education: 'Giáo dục',
  health: 'Y tế',
  economy: 'Kinh tế',
  culture_society: 'Văn hóa - Xã hội',
  security: 'Quốc phòng - An ninh',
  other: 'Lĩnh vực khác',
};
export const initiativeDomainLabelsEn: Record<InitiativeDomain, string> = {
  administrative_reform: 'Administrative reform',
  digital_transformation: 'Digital transformation',
  education: 'Education',
  health: 'Health',
  economy: 'Economy',
  culture_society: 'Culture and society',
  security: 'Defence and security',
  other: 'Other',
};

/** Where an initiative is applied (phạm vi áp dụng). */
export const initiativeScopes = ['unit', 'commune', 'province'] as const;
export type InitiativeScope = (typeof initiativeScopes)[number];
export const initiativeScopeLabelsVi: Record<InitiativeScope, string> = { unit: 'Trong đơn vị', commune: 'Toàn xã/phường', province: 'Toàn tỉnh/thành phố' };

/** The kinds of effect an initiative brings. */
export const initiativeEffectKinds = ['economic', 'social', 'time_saved'] as const;
export type InitiativeEffectKind = (typeof initiativeEffectKinds)[number];
export const initiativeEffectKindLabelsVi: Record<InitiativeEffectKind, string> = {
  economic: 'Hiệu quả kinh tế',
  social: 'Hiệu quả xã hội',
  time_saved: 'Tiết kiệm thời gian',
};
/** What the optional amount of each kind of effect counts. */
export const initiativeEffectAmountUnitVi: Record<InitiativeEffectKind, string> = { economic: 'đồng/năm', social: 'người hưởng lợi', time_saved: 'giờ/năm' };

/** A recognition: a decision recognising the initiative, or a confirmation of its effect. */
export const recognitionKinds = ['decision', 'confirmation'] as const;
export type RecognitionKind = (typeof recognitionKinds)[number];
export const recognitionKindLabelsVi: Record<RecognitionKind, string> = {
  decision: 'Quyết định công nhận',
  confirmation: 'Xác nhận hiệu quả áp dụng',
};
/** The level of the body that recognised it, lowest first (the order counts: "at least commune level"). */
export const recognitionLevels = ['unit', 'commune', 'province', 'national'] as const;
export type RecognitionLevel = (typeof recognitionLevels)[number];
export const recognitionLevelLabelsVi: Record<RecognitionLevel, string> = {
  unit: 'Cấp cơ sở (đơn vị)',
  commune: 'Cấp xã/phường',
  province: 'Cấp tỉnh/thành phố',
  national: 'Cấp toàn quốc',
};
export const recognitionLevelRank = (l: RecognitionLevel): number => recognitionLevels.indexOf(l) + 1;

const choose = (labels: Record<string, string>, what: string) => ({ error: `${what}: chọn một trong ${Object.values(labels).join(', ')}.` });

/** An author: a person of the commune's list, or a name typed in (with their workplace) when not on it. */
export const initiativeAuthorInput = z
  .strictObject({
    personId: uuid.nullable().optional(),
    fullName: text(120).optional(),
    /** Where an author typed in by name works (a unit outside the list, another commune). */
    workplace: text(200).optional(),
  })
  .refine((a) => !!a.personId || !!a.fullName?.trim(), { error: 'Chọn một cá nhân trong danh sách hoặc nhập họ và tên tác giả.', path: ['fullName'] });

export const initiativeEffectInput = z.strictObject({
  kind: z.enum(initiativeEffectKinds, choose(initiativeEffectKindLabelsVi, 'Loại hiệu quả')),
  text: requiredText(2000),
  amount: z
    .number({ error: 'Giá trị làm lợi phải là số.' })
    .min(0, { error: 'Giá trị làm lợi không được âm.' })
    .max(1e15, { error: 'Giá trị làm lợi quá lớn.' })
    .nullable()
    .optional(),
});

const authorsInput = z.array(initiativeAuthorInput).min(1, { error: 'Cần ít nhất một tác giả.' }).max(20, { error: 'Tối đa 20 tác giả.' });
const effectsInput = z.array(initiativeEffectInput).max(3, { error: 'Tối đa 3 loại hiệu quả.' });

export const initiativeInput = z.strictObject({
  title: requiredText(300),
  unitId: uuid,
  domain: z.enum(initiativeDomains, choose(initiativeDomainLabelsVi, 'Lĩnh vực')),
  description: text(10_000).optional(),
  firstAppliedOn: isoDate.nullable().optional(),
  scope: z.enum(initiativeScopes, choose(initiativeScopeLabelsVi, 'Phạm vi áp dụng')).default('unit'),
  authors: authorsInput,
  effects: effectsInput.default([]),
  /** The client's key of this create: a retry with the same key registers the initiative once. */
  opKey: opKey.optional(),
});
export type InitiativeInput = z.input<typeof initiativeInput>;

export const initiativeUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  title: requiredText(300).optional(),
  unitId: uuid.optional(),
  domain: z.enum(initiativeDomains, choose(initiativeDomainLabelsVi, 'Lĩnh vực')).optional(),
  description: text(10_000).optional(),
  firstAppliedOn: isoDate.nullable().optional(),
  scope: z.enum(initiativeScopes, choose(initiativeScopeLabelsVi, 'Phạm vi áp dụng')).optional(),
  authors: authorsInput.optional(),
  effects: effectsInput.optional(),
});
export type InitiativeUpdateInput = z.input<typeof initiativeUpdateInput>;

export const recognitionInput = z.strictObject({
  kind: z.enum(recognitionKinds, choose(recognitionKindLabelsVi, 'Hình thức công nhận')),
  number: requiredText(60),
  date: isoDate,
  body: requiredText(200),
  level: z.enum(recognitionLevels, choose(recognitionLevelLabelsVi, 'Cấp công nhận')),
  note: text(1000).optional(),
});
export type RecognitionInput = z.input<typeof recognitionInput>;

const yesNo = z.enum(['true', 'false'], { error: 'Đã được công nhận: chọn có hoặc không.' });
export const initiativeListQuery = pageQuery
  .extend({
    year: queryYear.optional(),
    unitId: uuid.optional(),
    personId: uuid.optional(),
    domain: z.enum(initiativeDomains, choose(initiativeDomainLabelsVi, 'Lĩnh vực')).optional(),
    recognized: yesNo.optional(),
  })
  .strict();
export type InitiativeListQuery = z.input<typeof initiativeListQuery>;
/** The export takes the list's filters, without paging. */
export const initiativeExportQuery = initiativeListQuery.omit({ page: true, pageSize: true }).strict();

export const initiativeParams = z.strictObject({ communeId: uuid, id: uuid });
export const recognitionParams = z.strictObject({ communeId: uuid, id: uuid, recognitionId: uuid });
export const initiativeFileParams = z.strictObject({ communeId: uuid, id: uuid, fileId: uuid });

export const initiativeAuthorSchema = z.object({
  personId: uuid.nullable(),
  fullName: z.string(),
  /** The person's unit (from the list), or the workplace typed in. */
  unitName: z.string().nullable(),
  workplace: z.string().nullable(),
});
export type InitiativeAuthor = z.infer<typeof initiativeAuthorSchema>;
export const initiativeEffectSchema = z.object({ kind: z.enum(initiativeEffectKinds), text: z.string(), amount: z.number().nullable() });
export const recognitionSchema = z.object({
  id: uuid,
  kind: z.enum(recognitionKinds),
  number: z.string(),
  date: z.string(),
  body: z.string(),
  level: z.enum(recognitionLevels),
  note: z.string().nullable(),
  can: z.object({ delete: z.boolean() }),
});
export type Recognition = z.infer<typeof recognitionSchema>;
export const initiativeFileSchema = z.object({
  id: uuid,
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
  can: z.object({ delete: z.boolean() }),
});
export type InitiativeFile = z.infer<typeof initiativeFileSchema>;

export const initiativeSummarySchema = z.object({
  id: uuid,
  communeId: uuid,
  title: z.string(),
  unitId: uuid,
  unitName: z.string(),
  domain: z.enum(initiativeDomains),
  year: z.number().int(),
  firstAppliedOn: z.string().nullable(),
  scope: z.enum(initiativeScopes),
  authors: z.array(initiativeAuthorSchema),
  /** The highest level it was recognised at, or null while it is not recognised. */
  recognizedLevel: z.enum(recognitionLevels).nullable(),
  recognitionCount: z.number().int(),
  version: z.number().int(),
});
export type InitiativeSummary = z.infer<typeof initiativeSummarySchema>;
export const initiativeSchema = initiativeSummarySchema.extend({
  description: z.string().nullable(),
  effects: z.array(initiativeEffectSchema),
  recognitions: z.array(recognitionSchema),
  files: z.array(initiativeFileSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), delete: z.boolean(), recognize: z.boolean(), attach: z.boolean() }),
});
export type Initiative = z.infer<typeof initiativeSchema>;
export const initiativePage = pageOf(initiativeSummarySchema).extend({ can: z.object({ create: z.boolean() }) });
export type InitiativePage = z.infer<typeof initiativePage>;

/** Attachments: at most this many a record, each at most this many bytes. */
export const INITIATIVE_FILE_LIMIT = 10;
export const INITIATIVE_FILE_MAX_BYTES = 10 * 1024 * 1024;
/** What an attachment may be (checked by its first bytes, never by its name alone). */
export const initiativeFileExtensions = ['pdf', 'docx', 'doc', 'xlsx', 'odt', 'jpg', 'jpeg', 'png'] as const;
