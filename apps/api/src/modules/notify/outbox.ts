import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { OutboxMessage, outboxQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { appUser } from '../users';
import { outboxMessage } from './notify.table';

/** A page of the commune's outbox, newest first (the admin sees what was sent, waits or failed). */
export async function listOutbox(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof outboxQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'notify.manage', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ m: outboxMessage, recipientName: appUser.fullName, total: sql<number>`(count(*) over ())::int` })
      .from(outboxMessage)
      .leftJoin(appUser, eq(appUser.id, outboxMessage.recipientUserId))
      .where(and(eq(outboxMessage.communeId, communeId), query.status ? eq(outboxMessage.status, query.status) : undefined))
      .orderBy(desc(outboxMessage.createdAt), asc(outboxMessage.id))
      .limit(limit)
      .offset(offset);
    const items: OutboxMessage[] = rows.map(({ m, recipientName }) => ({
      id: m.id,
      channel: m.channel,
      recipientUserId: m.recipientUserId,
      recipientName,
      toAddress: m.toAddress,
      subject: m.subject,
      messageId: m.messageId,
      status: m.status as OutboxMessage['status'],
      attempts: m.attempts,
      nextAttemptAt: m.nextAttemptAt.toISOString(),
      lastError: m.lastError,
      sentAt: m.sentAt?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
    }));
    return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
  });
}
