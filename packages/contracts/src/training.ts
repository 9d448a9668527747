import { z } from 'zod';
import { isoDate, opKey, pageOf, pageQuery, queryYear, requiredText, text, uuid, year } from './common.js';
import { vietnamYear } from './dates.js';
import { genders } from './people.js';

/**
 * Bình dân học vụ số: the village digital teams teach residents basic digital skills and help them
 * (VNeID, online public services, cashless payment, online shops). The national learning platform
 * hosts the courses; these records say who learned what, from whom and when, and the coverage
 * indicators are computed from them.
 */

/** The four learner groups of the basic digital skills framework (Decision 757/QĐ-BKHCN). */
export const learnerGroups = ['pupils', 'residents', 'officials', 'workers'] as const;
export type LearnerGroup = (typeof learnerGroups)[number];
export const learnerGroupLabelsVi: Record<LearnerGroup, string> = {
  pupils: 'Học sinh, sinh viên',
  residents: 'Người dân',
  officials: 'Cán bộ, công chức, viên chức',
  workers: 'Người lao động trong doanh nghiệp',
};

/** Kinds of help a team logs. */
export const helpTypes = ['vneid_installed', 'vneid_level2', 'public_service_filing', 'cashless_account', 'online_shop', 'other'] as const;
export type HelpType = (typeof helpTypes)[number];
export const helpTypeLabelsVi: Record<HelpType, string> = {
  vneid_installed: 'Cài đặt ứng dụng VNeID',
  vneid_level2: 'Kích hoạt định danh điện tử mức độ 2',
  public_service_filing: 'Nộp hồ sơ dịch vụ công trực tuyến',
  cashless_account: 'Mở tài khoản thanh toán không dùng tiền mặt',
  online_shop: 'Mở gian hàng trực tuyến',
  other: 'Hỗ trợ khác',
};

/** The indicators this module computes (provider "training.coverage"). */
export const trainingIndicatorCodes = ['XH.KNS_CO_BAN', 'XH.VNEID_MUC_2', 'XH.BUOI_HUONG_DAN', 'XH.NGUOI_DAN_DUOC_HO_TRO', 'XH.THON_CO_TO_CNSCD'] as const;
export const TRAINING_PROVIDER_KEY = 'training.coverage';

/** Skill module code: capitals, digits, ".", "_" (e.g. "KNS.DVC_VNEID"). */
export const skillModuleCode = z
  .string()
  .trim()
  .min(2, { error: 'Mã học phần từ 2 ký tự.' })
  .max(40, { error: 'Mã học phần tối đa 40 ký tự.' })
  .regex(/^[A-Z0-9][A-Z0-9._-]*$/u, { error: 'Mã học phần chỉ gồm chữ in hoa không dấu, chữ số, ".", "_" hoặc "-".' });

export const skillModuleSchema = z.object({
  code: z.string(),
  /** The framework's skill group (the first part of the national code), e.g. "Thiết bị và phần mềm". */
  groupName: z.string(),
  name: z.string(),
  /** National (null) or the commune's own. */
  communeId: uuid.nullable(),
  learnerGroups: z.array(z.enum(learnerGroups)),
  /** In the commune's basic set (a trained adult has completed every module of it). */
  basic: z.boolean(),
  sortOrder: z.number().int(),
});
export type SkillModule = z.infer<typeof skillModuleSchema>;
export const skillModuleList = z.object({ items: z.array(skillModuleSchema), can: z.object({ manage: z.boolean() }) });

export const skillModuleInput = z.strictObject({
  code: skillModuleCode,
  groupName: requiredText(120),
  name: requiredText(200),
  learnerGroups: z.array(z.enum(learnerGroups)).min(1, { error: 'Chọn ít nhất một nhóm đối tượng.' }).max(4),
});

