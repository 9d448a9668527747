import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Notification, notificationQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { notification } from './notify.table';

const mine = (actor: Actor) => eq(notification.userId, actor.userId);

function toDto(n: typeof notification.$inferSelect): Notification {
  return {
    id: n.id,
    communeId: n.communeId,
    title: n.title,
    body: n.body,
    link: n.link,
    readAt: n.readAt?.toISOString() ?? null,
    createdAt: n.createdAt.toISOString(),
  };
}

/** The signed-in user's in-app notifications, newest first, with how many are unread. */
export async function listNotifications(opts: { db: Db; actor: Actor; query: z.infer<typeof notificationQuery> }) {
  const { db, actor, query } = opts;
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const where = and(mine(actor), query.unread === 'true' ? isNull(notification.readAt) : undefined);
    const rows = await tx.select().from(notification).where(where).orderBy(desc(notification.createdAt), desc(notification.id)).limit(limit).offset(offset);
    const [total] = await tx.select({ n: count() }).from(notification).where(where);
    const [unread] = await tx
      .select({ n: count() })
      .from(notification)
      .where(and(mine(actor), isNull(notification.readAt)));
    return { items: rows.map(toDto), total: Number(total?.n ?? 0), unreadCount: Number(unread?.n ?? 0), page: query.page, pageSize: query.pageSize };
  });
}

/**
 * Mark one of the user's own notifications read. Idempotent; another user's notification (or an
 * unknown id) changes nothing and answers `updated: 0`, so nothing tells whether it exists.
 */
export async function markNotificationRead(opts: { db: Db; actor: Actor; id: string }) {
  const { db, actor, id } = opts;
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .update(notification)
      .set({ readAt: new Date() })
      .where(and(mine(actor), eq(notification.id, id), isNull(notification.readAt)))
      .returning({ id: notification.id });
    return { updated: rows.length };
  });
}

/** Mark every unread notification of the user read. */
export async function markAllNotificationsRead(opts: { db: Db; actor: Actor }) {
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx
      .update(notification)
      .set({ readAt: new Date() })
      .where(and(mine(opts.actor), isNull(notification.readAt)))
      .returning({ id: notification.id });
    return { updated: rows.length };
  });
}
