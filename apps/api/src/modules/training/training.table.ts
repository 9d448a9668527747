import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { commune, unit } from '../org/org.table';
import { storedFile } from '../files/files.table';

/**
 * Bình dân học vụ số (migration 0017). Residents are personal data (Decree 13/2023): what is kept is
 * what the coverage needs (docs/TRAINING-DATA.md). Every table is a commune's, keyed by commune first.
 */

/** The basic digital skills framework's modules (Decision 757/QĐ-BKHCN): a national catalogue, seeded by the migration. */
export const skillModule = pgTable('skill_module', {
  code: text('code').primaryKey(),
  groupName: text('group_name').notNull(),
  name: text('name').notNull(),
  learnerGroups: text('learner_groups').array().notNull(),
  basicDefault: boolean('basic_default').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A commune's own modules, beside the national ones. */
export const communeSkillModule = pgTable(
  'commune_skill_module',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    groupName: text('group_name').notNull(),
    name: text('name').notNull(),
    learnerGroups: text('learner_groups').array().notNull(),
    sortOrder: integer('sort_order').notNull().default(1000),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'commune_skill_module_pk', columns: [t.communeId, t.code] })],
);

/** A commune's settings: the age from which a resident counts as an adult, and the basic set of modules. */
export const trainingSettings = pgTable('training_settings', {
  communeId: uuid('commune_id')
    .primaryKey()
    .references(() => commune.id, { onDelete: 'restrict' }),
  adultAge: integer('adult_age').notNull().default(15),
  basicModules: text('basic_modules').array().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A resident of a village. The national ID is kept only as a keyed hash (HMAC-SHA-256 with the
 * server's key, so a stolen database cannot be matched against a list of IDs) and its last four
 * digits. A merged resident keeps a pointer to the one it was merged into.
 */
export const resident = pgTable(
  'resident',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    villageId: uuid('village_id').notNull(),
    fullName: text('full_name').notNull(),
    /** Normalised name (no diacritics, lower case, single spaces): search and duplicate finding. */
    nameKey: text('name_key').notNull(),
    sortKey: text('sort_key').notNull(),
    birthYear: integer('birth_year').notNull(),
    gender: text('gender').notNull(),
    phone: text('phone'),
    learnerGroup: text('learner_group').notNull(),
    idHash: text('id_hash'),
    idLast4: text('id_last4'),
    mergedIntoId: uuid('merged_into_id'),
    /** The client's key of the operation that added it (an offline queue replays it at most once). */
    opKey: text('op_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'resident_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'resident_village_fk', columns: [t.communeId, t.villageId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'resident_merged_into_fk', columns: [t.communeId, t.mergedIntoId], foreignColumns: [t.communeId, t.id] }),
    uniqueIndex('resident_id_hash_uq')
      .on(t.communeId, t.idHash)
      .where(sql`${t.idHash} IS NOT NULL AND ${t.mergedIntoId} IS NULL`),
    uniqueIndex('resident_op_key_uq')
      .on(t.communeId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
    index('resident_village_idx').on(t.communeId, t.villageId),
    index('resident_name_idx').on(t.communeId, t.nameKey, t.birthYear),
    index('resident_phone_idx').on(t.communeId, t.phone),
  ],
);
export type ResidentRow = typeof resident.$inferSelect;

/** The adult population of a village in a year (entered or imported by the commune): the coverage denominator. */
export const villagePopulation = pgTable(
  'village_population',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    villageId: uuid('village_id').notNull(),
    year: integer('year').notNull(),
    adults: integer('adults').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'village_population_pk', columns: [t.communeId, t.villageId, t.year] }),
    foreignKey({ name: 'village_population_village_fk', columns: [t.communeId, t.villageId], foreignColumns: [unit.communeId, unit.id] }),
  ],
);