export const trainingSettingsSchema = z.object({
  /** A trained adult is at least this old in the year. */
  adultAge: z.number().int(),
  /** The modules a resident must complete to count as trained. */
  basicModules: z.array(z.string()),
  can: z.object({ manage: z.boolean() }),
});
export type TrainingSettings = z.infer<typeof trainingSettingsSchema>;
export const trainingSettingsInput = z.strictObject({
  adultAge: z
    .number({ error: 'Tuổi phải là số.' })
    .int({ error: 'Tuổi phải là số nguyên.' })
    .min(14, { error: 'Tuổi từ 14 đến 18.' })
    .max(18, { error: 'Tuổi từ 14 đến 18.' }),
  basicModules: z.array(skillModuleCode).min(1, { error: 'Chọn ít nhất một học phần.' }).max(30),
});

/** A national ID number (căn cước, 12 digits), sent only to be hashed: never stored, never returned. */
export const nationalIdInput = z
  .string()
  .trim()
  .regex(/^\d{12}$/u, { error: 'Số định danh cá nhân (căn cước) gồm đúng 12 chữ số.' });

export const birthYearInput = z
  .number({ error: 'Năm sinh phải là số.' })
  .int({ error: 'Năm sinh phải là số nguyên.' })
  .min(1900, { error: 'Năm sinh từ 1900.' })
  .refine((y) => y <= vietnamYear(), { error: 'Năm sinh không được sau năm hiện tại.' });
export const residentPhone = text(20).regex(/^(\+?84|0)\d{8,10}$/u, { error: 'Số điện thoại gồm 10 chữ số, bắt đầu bằng 0 (hoặc +84).' });

export const residentSchema = z.object({
  id: uuid,
  communeId: uuid,
  villageId: uuid,
  villageName: z.string(),
  fullName: z.string(),
  birthYear: z.number().int(),
  gender: z.enum(genders),
  phone: z.string().nullable(),
  learnerGroup: z.enum(learnerGroups),
  /** The last four digits of the national ID (the number itself is never stored). */
  idLast4: z.string().nullable(),
  /** Modules completed (by a session attended or by evidence), by code. */
  completedModules: z.array(z.string()),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), merge: z.boolean() }),
});
export type Resident = z.infer<typeof residentSchema>;

export const residentInput = z.strictObject({
  villageId: uuid,
  fullName: requiredText(120),
  birthYear: birthYearInput,
  gender: z.enum(genders),
  phone: residentPhone.nullable().optional(),
  learnerGroup: z.enum(learnerGroups).default('residents'),
  nationalId: nationalIdInput.nullable().optional(),
  /** Add even though possible duplicates were found (the answer to RESIDENT_DUPLICATE). */
  confirmNew: z.boolean().optional(),
  opKey: opKey.optional(),
});
export type ResidentInput = z.input<typeof residentInput>;
export const residentUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  villageId: uuid.optional(),
  fullName: requiredText(120).optional(),
  birthYear: birthYearInput.optional(),
  gender: z.enum(genders).optional(),
  phone: residentPhone.nullable().optional(),
  learnerGroup: z.enum(learnerGroups).optional(),
  nationalId: nationalIdInput.nullable().optional(),
});
export const residentListQuery = pageQuery.extend({ villageId: uuid.optional() }).strict();
export const residentPage = pageOf(residentSchema).extend({ can: z.object({ create: z.boolean() }) });
export type ResidentPage = z.infer<typeof residentPage>;
export const residentMergeInput = z.strictObject({ intoId: uuid });

/** A possible duplicate offered for merge (RESIDENT_DUPLICATE details carry these in `candidates`). */
export const duplicateReasons = ['national_id', 'name_birth_village', 'phone'] as const;
export const residentCandidate = z.object({
  id: uuid,
  fullName: z.string(),
  birthYear: z.number().int(),
  villageName: z.string(),
  idLast4: z.string().nullable(),
  reason: z.enum(duplicateReasons),
});
export type ResidentCandidate = z.infer<typeof residentCandidate>;
/** What a new entry is checked against for duplicates (while it is typed). */
export const residentCheckInput = z.strictObject({
  villageId: uuid,
  fullName: requiredText(120),
  birthYear: birthYearInput,
  phone: residentPhone.nullable().optional(),
  nationalId: nationalIdInput.nullable().optional(),
  /** The resident being edited (not its own duplicate). */
  exceptId: uuid.optional(),
});
export const residentCandidateList = z.object({ items: z.array(residentCandidate) });

