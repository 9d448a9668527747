import { z } from 'zod';
import { isoDate, uuid } from './common.js';

/**
 * "Việc của tôi": what the signed-in user has to do, gathered from every module's to-do sources
 * (`GET /api/me/todo`), in groups shown in this order.
 */
export const todoKinds = ['due_soon', 'overdue', 'returned', 'to_review'] as const;
export type TodoKind = (typeof todoKinds)[number];
export const todoKindLabelsVi: Record<TodoKind, string> = {
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  returned: 'Bị trả lại',
  to_review: 'Chờ tôi duyệt',
};

/** Items due within this many days (Vietnam calendar days from today) are "due soon"; later ones are not listed. */
export const TODO_DUE_SOON_DAYS = 14;
/** How many items of each group one answer carries at most (the counts are always complete). */
export const TODO_LIMIT_MAX = 50;

/** One thing to do, with the one page where it is done. */
export const todoItem = z.object({
  /** Stable within the list, e.g. "report:<id>", "due:<id>". */
  key: z.string(),
  kind: z.enum(todoKinds),
  communeId: uuid,
  communeName: z.string(),
  /** What and for whom, e.g. "Báo cáo kết quả ... năm 2026 – Trường Tiểu học". */
  title: z.string(),
  /** The plan it comes from, when there is one. */
  detail: z.string().nullable(),
  /** The reviewer's comment on a returned item. */
  note: z.string().nullable(),
  /** Where one click takes the user in the web app (a path of the app). */
  href: z.string(),
  /** The last on-time day (yyyy-MM-dd), when the item has a deadline. */
  dueDate: isoDate.nullable(),
  /** Whole days from today (Vietnam time) to the due date: 0 = due today, negative = that many days late. */
  daysLeft: z.number().int().nullable(),
  /** The day (Vietnam time) the item came to the user: submitted (to review) or returned; null for what is simply due. */
  since: isoDate.nullable(),
});
export type TodoItemDto = z.infer<typeof todoItem>;

export const todoGroup = z.object({
  kind: z.enum(todoKinds),
  /** All the items of the group, even when `items` holds fewer. */
  total: z.number().int(),
  /** The most pressing first, at most `limit`. */
  items: z.array(todoItem),
});
export type TodoGroup = z.infer<typeof todoGroup>;

/** Every group, in the order of `todoKinds` (empty ones too). */
export const todoList = z.object({
  /** Today in Vietnam, the day `daysLeft` counts from. */
  today: isoDate,
  groups: z.array(todoGroup),
});
export type TodoList = z.infer<typeof todoList>;

/** `communeId` keeps only that commune's items (the commune chosen in the header); `limit` caps each group. */
export const todoQuery = z.strictObject({
  communeId: uuid.optional(),
  limit: z.coerce
    .number({ error: 'Số mục phải là số.' })
    .int({ error: 'Số mục phải là số nguyên.' })
    .min(1, { error: `Số mục phải từ 1 đến ${TODO_LIMIT_MAX}.` })
    .max(TODO_LIMIT_MAX, { error: `Số mục phải từ 1 đến ${TODO_LIMIT_MAX}.` })
    .default(10),
});