/** A community digital team's founding decision and the villages it serves (a village's own team: its village). */
export const trainingTeam = pgTable(
  'training_team',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id').notNull(),
    decisionNo: text('decision_no'),
    decisionDate: date('decision_date', { mode: 'string' }),
    villageIds: uuid('village_ids').array().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_team_pk', columns: [t.communeId, t.unitId] }),
    foreignKey({ name: 'training_team_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
  ],
);

/** A class a team held in a village. */
export const trainingSession = pgTable(
  'training_session',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    teamId: uuid('team_id').notNull(),
    villageId: uuid('village_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: text('start_time'),
    place: text('place').notNull(),
    moduleCodes: text('module_codes').array().notNull(),
    trainers: text('trainers').array().notNull(),
    opKey: text('op_key'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_session_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'training_session_team_fk', columns: [t.communeId, t.teamId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'training_session_village_fk', columns: [t.communeId, t.villageId], foreignColumns: [unit.communeId, unit.id] }),
    uniqueIndex('training_session_op_key_uq')
      .on(t.communeId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
    index('training_session_date_idx').on(t.communeId, t.date),
  ],
);

/** One resident present at one session (a mark taken back deletes the row; its key stays in attendance_op). */
export const attendance = pgTable(
  'attendance',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    sessionId: uuid('session_id').notNull(),
    residentId: uuid('resident_id').notNull(),
    markedBy: uuid('marked_by'),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'attendance_pk', columns: [t.communeId, t.sessionId, t.residentId] }),
    foreignKey({
      name: 'attendance_session_fk',
      columns: [t.communeId, t.sessionId],
      foreignColumns: [trainingSession.communeId, trainingSession.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'attendance_resident_fk', columns: [t.communeId, t.residentId], foreignColumns: [resident.communeId, resident.id] }),
    index('attendance_resident_idx').on(t.communeId, t.residentId),
  ],
);

/** The keys of attendance marks already applied: a replayed mark is recognised and counted once. */
export const attendanceOp = pgTable(
  'attendance_op',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    opKey: text('op_key').notNull(),
    sessionId: uuid('session_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'attendance_op_pk', columns: [t.communeId, t.opKey] })],
);

/** Help a team gave: to one resident, or as a count of people for a day. */
export const helpLog = pgTable(
  'help_log',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    teamId: uuid('team_id').notNull(),
    villageId: uuid('village_id').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    residentId: uuid('resident_id'),
    count: integer('count').notNull().default(1),
    note: text('note'),
    opKey: text('op_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'help_log_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'help_log_team_fk', columns: [t.communeId, t.teamId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'help_log_village_fk', columns: [t.communeId, t.villageId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'help_log_resident_fk', columns: [t.communeId, t.residentId], foreignColumns: [resident.communeId, resident.id] }),
    uniqueIndex('help_log_op_key_uq')
      .on(t.communeId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
    index('help_log_date_idx').on(t.communeId, t.date),
  ],
);

/** A module completed by evidence from the national learning platform (its certificate number). */
export const completionEvidence = pgTable(
  'completion_evidence',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    residentId: uuid('resident_id').notNull(),
    moduleCode: text('module_code').notNull(),
    certificateNo: text('certificate_no').notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'completion_evidence_pk', columns: [t.communeId, t.residentId, t.moduleCode] }),
    foreignKey({ name: 'completion_evidence_resident_fk', columns: [t.communeId, t.residentId], foreignColumns: [resident.communeId, resident.id] }),
  ],
);

/**
 * A certificate of completion issued to a resident: the modules it lists and the code a public page
 * checks (the QR on the paper links there). Kept so a printed copy can be checked later.
 */
export const trainingCertificate = pgTable(
  'training_certificate',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    residentId: uuid('resident_id').notNull(),
    modules: text('modules').array().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_certificate_pk', columns: [t.communeId, t.code] }),
    foreignKey({ name: 'training_certificate_resident_fk', columns: [t.communeId, t.residentId], foreignColumns: [resident.communeId, resident.id] }),
    index('training_certificate_code_idx').on(t.code),
    index('training_certificate_resident_idx').on(t.communeId, t.residentId),
  ],
);

/** A photo of a session (migration 0019): its bytes in stored_file (purpose `session_photo`), its size read from the header. */
export const trainingSessionPhoto = pgTable(
  'training_session_photo',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    sessionId: uuid('session_id').notNull(),
    fileId: uuid('file_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'training_session_photo_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'training_session_photo_session_fk',
      columns: [t.communeId, t.sessionId],
      foreignColumns: [trainingSession.communeId, trainingSession.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'training_session_photo_file_fk', columns: [t.communeId, t.fileId], foreignColumns: [storedFile.communeId, storedFile.id] }),
    index('training_session_photo_session_idx').on(t.communeId, t.sessionId, t.createdAt),
  ],
);
