import { z } from 'zod';
import { pageOf, pageQuery, uuid } from './common.js';

/**
 * Notification channels. `in_app` is always built in; the others are delivered through the outbox
 * by a registered channel (e-mail now; SMS and Zalo can be added behind the same interface).
 */
export const notifyChannelNames = ['in_app', 'email', 'sms', 'zalo'] as const;
export type NotifyChannelName = (typeof notifyChannelNames)[number];
export const notifyChannelLabelsVi: Record<NotifyChannelName, string> = {
  in_app: 'Trong ứng dụng',
  email: 'Thư điện tử',
  sms: 'Tin nhắn SMS',
  zalo: 'Zalo',
};

/** Reminder offsets: days relative to a deadline (negative = before, positive = after). */
export const REMINDER_OFFSET_MIN = -60;
export const REMINDER_OFFSET_MAX = 60;
export const REMINDER_OFFSETS_MAX_COUNT = 10;
export const defaultReminderOffsets = [-7, -1, 1, 7];

/** "3 ngày trước hạn", "đúng hạn", "2 ngày sau hạn". */
export function reminderOffsetLabelVi(offset: number): string {
  if (offset === 0) return 'đúng ngày đến hạn';
  return offset < 0 ? `${-offset} ngày trước hạn` : `${offset} ngày sau hạn`;
}

const offset = z
  .number({ error: 'Số ngày nhắc phải là một số.' })
  .int({ error: 'Số ngày nhắc phải là số nguyên.' })
  .min(REMINDER_OFFSET_MIN, { error: `Số ngày nhắc phải từ ${REMINDER_OFFSET_MIN} đến ${REMINDER_OFFSET_MAX}.` })
  .max(REMINDER_OFFSET_MAX, { error: `Số ngày nhắc phải từ ${REMINDER_OFFSET_MIN} đến ${REMINDER_OFFSET_MAX}.` });

/** A commune's reminder settings as shown and edited. `version` 0 means defaults (never saved). */
export const reminderSettingsSchema = z.object({
  communeId: uuid,
  offsets: z.array(z.number().int()),
  channels: z.array(z.string()),
  notifyFocalPoints: z.boolean(),
  notifyAdmins: z.boolean(),
  enabled: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** Channels this server can deliver (in_app plus the registered ones). */
  availableChannels: z.array(z.string()),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const reminderSettingsInput = z.strictObject({
  offsets: z
    .array(offset, { error: 'Danh sách số ngày nhắc không hợp lệ.' })
    .max(REMINDER_OFFSETS_MAX_COUNT, { error: `Tối đa ${REMINDER_OFFSETS_MAX_COUNT} mốc nhắc.` })
    .refine((xs) => new Set(xs).size === xs.length, { error: 'Các mốc nhắc không được trùng nhau.' }),
  channels: z
    .array(z.enum(notifyChannelNames, { error: 'Kênh thông báo không hợp lệ.' }), { error: 'Danh sách kênh không hợp lệ.' })
    .min(1, { error: 'Chọn ít nhất một kênh thông báo.' })
    .refine((xs) => new Set(xs).size === xs.length, { error: 'Các kênh không được trùng nhau.' }),
  notifyFocalPoints: z.boolean(),
  notifyAdmins: z.boolean(),
  enabled: z.boolean(),
  /** The version read (0 when the settings were never saved). */
  version: z.number().int().min(0),
});
export type ReminderSettingsInput = z.infer<typeof reminderSettingsInput>;

export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export const outboxStatusLabelsVi: Record<(typeof outboxStatuses)[number], string> = {
  pending: 'Đang chờ gửi',
  sent: 'Đã gửi',
  failed: 'Gửi không thành công',
};

export const outboxMessageSchema = z.object({
  id: uuid,
  channel: z.string(),
  recipientUserId: uuid.nullable(),
  recipientName: z.string().nullable(),
  toAddress: z.string().nullable(),
  subject: z.string(),
  messageId: z.string(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
export const outboxQuery = pageQuery.extend({ status: z.enum(outboxStatuses).optional() }).strict();
export const outboxPage = pageOf(outboxMessageSchema);

/** What one "run reminders now" did. */
export const reminderRunResult = z.object({
  /** New in-app notifications and outbox messages planned (existing ones are never repeated). */
  notifications: z.number().int(),
  messages: z.number().int(),
  /** Delivery of due outbox messages of this commune. */
  sent: z.number().int(),
  retrying: z.number().int(),
  failed: z.number().int(),
});
export type ReminderRunResult = z.infer<typeof reminderRunResult>;

export const notificationSchema = z.object({
  id: uuid,
  communeId: uuid,
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;
export const notificationQuery = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  unread: z.enum(['true', 'false']).optional(),
});
export const notificationPage = pageOf(notificationSchema).extend({ unreadCount: z.number().int() });
export const notificationParams = z.strictObject({ id: uuid });
export const readAllResult = z.object({ updated: z.number().int() });
