import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ModelKind, ModelStatus } from '@tds/contracts';
import { commune, unit } from '../org/org.table';
import { person } from '../people/people.table';
import { plan } from '../plans/plans.table';
import { storedFile } from '../files/files.table';

/** Điển hình tiên tiến, mô hình hay (migration 0022). Every table is a commune's, keyed by commune first. */

/** An exemplary model: a collective (its unit) or an individual (a person, and their unit). */
export const exemplaryModel = pgTable(
  'exemplary_model',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<ModelKind>().notNull(),
    title: text('title').notNull(),
    unitId: uuid('unit_id').notNull(),
    personId: uuid('person_id'),
    story: text('story'),
    planId: uuid('plan_id'),
    contentOrder: integer('content_order'),
    movementContent: text('movement_content'),
    periodFrom: date('period_from'),
    periodTo: date('period_to'),
    year: integer('year').notNull(),
    status: text('status').$type<ModelStatus>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by'),
    searchKey: text('search_key').notNull(),
    version: integer('version').notNull().default(1),
    /** The client's key of the create: a retry with the same key registers it once. */
    opKey: text('op_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'exemplary_model_pk', columns: [t.communeId, t.id] }),
    uniqueIndex('exemplary_model_op_key_uq')
      .on(t.communeId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
    foreignKey({ name: 'exemplary_model_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    foreignKey({ name: 'exemplary_model_person_fk', columns: [t.communeId, t.personId], foreignColumns: [person.communeId, person.id] }),
    foreignKey({ name: 'exemplary_model_plan_fk', columns: [t.communeId, t.planId], foreignColumns: [plan.communeId, plan.id] }),
    index('exemplary_model_year_idx').on(t.communeId, t.year, t.status),
    index('exemplary_model_unit_idx').on(t.communeId, t.unitId),
    index('exemplary_model_person_idx').on(t.communeId, t.personId),
  ],
);
export type ModelRow = typeof exemplaryModel.$inferSelect;

/** A photo of a model (resized by the browser; its bytes in stored_file). */
export const exemplaryModelPhoto = pgTable(
  'exemplary_model_photo',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    modelId: uuid('model_id').notNull(),
    fileId: uuid('file_id').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    caption: text('caption'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'exemplary_model_photo_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'exemplary_model_photo_model_fk',
      columns: [t.communeId, t.modelId],
      foreignColumns: [exemplaryModel.communeId, exemplaryModel.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'exemplary_model_photo_file_fk', columns: [t.communeId, t.fileId], foreignColumns: [storedFile.communeId, storedFile.id] }),
    index('exemplary_model_photo_model_idx').on(t.communeId, t.modelId, t.createdAt),
  ],
);
export type ModelPhotoRow = typeof exemplaryModelPhoto.$inferSelect;
