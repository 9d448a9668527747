import { boolean, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { unit } from '../org/org.table';
import { dueItem, plan } from '../plans/plans.table';

/** A person registered through their unit: the title they aim for and their pledge. */
export interface RegisteredPerson {
  personId: string;
  titleCode: string | null;
  commitment: string | null;
}
/** An indicator a unit commits to, with a target value per year. */
export interface RegisteredIndicator {
  code: string;
  targets: { year: number; value: number }[];
}
/** One narrative section of a report. */
export interface ReportSection {
  key: string;
  title: string;
  text: string;
}
/** One reported figure: a plain value, or numerator and denominator for ratio indicators. */
export interface ReportValue {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  note: string | null;
}

/** A unit's registration (đăng ký thi đua) for a published plan and year. */
export const registration = pgTable(
  'registration',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** The registration due item this answers, when the plan set a registration deadline. */
    dueItemId: uuid('due_item_id'),
    year: integer('year').notNull(),
    /** draft | submitted */
    status: text('status').notNull().default('draft'),
    commitments: text('commitments').notNull().default(''),
    /** Award forms and titles aimed for (award_kind codes). */
    awardCodes: jsonb('award_codes').$type<string[]>().notNull().default([]),
    indicators: jsonb('indicators').$type<RegisteredIndicator[]>().notNull().default([]),
    people: jsonb('people').$type<RegisteredPerson[]>().notNull().default([]),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    late: boolean('late').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'registration_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'registration_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plan.communeId, plan.id] }),
    foreignKey({ name: 'registration_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'registration_due_item_fk', columns: [t.communeId, t.dueItemId], foreignColumns: [dueItem.communeId, dueItem.id] }),
    uniqueIndex('registration_uq').on(t.communeId, t.planId, t.unitId, t.year),
  ],
);

/**
 * A unit's report for one due item (a yearly or half-yearly report, a mid-term or final review, or
 * the unit's own plan). draft → submitted → accepted, or → returned → submitted again.
 */
export const report = pgTable(
  'report',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dueItemId: uuid('due_item_id').notNull(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    /** report | unit_plan (copied from the due item). */
    kind: text('kind').notNull(),
    cadence: text('cadence').notNull(),
    year: integer('year').notNull(),
    period: integer('period').notNull().default(0),
    /** draft | submitted | returned | accepted */
    status: text('status').notNull().default('draft'),
    sections: jsonb('sections').$type<ReportSection[]>().notNull().default([]),
    values: jsonb('values').$type<ReportValue[]>().notNull().default([]),
    /** Unit plans: a summary and the uploaded file (stored_file). */
    summary: text('summary'),
    fileId: uuid('file_id'),
    /** Optimistic lock: every save must name the version it started from. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    /** Submitted after the due item's late_after instant (first submission counts). */
    late: boolean('late').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    reviewedBy: uuid('reviewed_by'),
    reviewComment: text('review_comment'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'report_due_item_fk', columns: [t.communeId, t.dueItemId], foreignColumns: [dueItem.communeId, dueItem.id] }),
    foreignKey({ name: 'report_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    uniqueIndex('report_due_item_uq').on(t.communeId, t.dueItemId),
    index('report_cycle_idx').on(t.communeId, t.cadence, t.year, t.period),
  ],
);

/** Every saved state of a report, with the act that produced it (save, submit, return, accept, reopen). */
export const reportVersion = pgTable(
  'report_version',
  {
    communeId: uuid('commune_id').notNull(),
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    status: text('status').notNull(),
    sections: jsonb('sections').$type<ReportSection[]>().notNull(),
    values: jsonb('values').$type<ReportValue[]>().notNull(),
    summary: text('summary'),
    fileId: uuid('file_id'),
    comment: text('comment'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'report_version_pk', columns: [t.communeId, t.reportId, t.version] }),
    foreignKey({ name: 'report_version_report_fk', columns: [t.communeId, t.reportId], foreignColumns: [report.communeId, report.id] }).onDelete('cascade'),
  ],
);
export type ReportRow = typeof report.$inferSelect;
export type RegistrationRow = typeof registration.$inferSelect;
