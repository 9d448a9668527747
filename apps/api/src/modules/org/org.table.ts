import { sql } from 'drizzle-orm';
import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Province / city: a directory row (names are public), written only by system admins. */
export const province = pgTable(
  'province',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    searchKey: text('search_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('province_code_uq').on(sql`lower(${t.code})`)],
);

/** Commune / ward: the tenant. A directory row (names are public). */
export const commune = pgTable(
  'commune',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => province.id, { onDelete: 'restrict' }),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    searchKey: text('search_key').notNull(),
    activeFrom: date('active_from', { mode: 'string' }),
    activeTo: date('active_to', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commune_code_uq').on(sql`lower(${t.code})`), index('commune_province_idx').on(t.provinceId)],
);

/** A participant body in a commune's tree (office, school, village, digital team ...). */
export const unit = pgTable(
  'unit',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    /** Materialised path of ancestor ids and self: "/a/b/c/". */
    path: text('path').notNull(),
    contactName: text('contact_name'),
    phone: text('phone'),
    email: text('email'),
    address: text('address'),
    activeFrom: date('active_from', { mode: 'string' }),
    activeTo: date('active_to', { mode: 'string' }),
    mergedIntoId: uuid('merged_into_id'),
    searchKey: text('search_key').notNull(),
    sortKey: text('sort_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'unit_pk', columns: [t.communeId, t.id] }),
    foreignKey({ name: 'unit_parent_fk', columns: [t.communeId, t.parentId], foreignColumns: [t.communeId, t.id] }),
    foreignKey({ name: 'unit_merged_into_fk', columns: [t.communeId, t.mergedIntoId], foreignColumns: [t.communeId, t.id] }),
    uniqueIndex('unit_code_uq').on(t.communeId, sql`lower(${t.code})`),
    index('unit_parent_idx').on(t.communeId, t.parentId),
    index('unit_path_idx').on(t.communeId, t.path),
  ],
);

export type UnitRow = typeof unit.$inferSelect;
export type CommuneRow = typeof commune.$inferSelect;
export type ProvinceRow = typeof province.$inferSelect;

/**
 * A counter per commune, bumped by a trigger whenever one of its units changes, so a cached unit list
 * can be checked for freshness with one cheap query instead of re-reading the units.
 */
export const communeVersion = pgTable('commune_version', {
  communeId: uuid('commune_id')
    .primaryKey()
    .references(() => commune.id, { onDelete: 'cascade' }),
  units: integer('units').notNull().default(0),
});
