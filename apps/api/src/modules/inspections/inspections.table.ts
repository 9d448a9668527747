import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { commune, unit } from '../org/org.table';
import { plan } from '../plans/plans.table';
import { storedFile } from '../files/files.table';
import { appUser } from '../users/users.table';

/**
 * Kiểm tra, giám sát (migration 0023): a commune's inspections of its units, who went, what was
 * found, what was recommended to each unit, and the units' answers. Every table is a commune's,
 * keyed by commune first.
 */

/** One inspection (đợt kiểm tra): a visit to one or more units on a day, its contents, its conclusion. */
export const inspection = pgTable(
  'inspection',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    /** The year of the visit (Vietnam calendar), for the lists and a unit's score. */
    year: integer('year').notNull(),
    title: text('title').notNull(),
    searchKey: text('search_key').notNull(),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    visitTime: text('visit_time'),
    planId: uuid('plan_id'),
    /** The contents to check, one line each (free lines, or the plan's contents). */
    checklist: text('checklist')
      .array()
      .notNull()
      .default(sql`'{}'`),
    note: text('note'),
    status: text('status').notNull().default('planned'),
    conclusion: text('conclusion'),
    rating: text('rating'),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Why a planned visit was called off (status cancelled). */
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    /** The client's key of the create: a retry with the same key registers it once. */
    opKey: text('op_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'inspection_pk', columns: [t.communeId, t.id] }),
    uniqueIndex('inspection_op_key_uq')
      .on(t.communeId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
    foreignKey({ name: 'inspection_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plan.communeId, plan.id] }),
    check('inspection_status_ck', sql`${t.status} IN ('planned', 'in_progress', 'concluded', 'closed', 'cancelled')`),
    check('inspection_rating_ck', sql`${t.rating} IS NULL OR ${t.rating} IN ('good', 'fair', 'average', 'weak')`),
    index('inspection_visit_idx').on(t.communeId, t.year, t.visitDate),
  ],
);
export type InspectionRow = typeof inspection.$inferSelect;

/** The units a visit goes to. */
export const inspectionUnit = pgTable(
  'inspection_unit',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    inspectionId: uuid('inspection_id').notNull(),
    unitId: uuid('unit_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'inspection_unit_pk', columns: [t.communeId, t.inspectionId, t.unitId] }),
    foreignKey({
      name: 'inspection_unit_inspection_fk',
      columns: [t.communeId, t.inspectionId],
      foreignColumns: [inspection.communeId, inspection.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'inspection_unit_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    index('inspection_unit_unit_idx').on(t.communeId, t.unitId),
  ],
);

/** Who goes on a visit (users with a council role of the commune), with the name they had then. */
export const inspectionMember = pgTable(
  'inspection_member',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    inspectionId: uuid('inspection_id').notNull(),
    userId: uuid('user_id').notNull(),
    fullName: text('full_name').notNull(),
  },
  (t) => [
    primaryKey({ name: 'inspection_member_pk', columns: [t.communeId, t.inspectionId, t.userId] }),
    foreignKey({
      name: 'inspection_member_inspection_fk',
      columns: [t.communeId, t.inspectionId],
      foreignColumns: [inspection.communeId, inspection.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'inspection_member_user_fk', columns: [t.userId], foreignColumns: [appUser.id] }),
  ],
);

/** An evidence file uploaded for an inspection (the content lives in stored_file). */
export const inspectionFile = pgTable(
  'inspection_file',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    fileId: uuid('file_id').notNull(),
    inspectionId: uuid('inspection_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'inspection_file_pk', columns: [t.communeId, t.fileId] }),
    foreignKey({
      name: 'inspection_file_inspection_fk',
      columns: [t.communeId, t.inspectionId],
      foreignColumns: [inspection.communeId, inspection.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'inspection_file_file_fk', columns: [t.communeId, t.fileId], foreignColumns: [storedFile.communeId, storedFile.id] }),
  ],
);

/** A finding (kết quả kiểm tra) at one unit of the visit, with its evidence. */
export const inspectionFinding = pgTable(
  'inspection_finding',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    inspectionId: uuid('inspection_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    text: text('text').notNull(),
    evidenceNumber: text('evidence_number'),
    evidenceDate: date('evidence_date', { mode: 'string' }),
    evidenceSummary: text('evidence_summary'),
    evidenceFileId: uuid('evidence_file_id'),
    /** The client's key: a retried request records the finding once. */
    opKey: text('op_key'),
    recordedBy: uuid('recorded_by'),
    recordedByName: text('recorded_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'inspection_finding_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'inspection_finding_inspection_fk',
      columns: [t.communeId, t.inspectionId],
      foreignColumns: [inspection.communeId, inspection.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'inspection_finding_unit_fk',
      columns: [t.communeId, t.inspectionId, t.unitId],
      foreignColumns: [inspectionUnit.communeId, inspectionUnit.inspectionId, inspectionUnit.unitId],
    }),
    foreignKey({
      name: 'inspection_finding_file_fk',
      columns: [t.communeId, t.evidenceFileId],
      foreignColumns: [inspectionFile.communeId, inspectionFile.fileId],
    }),
    index('inspection_finding_inspection_idx').on(t.communeId, t.inspectionId, t.createdAt),
    uniqueIndex('inspection_finding_op_key_uq')
      .on(t.communeId, t.inspectionId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
  ],
);
export type FindingRow = typeof inspectionFinding.$inferSelect;

/** A recommendation (kiến nghị) of a finding to its unit, the unit's answer and the office's follow-up. */
export const inspectionRecommendation = pgTable(
  'inspection_recommendation',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    inspectionId: uuid('inspection_id').notNull(),
    findingId: uuid('finding_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    ord: integer('ord').notNull(),
    text: text('text').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('open'),
    answerText: text('answer_text'),
    answerNumber: text('answer_number'),
    answerDate: date('answer_date', { mode: 'string' }),
    answerSummary: text('answer_summary'),
    answerFileId: uuid('answer_file_id'),
    answeredBy: uuid('answered_by'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'inspection_recommendation_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'inspection_recommendation_inspection_fk',
      columns: [t.communeId, t.inspectionId],
      foreignColumns: [inspection.communeId, inspection.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'inspection_recommendation_finding_fk',
      columns: [t.communeId, t.findingId],
      foreignColumns: [inspectionFinding.communeId, inspectionFinding.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'inspection_recommendation_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({
      name: 'inspection_recommendation_file_fk',
      columns: [t.communeId, t.answerFileId],
      foreignColumns: [inspectionFile.communeId, inspectionFile.fileId],
    }),
    check('inspection_recommendation_status_ck', sql`${t.status} IN ('open', 'answered', 'returned', 'closed')`),
    index('inspection_recommendation_inspection_idx').on(t.communeId, t.inspectionId),
    index('inspection_recommendation_status_idx').on(t.communeId, t.status, t.unitId),
  ],
);
export type RecommendationRow = typeof inspectionRecommendation.$inferSelect;
