import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { commune, unit } from '../org/org.table';

/** An individual who works in or belongs to a unit. */
export const person = pgTable(
  'person',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    unitId: uuid('unit_id').notNull(),
    fullName: text('full_name').notNull(),
    gender: text('gender'),
    birthYear: integer('birth_year'),
    position: text('position'),
    active: boolean('active').notNull().default(true),
    searchKey: text('search_key').notNull(),
    /** Vietnamese order (given, middle, family), compared byte-wise with COLLATE "C". */
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'person_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'person_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
    index('person_unit_idx').on(t.communeId, t.unitId),
  ],
);
export type PersonRow = typeof person.$inferSelect;
