import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { populationInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { villagesOf } from './training.store';
import { villagePopulation } from './training.table';
import { inTraining, refreshCoverage } from './training-context';
import { getPopulation } from './get-population';

/** Enter the adult population of villages for a year (all rows or none), and recompute the coverage. */
export async function putPopulation(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof populationInput>; now?: Date }) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  await inTraining({ ...opts, permission: 'training.manage' }, async (tx) => {
    const villages = new Map((await villagesOf(tx, communeId)).map((v) => [v.id, v]));
    const seen = new Set<string>();
    const details = input.items.flatMap((it, i) => {
      const problem = !villages.has(it.villageId) ? 'Không phải thôn, tổ dân phố của xã.' : seen.has(it.villageId) ? 'Thôn này có ở một dòng trước.' : null;
      seen.add(it.villageId);
      return problem ? [{ field: `items.${i}.villageId`, row: i, message: problem }] : [];
    });
    if (details.length) throw new AppError('VALIDATION_FAILED', `Dòng ${details[0]!.row! + 1}: ${details[0]!.message}`, details);
    for (const it of input.items)
      if (it.adults === null)
        await tx
          .delete(villagePopulation)
          .where(and(eq(villagePopulation.communeId, communeId), eq(villagePopulation.villageId, it.villageId), eq(villagePopulation.year, input.year)));
      else
        await tx
          .insert(villagePopulation)
          .values({ communeId, villageId: it.villageId, year: input.year, adults: it.adults, updatedAt: now })
          .onConflictDoUpdate({
            target: [villagePopulation.communeId, villagePopulation.villageId, villagePopulation.year],
            set: { adults: it.adults, updatedAt: now },
          });
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'village_population',
      communeId,
      summary: `Cập nhật dân số từ đủ tuổi của ${input.items.length} thôn, năm ${input.year}`,
      after: { year: input.year, items: input.items },
    });
    await refreshCoverage(tx, communeId, [`${input.year}-12-31`], now);
  });
  return getPopulation({ db: opts.db, actor, communeId, year: input.year });
}
