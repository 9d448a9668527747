import { and, count, desc, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { notificationQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { mapNotification, mine } from './notifications.mapper';
import { notification } from './notify.table';

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
    return { items: rows.map(mapNotification), total: Number(total?.n ?? 0), unreadCount: Number(unread?.n ?? 0), page: query.page, pageSize: query.pageSize };
  });
}
