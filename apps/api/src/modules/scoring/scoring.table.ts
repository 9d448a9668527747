import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AssessmentItemInput, ClassBand, CriterionMethod, CriterionSection, EvidenceInput, RubricBand } from '@tds/contracts';
import { commune, province, unit } from '../org';
import { plan } from '../plans';
import { appUser } from '../users';
import { storedFile } from '../files/files.table';

/** Chấm điểm thi đua (migration 0020). Every table but the province's templates is a commune's, keyed by commune first. */

/** A rubric of one participant group of a plan for a year. */
export const rubric = pgTable(
  'rubric',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id'),
    groupName: text('group_name').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    aggregation: text('aggregation').notNull().default('mean'),
    classes: jsonb('classes').$type<ClassBand[]>().notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    source: text('source'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ name: 'rubric_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'rubric_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plan.communeId, plan.id] }),
    index('rubric_year_idx').on(t.communeId, t.year),
  ],
);
export type RubricRow = typeof rubric.$inferSelect;

export const rubricCriterion = pgTable(
  'rubric_criterion',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    rubricId: uuid('rubric_id').notNull(),
    ord: integer('ord').notNull(),
    title: text('title').notNull(),
    section: text('section').$type<CriterionSection>().notNull(),
    method: text('method').$type<CriterionMethod>().notNull(),
    maxPoints: numeric('max_points', { mode: 'number' }).notNull(),
    bands: jsonb('bands').$type<RubricBand[] | null>(),
    indicatorCode: text('indicator_code'),
    denominatorCode: text('denominator_code'),
    factor: numeric('factor', { mode: 'number' }),
    evidenceRequired: boolean('evidence_required').notNull().default(false),
    evidenceHint: text('evidence_hint'),
  },
  (t) => [
    primaryKey({ name: 'rubric_criterion_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'rubric_criterion_rubric_fk', columns: [t.communeId, t.rubricId], foreignColumns: [rubric.communeId, rubric.id] }).onDelete('cascade'),
    index('rubric_criterion_rubric_idx').on(t.communeId, t.rubricId, t.ord),
  ],
);
export type CriterionRow = typeof rubricCriterion.$inferSelect;

export type StoredItem = Omit<AssessmentItemInput, 'evidence'> & { evidence: EvidenceInput[] };

/** A unit's self-assessment against its rubric. */
export const assessment = pgTable(
  'assessment',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    rubricId: uuid('rubric_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    items: jsonb('items')
      .$type<Record<string, StoredItem>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    comment: text('comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'assessment_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'assessment_rubric_fk', columns: [t.communeId, t.rubricId], foreignColumns: [rubric.communeId, rubric.id] }).onDelete('cascade'),
    foreignKey({ name: 'assessment_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    uniqueIndex('assessment_unit_uq').on(t.communeId, t.rubricId, t.unitId),
  ],
);
export type AssessmentRow = typeof assessment.$inferSelect;

/**
 * An evidence file a unit uploaded for its self-assessment against a rubric (migration 0025): its
 * bytes in stored_file (the same id), cited by the assessment's items as `{ kind: 'file', fileId }`.
 */
export const scoringEvidenceFile = pgTable(
  'scoring_evidence_file',
  {
    communeId: uuid('commune_id').notNull(),
    /** The stored file's id. */
    id: uuid('id').notNull(),
    rubricId: uuid('rubric_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    name: text('name').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'scoring_evidence_file_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'scoring_evidence_file_rubric_fk',
      columns: [t.communeId, t.rubricId],
      foreignColumns: [rubric.communeId, rubric.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'scoring_evidence_file_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'scoring_evidence_file_file_fk', columns: [t.communeId, t.id], foreignColumns: [storedFile.communeId, storedFile.id] }),
    index('scoring_evidence_file_unit_idx').on(t.communeId, t.rubricId, t.unitId),
  ],
);
export type ScoringEvidenceFileRow = typeof scoringEvidenceFile.$inferSelect;

/** One council member's scores of one unit (sealed until every member has submitted or the scoring closes). */
export const councilScore = pgTable(
  'council_score',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    rubricId: uuid('rubric_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => appUser.id),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    items: jsonb('items')
      .$type<Record<string, { value?: number | null; points?: number | null }>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    note: text('note'),
    reason: text('reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'council_score_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'council_score_rubric_fk', columns: [t.communeId, t.rubricId], foreignColumns: [rubric.communeId, rubric.id] }).onDelete('cascade'),
    foreignKey({ name: 'council_score_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    uniqueIndex('council_score_member_uq').on(t.communeId, t.rubricId, t.unitId, t.memberId),
  ],
);
export type CouncilScoreRow = typeof councilScore.$inferSelect;

/** A unit's frozen result of a closed rubric: its total, class, rank and every point with its evidence. */
export const scoreResult = pgTable(
  'score_result',
  {
    communeId: uuid('commune_id').notNull(),
    rubricId: uuid('rubric_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    total: numeric('total', { mode: 'number' }).notNull(),
    classLabel: text('class_label').notNull(),
    rank: integer('rank'),
    breakdown: jsonb('breakdown').$type<unknown[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'score_result_pk', columns: [t.communeId, t.rubricId, t.unitId] }),
    foreignKey({ name: 'score_result_rubric_fk', columns: [t.communeId, t.rubricId], foreignColumns: [rubric.communeId, rubric.id] }).onDelete('cascade'),
    foreignKey({ name: 'score_result_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    index('score_result_rank_idx').on(t.communeId, t.rubricId, t.rank),
  ],
);

/** A province's rubric template, read by its communes. */
export const scoringTemplate = pgTable(
  'scoring_template',
  {
    provinceId: uuid('province_id')
      .notNull()
      .references(() => province.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    legalBasis: text('legal_basis'),
    groups: jsonb('groups').$type<unknown[]>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'scoring_template_pk', columns: [t.provinceId, t.id] })],
);
