import { boolean, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlanDoc } from '@tds/contracts';
import { commune, province, unit } from '../org/org.table';

/** National catalogue of award forms (hình thức) and emulation titles (danh hiệu), kept apart by `kind`. */
export const awardKind = pgTable('award_kind', {
  code: text('code').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  rank: integer('rank').notNull(),
  legalBasis: text('legal_basis'),
  validFrom: date('valid_from', { mode: 'string' }),
  validTo: date('valid_to', { mode: 'string' }),
});

/** A province's (or city's) plan that communes implement: a province record. */
export const provincePlan = pgTable(
  'province_plan',
  {
    provinceId: uuid('province_id')
      .notNull()
      .references(() => province.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    number: text('number'),
    date: date('date', { mode: 'string' }),
    issuer: text('issuer'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'province_plan_pk', columns: [t.provinceId, t.id] })],
);

/** A commune's movement plan, or a unit's own plan attached to it. Content lives in versions. */
export const plan = pgTable(
  'plan',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    ownerUnitId: uuid('owner_unit_id'),
    parentPlanId: uuid('parent_plan_id'),
    provincePlanId: uuid('province_plan_id'),
    title: text('title').notNull(),
    number: text('number'),
    date: text('date'),
    status: text('status').notNull(),
    currentVersion: integer('current_version').notNull(),
    publishedVersion: integer('published_version'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Whether units may still register (đăng ký thi đua) for this plan; the commune admin opens and closes it. */
    registrationOpen: boolean('registration_open').notNull().default(true),
    searchKey: text('search_key').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'plan_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'plan_owner_unit_fk', columns: [t.communeId, t.ownerUnitId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'plan_parent_fk', columns: [t.communeId, t.parentPlanId], foreignColumns: [t.communeId, t.id] }),
    index('plan_parent_idx').on(t.communeId, t.parentPlanId),
  ],
);

/** Every saved state of a plan (who changed what; previous versions kept). */
export const planVersion = pgTable(
  'plan_version',
  {
    communeId: uuid('commune_id').notNull(),
    planId: uuid('plan_id').notNull(),
    version: integer('version').notNull(),
    doc: jsonb('doc').$type<PlanDoc>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdByName: text('created_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'plan_version_pk', columns: [t.communeId, t.planId, t.version] }),
    foreignKey({ name: 'plan_version_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plan.communeId, plan.id] }).onDelete('cascade'),
  ],
);

/** A dated thing a unit owes under a published plan (a report before 05/12/2026 ...). */
export const dueItem = pgTable(
  'due_item',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    deadlineKey: text('deadline_key').notNull(),
    title: text('title').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    lateAfter: timestamp('late_after', { withTimezone: true, mode: 'string' }).notNull(),
    year: integer('year').notNull(),
    period: integer('period').notNull().default(0),
    /** yearly | half_yearly | midterm | final | once: the report cycle this item belongs to. */
    cadence: text('cadence').notNull().default('yearly'),
    planVersion: integer('plan_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'due_item_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'due_item_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plan.communeId, plan.id] }),
    foreignKey({ name: 'due_item_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    uniqueIndex('due_item_uq').on(t.communeId, t.planId, t.unitId, t.deadlineKey, t.year, t.period),
    index('due_item_date_idx').on(t.communeId, t.dueDate),
    index('due_item_cycle_idx').on(t.communeId, t.cadence, t.year, t.period),
  ],
);
export type PlanRow = typeof plan.$inferSelect;
