import { clockNow } from '@tds/contracts';
import { and, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { mine } from './notifications.mapper';
import { notification } from './notify.table';

/** Mark every unread notification of the user read. */
export async function markAllNotificationsRead(opts: { db: Db; actor: Actor; now?: Date }) {
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx
      .update(notification)
      .set({ readAt: opts.now ?? clockNow() })
      .where(and(mine(opts.actor), isNull(notification.readAt)))
      .returning({ id: notification.id });
    return { updated: rows.length };
  });
}
