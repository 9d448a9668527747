import { z } from 'zod';
import { isoDate, pageOf, pageQuery, requiredText, text, uuid } from './common.js';

export const unitKinds = ['office', 'public_service', 'mass_org', 'school', 'enterprise', 'village', 'digital_team'] as const;
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabelsVi: Record<UnitKind, string> = {
  office: 'Cơ quan (phòng, ban)',
  public_service: 'Đơn vị sự nghiệp công lập',
  mass_org: 'MTTQ và đoàn thể',
  school: 'Trường học',
  enterprise: 'Doanh nghiệp, hợp tác xã',
  village: 'Thôn, xóm, tổ dân phố',
  digital_team: 'Tổ công nghệ số cộng đồng',
};
export const communeKinds = ['xa', 'phuong', 'dac_khu'] as const;
export const communeKindLabelsVi: Record<(typeof communeKinds)[number], string> = { xa: 'Xã', phuong: 'Phường', dac_khu: 'Đặc khu' };

const code = requiredText(32).regex(/^[A-Za-z0-9._-]+$/u, { error: 'Mã chỉ gồm chữ không dấu, số, dấu chấm, gạch nối, gạch dưới.' });

export const provinceSchema = z.object({ id: uuid, code: z.string(), name: z.string(), communeCount: z.number().int() });
export const provinceInput = z.strictObject({ code, name: requiredText(200) });
export type Province = z.infer<typeof provinceSchema>;

export const communeSchema = z.object({
  id: uuid,
  provinceId: uuid,
  provinceName: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(communeKinds),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
});
export const communeInput = z.strictObject({
  provinceId: uuid,
  code,
  name: requiredText(200),
  kind: z.enum(communeKinds),
  activeFrom: isoDate.nullable().optional(),
  activeTo: isoDate.nullable().optional(),
});
export type Commune = z.infer<typeof communeSchema>;

export const unitSchema = z.object({
  id: uuid,
  communeId: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: uuid.nullable(),
  contactName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  activeFrom: isoDate.nullable(),
  activeTo: isoDate.nullable(),
  mergedIntoId: uuid.nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** What this user may do with this unit now: edit it, move, close or merge it (one PATCH route). */
  can: z.object({ edit: z.boolean() }),
});
export type Unit = z.infer<typeof unitSchema>;

const optText = (max: number) => text(max).nullable().optional();
export const unitInput = z.strictObject({
  code,
  name: requiredText(200),
  kind: z.enum(unitKinds),
  parentId: uuid.nullable().optional(),
  contactName: optText(120),
  phone: text(30)
    .regex(/^[0-9+().\s-]*$/u, { error: 'Số điện thoại chỉ gồm chữ số và + ( ) . -' })
    .nullable()
    .optional(),
  email: z
    .union([z.email({ error: 'Thư điện tử không hợp lệ.' }).max(200), z.literal('')])
    .nullable()
    .optional(),
  address: optText(300),
  activeFrom: isoDate.nullable().optional(),
  activeTo: isoDate.nullable().optional(),
});
export type UnitInput = z.infer<typeof unitInput>;
export const unitUpdateInput = unitInput
  .partial()
  .extend({ version: z.number().int().min(1), mergedIntoId: uuid.nullable().optional() })
  .strict();
export type UnitUpdateInput = z.infer<typeof unitUpdateInput>;

export const unitListQuery = pageQuery
  .extend({
    kind: z.enum(unitKinds).optional(),
    parentId: uuid.optional(),
    includeInactive: z.enum(['true', 'false']).optional(),
  })
  .strict();
export const unitPage = pageOf(unitSchema).extend({
  /** What this user may do with the commune's units: add one (under a unit they cover), import from Excel, export to Excel. */
  can: z.object({ create: z.boolean(), import: z.boolean(), export: z.boolean() }),
});
export type UnitPage = z.infer<typeof unitPage>;

/** One node of the organisation tree (the whole tree of a commune is small: tens to hundreds). */
export const unitTreeNode = z.object({
  id: uuid,
  code: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  parentId: uuid.nullable(),
  active: z.boolean(),
});
export const unitTree = z.object({ communeId: uuid, units: z.array(unitTreeNode) });

export const communeParams = z.strictObject({ communeId: uuid });
export const communeUnitParams = z.strictObject({ communeId: uuid, id: uuid });

export const importRowError = z.object({ row: z.number().int(), field: z.string().optional(), message: z.string() });
export const importResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportResult = z.infer<typeof importResult>;
export const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('true') });