/** The adult population of each village in a year: the coverage denominator. */
export const populationSchema = z.object({
  year: z.number().int(),
  items: z.array(z.object({ villageId: uuid, villageName: z.string(), adults: z.number().int().nullable() })),
  can: z.object({ manage: z.boolean() }),
});
export const populationQuery = z.strictObject({ year: queryYear });
export const populationInput = z.strictObject({
  year,
  items: z
    .array(
      z.strictObject({
        villageId: uuid,
        /** Null clears the figure (the village's coverage then has no denominator). */
        adults: z
          .number({ error: 'Số người phải là số.' })
          .int({ error: 'Số người phải là số nguyên.' })
          .min(0, { error: 'Không được âm.' })
          .max(1_000_000)
          .nullable(),
      }),
    )
    .min(1)
    .max(500),
});

/** A community digital team (Tổ CNSCĐ): a `digital_team` unit with its founding decision and the villages it serves. */
export const trainingTeamSchema = z.object({
  unitId: uuid,
  name: z.string(),
  parentName: z.string().nullable(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  villages: z.array(z.object({ id: uuid, name: z.string() })),
  members: z.array(z.object({ userId: uuid, fullName: z.string() })),
  can: z.object({ edit: z.boolean(), record: z.boolean() }),
});
export type TrainingTeam = z.infer<typeof trainingTeamSchema>;
export const trainingTeamList = z.object({ items: z.array(trainingTeamSchema) });
export const trainingTeamInput = z.strictObject({
  decisionNo: text(60).nullable().optional(),
  decisionDate: isoDate.nullable().optional(),
  /** The villages a mass organisation's team serves (a village's own team serves its village). */
  villageIds: z.array(uuid).max(100).optional(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/u, { error: 'Giờ theo dạng HH:mm (00:00-23:59).' });

export const trainingSessionSchema = z.object({
  id: uuid,
  communeId: uuid,
  teamId: uuid,
  teamName: z.string(),
  villageId: uuid,
  villageName: z.string(),
  date: z.string(),
  startTime: z.string().nullable(),
  place: z.string(),
  moduleCodes: z.array(z.string()),
  trainers: z.array(z.string()),
  attendees: z.number().int(),
  version: z.number().int(),
  can: z.object({ record: z.boolean() }),
});
export type TrainingSession = z.infer<typeof trainingSessionSchema>;
export const trainingSessionInput = z.strictObject({
  teamId: uuid,
  villageId: uuid,
  date: isoDate,
  startTime: hhmm.nullable().optional(),
  place: requiredText(200),
  moduleCodes: z.array(skillModuleCode).min(1, { error: 'Chọn ít nhất một học phần.' }).max(20),
  /** Trainers by name (team members or invited). */
  trainers: z.array(requiredText(120)).max(10).default([]),
  opKey: opKey.optional(),
});
export type TrainingSessionInput = z.input<typeof trainingSessionInput>;
export const trainingSessionQuery = pageQuery.extend({ year: queryYear.optional(), villageId: uuid.optional(), teamId: uuid.optional() }).strict();
export const trainingSessionPage = pageOf(trainingSessionSchema).extend({ can: z.object({ create: z.boolean() }) });

export const attendanceEntry = z.object({ residentId: uuid, fullName: z.string(), birthYear: z.number().int(), markedAt: z.string() });
export const trainingSessionDetail = trainingSessionSchema.extend({ attendance: z.array(attendanceEntry) });
export type TrainingSessionDetail = z.infer<typeof trainingSessionDetail>;

/** Marks of attendance: each present (or taken back) once, by its key; a replay changes nothing. */
export const attendanceInput = z.strictObject({
  marks: z
    .array(z.strictObject({ residentId: uuid, present: z.boolean(), opKey }))
    .min(1, { error: 'Chưa có lượt điểm danh nào.' })
    .max(2000),
});
export const attendanceResult = z.object({
  applied: z.number().int(),
  /** Marks already received before (by their key): counted once. */
  replayed: z.number().int(),
  attendees: z.number().int(),
});

export const helpInput = z
  .strictObject({
    teamId: uuid,
    villageId: uuid,
    date: isoDate,
    type: z.enum(helpTypes),
    /** One resident helped; or, with no resident, `count` people helped that day. */
    residentId: uuid.nullable().optional(),
    count: z
      .number({ error: 'Số người phải là số.' })
      .int({ error: 'Số người phải là số nguyên.' })
      .min(1, { error: 'Ít nhất 1 người.' })
      .max(1000)
      .nullable()
      .optional(),
    note: text(300).nullable().optional(),
    opKey: opKey.optional(),
  })
  .refine((v) => !!v.residentId !== !!v.count, { error: 'Chọn một người dân, hoặc nhập số người được hỗ trợ trong ngày (không cả hai).', path: ['count'] })
  .refine((v) => !v.count || v.type !== 'vneid_level2', {
    error: 'Kích hoạt định danh mức độ 2 được ghi theo từng người dân (tỷ lệ tính theo người).',
    path: ['residentId'],
  });
export const helpSchema = z.object({
  id: uuid,
  teamId: uuid,
  villageId: uuid,
  date: z.string(),
  type: z.enum(helpTypes),
  residentId: uuid.nullable(),
  count: z.number().int(),
  note: z.string().nullable(),
});

/** Completion by evidence from the national platform: a certificate number. */
export const completionInput = z.strictObject({
  moduleCode: skillModuleCode,
  certificateNo: requiredText(60),
  completedOn: isoDate,
});

const ratio = z.number().nullable();
export const coverageQuery = z.strictObject({ year: queryYear });
const breakdown = z.object({ key: z.string(), residents: z.number().int(), trained: z.number().int() });
export const coverageSchema = z.object({
  year: z.number().int(),
  adultAge: z.number().int(),
  basicModules: z.array(z.string()),
  totals: z.object({
    adults: z.number().int().nullable(),
    residents: z.number().int(),
    trained: z.number().int(),
    ratio,
    sessions: z.number().int(),
    helped: z.number().int(),
    vneidLevel2: z.number().int(),
    villagesWithTeam: z.number().int(),
    villages: z.number().int(),
  }),
  villages: z.array(
    z.object({
      villageId: uuid,
      villageName: z.string(),
      adults: z.number().int().nullable(),
      residents: z.number().int(),
      trained: z.number().int(),
      ratio,
      sessions: z.number().int(),
      helped: z.number().int(),
      vneidLevel2: z.number().int(),
      activeTeam: z.boolean(),
    }),
  ),
  modules: z.array(z.object({ code: z.string(), name: z.string(), completions: z.number().int() })),
  byGroup: z.array(breakdown),
  byGender: z.array(breakdown),
  byAgeBand: z.array(breakdown),
  teams: z.array(z.object({ teamId: uuid, teamName: z.string(), sessions: z.array(z.number().int()), helped: z.array(z.number().int()) })),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** The age bands of the coverage breakdown (age in the year). */
export const ageBands = ['15-24', '25-39', '40-59', '60+'] as const;
export const ageBandOf = (age: number): (typeof ageBands)[number] => (age < 25 ? '15-24' : age < 40 ? '25-39' : age < 60 ? '40-59' : '60+');

export const trainingParams = z.strictObject({ communeId: uuid, id: uuid });

/** A province's communes side by side (aggregates only: the computed indicators' roll-ups). */
export const provinceTrainingParams = z.strictObject({ provinceId: uuid });
const communeFigures = z.object({
  adults: z.number().int(),
  trained: z.number().int(),
  ratio,
  vneidLevel2: z.number().int(),
  sessions: z.number().int(),
  helped: z.number().int(),
  villagesWithTeam: z.number().int(),
  villages: z.number().int(),
});
export const provinceCoverageSchema = z.object({
  year: z.number().int(),
  totals: communeFigures,
  communes: z.array(communeFigures.extend({ communeId: uuid, communeName: z.string() })),
});
export type ProvinceCoverage = z.infer<typeof provinceCoverageSchema>;

/** The answer of a residents import (dry run or commit): every row's problems, by row and column. */
export const residentImportResult = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  created: z.number().int(),
  /** Rows naming a resident already there (the same ID, or name, birth year and village): left as they are. */
  unchanged: z.number().int(),
  /** The first 500 problems. */
  errors: z.array(z.object({ row: z.number().int(), field: z.string().optional(), message: z.string() })),
  errorCount: z.number().int(),
});
export type ResidentImportResult = z.infer<typeof residentImportResult>;

/** A certificate of completion as its issuer sees it. */
export const certificateSchema = z.object({
  code: z.string(),
  residentId: uuid,
  fullName: z.string(),
  modules: z.array(z.string()),
  issuedOn: z.string(),
  /** The public page that checks the code. */
  verifyPath: z.string(),
});
export type CertificateDto = z.infer<typeof certificateSchema>;
/** What anyone may learn from a certificate's code: no name, only the initials. */
export const publicCertificateSchema = z.object({
  code: z.string(),
  initials: z.string(),
  villageName: z.string(),
  communeName: z.string(),
  modules: z.array(z.string()),
  issuedOn: z.string(),
});
export type PublicCertificate = z.infer<typeof publicCertificateSchema>;
export const certificateCodeParams = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{6,20}$/u, { error: 'Mã xác minh gồm 6-20 chữ và số.' }),
});
export const communeCertificateParams = z.strictObject({ communeId: uuid, code: certificateCodeParams.shape.code });

