import { eq, sql } from 'drizzle-orm';
import { todayVn } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapUnitRecord } from './org.mapper';
import { unit } from './org.table';

/** The whole tree of a commune (tens to hundreds of nodes), flat with parent ids. */
export async function getUnitTree(opts: { db: Db; actor: Actor; communeId: string }) {
  authorize(opts.actor, 'org.read', { communeId: opts.communeId });
  const today = todayVn();
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(unit)
      .where(eq(unit.communeId, opts.communeId))
      .orderBy(sql`${unit.sortKey} collate "C"`);
    return {
      communeId: opts.communeId,
      units: rows.map((r) => {
        const m = mapUnitRecord(r, today);
        return { id: m.id, code: m.code, name: m.name, kind: m.kind, parentId: m.parentId, active: m.active };
      }),
    };
  });
}
