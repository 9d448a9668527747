import { daysBetween, type TodoItemDto, type TodoKind } from '@tds/contracts';

/** How late or soon an item is, as an i18n key (home.todo.when.*), its count and a tag colour. */
export interface TodoWhen {
  key: 'dueToday' | 'daysLeft' | 'daysLate' | 'returnedToday' | 'returnedAgo' | 'submittedToday' | 'waiting';
  count: number;
  color: string;
}

/**
 * Due soon: "còn 3 ngày" (orange within 3 days); overdue: "quá hạn 5 ngày"; returned: how long ago;
 * to review: how long it has waited. Null when the item has nothing to count from.
 */
export function todoWhen(item: Pick<TodoItemDto, 'kind' | 'daysLeft' | 'since'>, today: string): TodoWhen | null {
  if (item.kind === 'returned' || item.kind === 'to_review') {
    if (!item.since) return null;
    const ago = Math.max(0, daysBetween(item.since, today));
    if (item.kind === 'returned')
      return ago === 0 ? { key: 'returnedToday', count: 0, color: 'magenta' } : { key: 'returnedAgo', count: ago, color: 'magenta' };
    return ago === 0 ? { key: 'submittedToday', count: 0, color: 'geekblue' } : { key: 'waiting', count: ago, color: ago > 7 ? 'volcano' : 'geekblue' };
  }
  if (item.daysLeft === null) return null;
  if (item.daysLeft < 0) return { key: 'daysLate', count: -item.daysLeft, color: 'red' };
  if (item.daysLeft === 0) return { key: 'dueToday', count: 0, color: 'orange' };
  return { key: 'daysLeft', count: item.daysLeft, color: item.daysLeft <= 3 ? 'orange' : 'gold' };
}

/** The full list page behind each group's "Xem tất cả". */
export const todoListPage: Record<TodoKind, string> = {
  due_soon: '/reports?tab=due',
  overdue: '/reports?tab=due',
  returned: '/reports?tab=due',
  to_review: '/reports?tab=queue',
};