/**
 * A village's roster for the offline attendance screen, compact: one array per resident
 * [id, full name, birth year, gender initial "m" | "f" | "o"]; a 500-person village stays far under 100 KB.
 */
export const rosterSchema = z.object({
  villageId: uuid,
  /** Changes whenever the roster does (for a cheap "is mine current?"). */
  version: z.string(),
  residents: z.array(z.tuple([z.string(), z.string(), z.number().int(), z.string()])),
});
export type Roster = z.infer<typeof rosterSchema>;
export const rosterParams = z.strictObject({ communeId: uuid, villageId: uuid });

/** One operation queued offline: a new resident, or a mark (of a resident known, or one added in the same queue). */
export const syncOp = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('resident'), opKey, resident: residentInput.omit({ opKey: true, confirmNew: true }) }),
  z.strictObject({
    kind: z.literal('mark'),
    opKey,
    sessionId: uuid,
    residentId: uuid.optional(),
    /** The queue's own key of a resident added offline before this mark. */
    residentOpKey: opKey.optional(),
    present: z.boolean(),
  }),
]);
export const syncInput = z.strictObject({ ops: z.array(syncOp).min(1, { error: 'Không có thao tác nào.' }).max(2000) });
export const syncResult = z.object({
  /** Per operation, in order: done (now or before) or refused with the reason (a refused one is not retried). */
  results: z.array(
    z.object({
      opKey: z.string(),
      status: z.enum(['applied', 'replayed', 'refused']),
      residentId: uuid.nullable(),
      message: z.string().nullable(),
    }),
  ),
});
export type SyncResult = z.infer<typeof syncResult>;

