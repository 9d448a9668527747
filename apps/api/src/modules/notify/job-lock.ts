import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/security';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';

/** A name for one holder of a lease: host, process and a random part (two runs in one process differ). */
export function newHolder(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID()}`;
}

/**
 * Take (or renew) the lease `name` for `seconds`, on the database clock. Succeeds when nobody holds
 * it, the last lease ran out, or `holder` already holds it; one statement, so two instances racing
 * for it cannot both win.
 */
export async function acquireLease(db: Db, name: string, holder: string, seconds: number): Promise<boolean> {
  return inScope(db, SYSTEM_SCOPE, async (tx) => {
    const rows = rowsOf<{ holder: string }>(
      await tx.execute(sql`
      insert into job_lock (name, holder, locked_until) values (${name}, ${holder}, now() + ${seconds}::int * interval '1 second')
      on conflict (name) do update set holder = excluded.holder, locked_until = excluded.locked_until
        where job_lock.locked_until < now() or job_lock.holder = excluded.holder
      returning holder`),
    );
    return rows[0]?.holder === holder;
  });
}

/** Give the lease back (only if still held by `holder`). */
export async function releaseLease(db: Db, name: string, holder: string): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, (tx) => tx.execute(sql`delete from job_lock where name = ${name} and holder = ${holder}`));
}
