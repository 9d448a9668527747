import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InitiativeDomain, InitiativeEffectKind, InitiativeScope, RecognitionKind, RecognitionLevel } from '@tds/contracts';
import { commune, unit } from '../org/org.table';
import { person } from '../people/people.table';
import { storedFile } from '../files/files.table';

/** Sáng kiến, giải pháp (migration 0021). Every table is a commune's, keyed by commune first. */

/** One effect of an initiative as stored (kind, what it is, an optional amount). */
export interface StoredEffect {
  kind: InitiativeEffectKind;
  text: string;
  amount: number | null;
}

/** An initiative of the register, submitted by a unit. */
export const initiative = pgTable(
  'initiative',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    domain: text('domain').$type<InitiativeDomain>().notNull(),
    description: text('description'),
    firstAppliedOn: date('first_applied_on'),
    /** The year it counts for: the year it was first applied, else the year it was registered. */
    year: integer('year').notNull(),
    scope: text('scope').$type<InitiativeScope>().notNull().default('unit'),
    effects: jsonb('effects').$type<StoredEffect[]>().notNull().default([]),
    /** Title, authors and unit without diacritics. */
    searchKey: text('search_key').notNull(),
    version: integer('version').notNull().default(1),
    /** The client's key of the create: a retry with the same key registers it once. */
    opKey: text('op_key'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'initiative_pk', columns: [t.communeId, t.id] }),
    uniqueIndex('initiative_op_key_uq')
      .on(t.communeId, t.opKey)
      .where(sql`${t.opKey} IS NOT NULL`),
    foreignKey({ name: 'initiative_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    index('initiative_unit_idx').on(t.communeId, t.unitId),
    index('initiative_year_idx').on(t.communeId, t.year),
  ],
);
export type InitiativeRow = typeof initiative.$inferSelect;

/** Its authors in order: a person of the commune's list, or a name typed in (person_id null). */
export const initiativeAuthor = pgTable(
  'initiative_author',
  {
    communeId: uuid('commune_id').notNull(),
    initiativeId: uuid('initiative_id').notNull(),
    ord: integer('ord').notNull(),
    personId: uuid('person_id'),
    fullName: text('full_name').notNull(),
    workplace: text('workplace'),
  },
  (t) => [
    primaryKey({ name: 'initiative_author_pk', columns: [t.communeId, t.initiativeId, t.ord] }),
    foreignKey({
      name: 'initiative_author_initiative_fk',
      columns: [t.communeId, t.initiativeId],
      foreignColumns: [initiative.communeId, initiative.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'initiative_author_person_fk', columns: [t.communeId, t.personId], foreignColumns: [person.communeId, person.id] }),
    index('initiative_author_person_idx').on(t.communeId, t.personId),
  ],
);

/** A decision recognising it, or a confirmation of its effect, by a body of some level. */
export const initiativeRecognition = pgTable(
  'initiative_recognition',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    kind: text('kind').$type<RecognitionKind>().notNull(),
    number: text('number').notNull(),
    /** The number compared without case, spaces or tone placement (one number once per initiative). */
    numberKey: text('number_key').notNull(),
    date: date('date').notNull(),
    body: text('body').notNull(),
    level: text('level').$type<RecognitionLevel>().notNull(),
    /** 1 unit, 2 commune, 3 province, 4 national: "at least this level" is a comparison. */
    levelRank: integer('level_rank').notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'initiative_recognition_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'initiative_recognition_initiative_fk',
      columns: [t.communeId, t.initiativeId],
      foreignColumns: [initiative.communeId, initiative.id],
    }).onDelete('cascade'),
    uniqueIndex('initiative_recognition_number_uq').on(t.communeId, t.initiativeId, t.numberKey),
    index('initiative_recognition_date_idx').on(t.communeId, t.date),
  ],
);
export type RecognitionRow = typeof initiativeRecognition.$inferSelect;

/** A file attached to it (the decision's scan, the description, the confirmation). */
export const initiativeFile = pgTable(
  'initiative_file',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    fileId: uuid('file_id').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'initiative_file_pk', columns: [t.communeId, t.id] }),
    foreignKey({
      name: 'initiative_file_initiative_fk',
      columns: [t.communeId, t.initiativeId],
      foreignColumns: [initiative.communeId, initiative.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'initiative_file_file_fk', columns: [t.communeId, t.fileId], foreignColumns: [storedFile.communeId, storedFile.id] }),
    index('initiative_file_initiative_idx').on(t.communeId, t.initiativeId, t.createdAt),
  ],
);
