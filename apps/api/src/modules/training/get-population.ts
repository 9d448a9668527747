import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { mayManage } from './training.policy';
import { villagesOf } from './training.store';
import { villagePopulation } from './training.table';
import { inTraining } from './training-context';

/** Every village of the commune with its adult population in the year (null: not entered). */
export async function getPopulation(opts: { db: Db; actor: Actor; communeId: string; year: number }) {
  return inTraining({ ...opts, permission: 'training.read' }, async (tx) => {
    const known = new Map(
      (
        await tx
          .select()
          .from(villagePopulation)
          .where(and(eq(villagePopulation.communeId, opts.communeId), eq(villagePopulation.year, opts.year)))
      ).map((p) => [p.villageId, p.adults]),
    );
    const items = (await villagesOf(tx, opts.communeId)).map((v) => ({ villageId: v.id, villageName: v.name, adults: known.get(v.id) ?? null }));
    return { year: opts.year, items, can: { manage: mayManage(opts.actor, opts.communeId) } };
  });
}
