import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import type { ChannelRegistry } from './channels';
import { outboxMessage } from './notify.table';

/** Minutes to wait after the 1st, 2nd, ... failed attempt (the last value repeats). */
export const BACKOFF_MINUTES = [1, 5, 15, 60, 180, 360] as const;
/** A claimed message is hidden from other senders this long; if this sender dies, it is retried after. */
export const CLAIM_MINUTES = 15;
const CLAIM_BATCH = 10;
const MINUTE_MS = 60_000;

/** What one delivery run did. */
export interface DeliveryCounts {
  sent: number;
  /** Failed this time, will be retried later. */
  retrying: number;
  /** Failed for the last allowed time: given up. */
  failed: number;
}

export interface DeliverOptions {
  /** Only this commune's messages (an admin's "run now"). */
  communeId?: string;
  /** Attempts before a message is marked failed. */
  maxAttempts?: number;
  /** Stop after this many messages in one run. */
  limit?: number;
}

/** When to try again after `attempts` failed attempts. */
export function retryAt(now: Date, attempts: number): Date {
  const minutes = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? BACKOFF_MINUTES[0];
  return new Date(now.getTime() + minutes * MINUTE_MS);
}

type Claimed = typeof outboxMessage.$inferSelect;

/**
 * Claim a few due messages: lock them with FOR UPDATE SKIP LOCKED (a concurrent sender takes other
 * rows, never these) and push their next attempt past the claim period, in one short transaction.
 * Sending then happens outside any transaction, so a slow mail server never holds the database.
 */
async function claim(db: Db, names: string[], now: Date, opts: DeliverOptions, size: number): Promise<Claimed[]> {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const due = await tx
      .select()
      .from(outboxMessage)
      .where(
        and(
          eq(outboxMessage.status, 'pending'),
          lte(outboxMessage.nextAttemptAt, now),
          inArray(outboxMessage.channel, names),
          opts.communeId ? eq(outboxMessage.communeId, opts.communeId) : undefined,
        ),
      )
      .orderBy(asc(outboxMessage.nextAttemptAt), asc(outboxMessage.createdAt))
      .limit(size)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const until = new Date(now.getTime() + CLAIM_MINUTES * MINUTE_MS);
    for (const m of due) {
      await tx
        .update(outboxMessage)
        .set({ nextAttemptAt: until })
        .where(and(eq(outboxMessage.communeId, m.communeId), eq(outboxMessage.id, m.id)));
    }
    return due;
  });
}

/** Send one claimed message and record the outcome. */
async function deliverOne(db: Db, channels: ChannelRegistry, m: Claimed, now: Date, maxAttempts: number): Promise<keyof DeliveryCounts> {
  const attempts = m.attempts + 1;
  const where = and(eq(outboxMessage.communeId, m.communeId), eq(outboxMessage.id, m.id), eq(outboxMessage.status, 'pending'));
  try {
    const channel = channels.get(m.channel);
    if (!channel) throw new Error(`Kênh "${m.channel}" chưa được cấu hình.`);
    if (!m.toAddress) throw new Error('Thiếu địa chỉ người nhận.');
    await channel.send({ messageId: m.messageId, to: m.toAddress, subject: m.subject, body: m.body });
  } catch (err) {
    const failed = attempts >= maxAttempts;
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
    await inScope(db, SYSTEM_SCOPE, (tx) =>
      tx
        .update(outboxMessage)
        .set({ attempts, lastError, status: failed ? 'failed' : 'pending', nextAttemptAt: failed ? now : retryAt(now, attempts) })
        .where(where),
    );
    return failed ? 'failed' : 'retrying';
  }
  await inScope(db, SYSTEM_SCOPE, (tx) => tx.update(outboxMessage).set({ attempts, status: 'sent', sentAt: now, lastError: null }).where(where));
  return 'sent';
}

/**
 * Deliver the outbox messages due at `now` through the registered channels. A message that fails
 * stays pending with its error and is retried with growing delays; after `maxAttempts` it is
 * marked failed. Messages of channels not configured here wait. Safe to run on several instances
 * at once: each message is claimed by exactly one sender.
 */
export async function deliverOutbox(db: Db, channels: ChannelRegistry, now: Date, opts: DeliverOptions = {}): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retrying: 0, failed: 0 };
  const names = channels.names();
  const limit = opts.limit ?? 1000;
  const maxAttempts = opts.maxAttempts ?? 8;
  let done = 0;
  while (names.length && done < limit) {
    const batch = await claim(db, names, now, opts, Math.min(CLAIM_BATCH, limit - done));
    if (batch.length === 0) break;
    for (const m of batch) counts[await deliverOne(db, channels, m, now, maxAttempts)]++;
    done += batch.length;
  }
  return counts;
}
