import { clockNow } from '@tds/contracts';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { mine } from './notifications.mapper';
import { notification } from './notify.table';

/**
 * Mark one of the user's own notifications read. Idempotent; another user's notification (or an
 * unknown id) changes nothing and answers `updated: 0`, so nothing tells whether it exists.
 */
export async function markNotificationRead(opts: { db: Db; actor: Actor; id: string; now?: Date }) {
  const { db, actor, id } = opts;
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .update(notification)
      .set({ readAt: opts.now ?? clockNow() })
      .where(and(mine(actor), eq(notification.id, id), isNull(notification.readAt)))
      .returning({ id: notification.id });
    return { updated: rows.length };
  });
}
