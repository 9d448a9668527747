import { z } from 'zod';
import { pageOf, pageQuery, requiredText, text, uuid } from './common.js';

export const genders = ['male', 'female', 'other'] as const;
export const genderLabelsVi: Record<(typeof genders)[number], string> = { male: 'Nam', female: 'Nữ', other: 'Khác' };

export const personSchema = z.object({
  id: uuid,
  communeId: uuid,
  unitId: uuid,
  unitName: z.string(),
  fullName: z.string(),
  gender: z.enum(genders).nullable(),
  birthYear: z.number().int().nullable(),
  position: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  /** What this user may do with this person now: edit (and deactivate) them, as the PATCH route decides. */
  can: z.object({ edit: z.boolean() }),
});
export type Person = z.infer<typeof personSchema>;

export const personInput = z.strictObject({
  unitId: uuid,
  fullName: requiredText(120),
  gender: z.enum(genders).nullable().optional(),
  birthYear: z.number().int().min(1900, { error: 'Năm sinh từ 1900.' }).max(2100, { error: 'Năm sinh không hợp lệ.' }).nullable().optional(),
  position: text(120).nullable().optional(),
});
export const personUpdateInput = personInput
  .partial()
  .extend({ version: z.number().int().min(1), active: z.boolean().optional() })
  .strict();
export const personListQuery = pageQuery.extend({ unitId: uuid.optional() }).strict();
export const personPage = pageOf(personSchema).extend({
  /** What this user may do in this commune's list: add a person (in some unit they cover), read the unit tree to filter by unit. */
  can: z.object({ create: z.boolean(), readUnits: z.boolean() }),
});
export type PersonPage = z.infer<typeof personPage>;
