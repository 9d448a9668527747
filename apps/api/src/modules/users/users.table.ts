import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { commune, province, unit } from '../org/org.table';
import { person } from '../people/people.table';

/** A login. `commune_id` is the home commune (null for system and province users). */
export const appUser = pgTable(
  'app_user',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    email: text('email'),
    provinceId: uuid('province_id').references(() => province.id, { onDelete: 'restrict' }),
    communeId: uuid('commune_id').references(() => commune.id, { onDelete: 'restrict' }),
    personId: uuid('person_id'),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    searchKey: text('search_key').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('app_user_username_uq').on(sql`lower(${t.username})`),
    index('app_user_commune_idx').on(t.communeId),
    foreignKey({ name: 'app_user_person_fk', columns: [t.communeId, t.personId], foreignColumns: [person.communeId, person.id] }),
  ],
);

/** A role given to a user, scoped to a node of the tree (system, province, commune or unit). */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    provinceId: uuid('province_id').references(() => province.id, { onDelete: 'restrict' }),
    communeId: uuid('commune_id').references(() => commune.id, { onDelete: 'restrict' }),
    unitId: uuid('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignment_user_idx').on(t.userId),
    index('role_assignment_commune_idx').on(t.communeId),
    foreignKey({ name: 'role_assignment_unit_fk', columns: [t.communeId, t.unitId], foreignColumns: [unit.communeId, unit.id] }),
  ],
);
export type AppUserRow = typeof appUser.$inferSelect;
export type RoleAssignmentRow = typeof roleAssignment.$inferSelect;
