import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';

/**
 * Serialise the creates that carry one client key (`opKey`) in a commune: the transaction holds the
 * lock until it ends, so a retry sent while the first request still runs waits for it, then finds
 * the record it made and answers with that instead of making a second.
 */
export async function lockOpKey(tx: Tx, communeId: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`op:${communeId}:${key}`}))`);
}
