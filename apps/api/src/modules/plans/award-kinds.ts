import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { awardKind } from './plans.table';

/** The national catalogue of award forms and emulation titles, highest first. */
export async function listAwardKinds(opts: { db: Db; actor: Actor }) {
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx.select().from(awardKind).orderBy(asc(awardKind.rank));
    return { items: rows.map((r) => ({ ...r, kind: r.kind as 'form' | 'title' })) };
  });
}