// ---- Session photos, completions broken down, Excel exports of the lists (training records) ----

/** The age bands of the completions breakdown (age in the year; the first band starts at the commune's adult age). */
export const breakdownAgeBands = ['15-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type BreakdownAgeBand = (typeof breakdownAgeBands)[number];
export const breakdownAgeBandOf = (age: number): BreakdownAgeBand =>
  age < 25 ? '15-24' : age < 35 ? '25-34' : age < 45 ? '35-44' : age < 55 ? '45-54' : age < 65 ? '55-64' : '65+';

/** A session has at most this many photos; each at most this many bytes (after the browser shrank it) and pixels a side. */
export const SESSION_PHOTO_LIMIT = 20;
export const SESSION_PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const SESSION_PHOTO_MAX_SIDE = 4096;
/** The longest side the browser resizes a photo to before sending it. */
export const SESSION_PHOTO_RESIZE_SIDE = 1600;

export const sessionPhotoSchema = z.object({
  id: uuid,
  sessionId: uuid,
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  caption: z.string().nullable(),
  uploadedBy: uuid.nullable(),
  uploadedByName: z.string().nullable(),
  createdAt: z.string(),
  can: z.object({ delete: z.boolean() }),
});
export type SessionPhoto = z.infer<typeof sessionPhotoSchema>;
export const sessionPhotoList = z.object({
  items: z.array(sessionPhotoSchema),
  limit: z.number().int(),
  can: z.object({ add: z.boolean() }),
});
export type SessionPhotoList = z.infer<typeof sessionPhotoList>;
export const sessionPhotoParams = z.strictObject({ communeId: uuid, id: uuid, photoId: uuid });
export const sessionPhotoUploadQuery = z.strictObject({ caption: text(200).optional() });

/** Completions of each module (a session attended that covered it, or evidence, by the year's end) by group, age band and gender. */
export const trainingBreakdownQuery = z.strictObject({ year: queryYear, villageId: uuid.optional() });
const countsOf = <K extends readonly [string, ...string[]]>(keys: K) => z.record(z.enum(keys), z.number().int());
export const trainingBreakdownSchema = z.object({
  year: z.number().int(),
  adultAge: z.number().int(),
  villageId: uuid.nullable(),
  modules: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      total: z.number().int(),
      byGroup: countsOf(learnerGroups),
      byAgeBand: countsOf(breakdownAgeBands),
      byGender: countsOf(genders),
    }),
  ),
});
export type TrainingBreakdown = z.infer<typeof trainingBreakdownSchema>;

