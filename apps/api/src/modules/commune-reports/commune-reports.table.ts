import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CommuneReportSection } from '@tds/contracts';
import { commune } from '../org/org.table';

/** What a commune report holds: one section per published plan of the commune. */
export interface CommuneReportContent {
  sections: CommuneReportSection[];
}

/**
 * What the commune itself owes its province for a period: the yearly report of each year of its
 * published plans, the mid-term review (2027) and the final review (2030). One per commune and period.
 */
export const communeDueItem = pgTable(
  'commune_due_item',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    /** year | midterm | final */
    periodKind: text('period_kind').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** The last on-time day (Vietnam calendar). */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** The instant it becomes late: the start of the next day in Vietnam. */
    lateAfter: timestamp('late_after', { withTimezone: true, mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'commune_due_item_pk', columns: [t.communeId, t.id] }),
    uniqueIndex('commune_due_item_uq').on(t.communeId, t.periodKind, t.year),
    index('commune_due_item_period_idx').on(t.periodKind, t.year),
  ],
);

/** The commune's report of one due item: draft → submitted → accepted, or → returned → submitted again. */
export const communeReport = pgTable(
  'commune_report',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dueItemId: uuid('due_item_id').notNull(),
    periodKind: text('period_kind').notNull(),
    year: integer('year').notNull(),
    /** draft | submitted | returned | accepted */
    status: text('status').notNull().default('draft'),
    content: jsonb('content').$type<CommuneReportContent>().notNull().default({ sections: [] }),
    /** Optimistic lock: every change names the version it started from. */
    version: integer('version').notNull().default(1),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    /** Submitted after the due item's late_after instant (the first submission decides). */
    late: boolean('late').notNull().default(false),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
    reviewedBy: uuid('reviewed_by'),
    reviewerName: text('reviewer_name'),
    /** The province officer's comment when returning (required) or accepting. */
    reviewComment: text('review_comment'),
    updatedBy: uuid('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'commune_report_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'commune_report_due_item_fk',
      columns: [t.communeId, t.dueItemId],
      foreignColumns: [communeDueItem.communeId, communeDueItem.id],
    }).onDelete('cascade'),
    uniqueIndex('commune_report_due_item_uq').on(t.communeId, t.dueItemId),
    index('commune_report_status_idx').on(t.communeId, t.status),
  ],
);

/** Every kept state of a commune report, with the act that produced it. */
export const communeReportVersion = pgTable(
  'commune_report_version',
  {
    communeId: uuid('commune_id').notNull(),
    reportId: uuid('report_id').notNull(),
    version: integer('version').notNull(),
    /** save | prepare | submit | return | accept */
    action: text('action').notNull(),
    status: text('status').notNull(),
    content: jsonb('content').$type<CommuneReportContent>().notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'commune_report_version_pk', columns: [t.communeId, t.reportId, t.version] }),
    foreignKey({
      name: 'commune_report_version_report_fk',
      columns: [t.communeId, t.reportId],
      foreignColumns: [communeReport.communeId, communeReport.id],
    }).onDelete('cascade'),
  ],
);

export type CommuneDueItemRow = typeof communeDueItem.$inferSelect;
export type CommuneReportRow = typeof communeReport.$inferSelect;
