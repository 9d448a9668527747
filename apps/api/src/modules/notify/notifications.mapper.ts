import { eq } from 'drizzle-orm';
import type { Notification } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { notification } from './notify.table';

/** The condition "the notification is the actor's own". */
export const mine = (actor: Actor) => eq(notification.userId, actor.userId);

/** A stored notification as the API answers it (pure: no query). */
export function mapNotification(n: typeof notification.$inferSelect): Notification {
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
