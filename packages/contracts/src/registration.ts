import { z } from 'zod';
import { isoDate, text, uuid, year } from './common.js';
import { unitKinds } from './org.js';

/**
 * Registration (đăng ký thi đua): a participating unit registers for a published commune plan and a
 * year: commitments, the award forms/titles it aims for, indicators with a target per year, and the
 * people who register through it.
 */

/** not_registered: nothing saved yet; draft: saved, not submitted; submitted: registered. */
export const registrationStatuses = ['not_registered', 'draft', 'submitted'] as const;
export type RegistrationStatus = (typeof registrationStatuses)[number];
export const registrationStatusLabelsVi: Record<RegistrationStatus, string> = {
  not_registered: 'Chưa đăng ký',
  draft: 'Đang soạn',
  submitted: 'Đã đăng ký',
};

export const registrationPlanParams = z.strictObject({ communeId: uuid, planId: uuid });
export const registrationParams = z.strictObject({ communeId: uuid, planId: uuid, unitId: uuid });
/** `year` defaults to the current year in Vietnam time (kept within the plan's years). */
export const registrationYearQuery = z.strictObject({ year: z.coerce.number().pipe(year).optional() });

/** One indicator a unit commits to, with a target value per year. */
export const registrationIndicator = z.strictObject({
  code: z.string().trim().min(1, { error: 'Chưa chọn chỉ tiêu.' }).max(50, { error: 'Mã chỉ tiêu tối đa 50 ký tự.' }),
  targets: z
    .array(
      z.strictObject({
        year,
        value: z.number({ error: 'Giá trị chỉ tiêu phải là số.' }),
      }),
    )
    .max(20, { error: 'Tối đa 20 năm cho một chỉ tiêu.' }),
});
export type RegistrationIndicator = z.infer<typeof registrationIndicator>;

/** A person registering through the unit: the title aimed for (award_kind of kind 'title') and a pledge. */
export const registrationPersonInput = z.strictObject({
  personId: uuid,
  titleCode: z.string().trim().max(50).nullable().optional(),
  commitment: text(2000).nullable().optional(),
});

/**
 * Save (upsert) a unit's registration. `version` is required once a registration exists (optimistic
 * locking); `submit: true` registers it (and writes the chosen indicator targets).
 */
export const registrationInput = z.strictObject({
  year: year.optional(),
  version: z.number().int().min(1).optional(),
  commitments: text(20000).default(''),
  awardCodes: z.array(z.string().trim().min(1).max(50)).max(50, { error: 'Tối đa 50 hình thức/danh hiệu.' }).default([]),
  indicators: z.array(registrationIndicator).max(200, { error: 'Tối đa 200 chỉ tiêu.' }).default([]),
  people: z.array(registrationPersonInput).max(1000, { error: 'Tối đa 1000 cá nhân.' }).default([]),
  submit: z.boolean().default(false),
});
export type RegistrationInput = z.input<typeof registrationInput>;

/** The registration deadline of a unit: the plan's due item of kind 'registration' for that year. */
export const registrationDeadline = z.object({ dueItemId: uuid, dueDate: isoDate, lateAfter: z.string() });

export const registrationPerson = z.object({
  personId: uuid,
  personName: z.string(),
  titleCode: z.string().nullable(),
  commitment: z.string().nullable(),
});

/** One unit's registration for a plan and year (an empty draft shape when nothing is saved: id and version null). */
export const registrationDetail = z.object({
  id: uuid.nullable(),
  planId: uuid,
  planTitle: z.string(),
  unitId: uuid,
  unitName: z.string(),
  year: z.number().int(),
  /** The plan's years: targets may be given for these. */
  fromYear: z.number().int(),
  toYear: z.number().int(),
  status: z.enum(registrationStatuses),
  commitments: z.string(),
  awardCodes: z.array(z.string()),
  indicators: z.array(registrationIndicator),
  people: z.array(registrationPerson),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
  deadline: registrationDeadline.nullable(),
  registrationOpen: z.boolean(),
  /** Whether the signed-in user may save this registration. */
  canEdit: z.boolean(),
});
export type RegistrationDetail = z.infer<typeof registrationDetail>;

/** One participating unit in the commune admin's list. */
export const registrationListItem = z.object({
  unitId: uuid,
  unitName: z.string(),
  unitKind: z.enum(unitKinds),
  registrationId: uuid.nullable(),
  status: z.enum(registrationStatuses),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  deadline: registrationDeadline.nullable(),
  /** Not submitted and its deadline has passed. */
  overdue: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type RegistrationListItem = z.infer<typeof registrationListItem>;

export const registrationCounts = z.object({
  participating: z.number().int(),
  /** Submitted. */
  registered: z.number().int(),
  /** Saved as a draft, not submitted (also counted in notRegistered). */
  draft: z.number().int(),
  notRegistered: z.number().int(),
  /** Submitted after the deadline. */
  late: z.number().int(),
  /** Not submitted and past the deadline. */
  overdue: z.number().int(),
});

export const registrationList = z.object({
  planId: uuid,
  planTitle: z.string(),
  year: z.number().int(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  registrationOpen: z.boolean(),
  counts: registrationCounts,
  items: z.array(registrationListItem),
  /** What this user may do here: open or close registration for this plan (the window route's check). */
  can: z.object({ setWindow: z.boolean() }),
});
export type RegistrationList = z.infer<typeof registrationList>;

/** Open or close registration for a plan (commune admin). */
export const registrationWindowInput = z.strictObject({ open: z.boolean() });
export const registrationWindow = z.object({ planId: uuid, registrationOpen: z.boolean() });
