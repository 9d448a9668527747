import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { targetListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { target } from './indicators.table';
import { selectTargets } from './target-store';
import { communeTargetAbilities } from './indicators.policy';

/** The commune's targets (its own and its units'), filtered by year, indicator or unit. */
export async function listTargets(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof targetListQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => ({
    can: communeTargetAbilities(actor, communeId),
    items: await selectTargets(
      tx,
      communeId,
      and(
        query.year ? eq(target.year, query.year) : undefined,
        query.indicatorCode ? eq(target.indicatorCode, query.indicatorCode) : undefined,
        query.unitId ? eq(target.unitId, query.unitId) : undefined,
      ),
    ),
  }));
}
