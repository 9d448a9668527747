import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { commune } from '../org/org.table';

/** A commune's reminder settings: days before (negative) and after (positive) each deadline. */
export const reminderSetting = pgTable(
  'reminder_setting',
  {
    communeId: uuid('commune_id')
      .notNull()
      .references(() => commune.id, { onDelete: 'restrict' }),
    offsets: jsonb('offsets').$type<number[]>().notNull().default([-7, -1, 1, 7]),
    /** Channels used: "in_app", "email" (SMS, Zalo later, through the same interface). */
    channels: jsonb('channels').$type<string[]>().notNull().default(['in_app', 'email']),
    notifyFocalPoints: boolean('notify_focal_points').notNull().default(true),
    notifyAdmins: boolean('notify_admins').notNull().default(true),
    enabled: boolean('enabled').notNull().default(true),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'reminder_setting_pk', columns: [t.communeId] })],
);

/**
 * Outgoing messages, written in the same transaction as what causes them and delivered by the
 * sender job. `dedupe_key` (due item, recipient, offset, channel) makes every reminder unique.
 */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    dedupeKey: text('dedupe_key').notNull(),
    channel: text('channel').notNull(),
    recipientUserId: uuid('recipient_user_id'),
    toAddress: text('to_address'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** Stable RFC 5322 Message-ID, the same on every retry. */
    messageId: text('message_id').notNull(),
    /** pending | sent | failed (gave up after the last attempt) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    meta: jsonb('meta').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'outbox_message_pk', columns: [t.communeId, t.id] }),
    uniqueIndex('outbox_message_dedupe_uq').on(t.communeId, t.dedupeKey),
    index('outbox_message_pending_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** In-app notifications shown to a user. */
export const notification = pgTable(
  'notification',
  {
    communeId: uuid('commune_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'notification_pk', columns: [t.communeId, t.id] }),
    uniqueIndex('notification_dedupe_uq').on(t.communeId, t.dedupeKey),
    index('notification_user_idx').on(t.userId, t.createdAt),
  ],
);

/** Leases for background jobs, so that only one app instance runs a job at a time. */
export const jobLock = pgTable('job_lock', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }).notNull(),
});