/** Filters of the Excel exports of the lists. */
export const sessionExportQuery = z.strictObject({ year: queryYear.optional(), villageId: uuid.optional(), teamId: uuid.optional() });
export const helpExportQuery = z.strictObject({ year: queryYear.optional() });

// ---- Excel imports of the training records: sessions with attendance, completions, population ----

/** One problem of a training import's row: the sheet (when the workbook has several), the row, the column, and what is wrong. */
export const trainingImportError = z.object({
  row: z.number().int(),
  sheet: z.string().optional(),
  field: z.string().optional(),
  message: z.string(),
});
export type TrainingImportError = z.infer<typeof trainingImportError>;
const trainingImportBase = {
  dryRun: z.boolean(),
  /** Data rows read (every sheet). */
  rows: z.number().int(),
  /** The first 500 problems, in sheet and row order. */
  errors: z.array(trainingImportError),
  errorCount: z.number().int(),
};
const createdUnchanged = z.object({ created: z.number().int(), unchanged: z.number().int() });
/** Sessions with attendance from Excel: sessions and marks new or already there, and residents the import adds. */
export const sessionImportResult = z.object({
  ...trainingImportBase,
  sessions: createdUnchanged,
  marks: createdUnchanged,
  /** Residents named in the attendance who were not on the list: added by the commit. */
  newResidents: z.number().int(),
});
export type SessionImportResult = z.infer<typeof sessionImportResult>;
/** Completions from the national platform: certificates new or already recorded (the same number). */
export const completionImportResult = z.object({ ...trainingImportBase, created: z.number().int(), unchanged: z.number().int() });
export type CompletionImportResult = z.infer<typeof completionImportResult>;
/** The adult population per village and year: figures new, changed, or the same as recorded. */
export const populationImportResult = z.object({
  ...trainingImportBase,
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type PopulationImportResult = z.infer<typeof populationImportResult>;
