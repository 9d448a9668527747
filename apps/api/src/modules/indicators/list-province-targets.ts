import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { provinceTargetListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorizeProvince } from '../../platform/authorize';
import { provinceTargetAbilities } from './indicators.policy';
import { inScope } from '../../platform/tenancy';
import { toProvinceTarget } from './indicators.mapper';
import { provinceTarget } from './indicators.table';
import { communeTargetsOf } from './province-target-store';

/** The province's targets and its communes' own targets. */
export async function listProvinceTargets(opts: { db: Db; actor: Actor; provinceId: string; query: z.infer<typeof provinceTargetListQuery> }) {
  const { db, actor, provinceId, query } = opts;
  authorizeProvince(actor, 'report.read', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(provinceTarget)
      .where(
        and(
          eq(provinceTarget.provinceId, provinceId),
          query.year ? eq(provinceTarget.year, query.year) : undefined,
          query.indicatorCode ? eq(provinceTarget.indicatorCode, query.indicatorCode) : undefined,
        ),
      )
      .orderBy(asc(provinceTarget.indicatorCode), asc(provinceTarget.year));
    return { items: rows.map(toProvinceTarget), communes: await communeTargetsOf(tx, provinceId, query), can: provinceTargetAbilities(actor, provinceId) };
  });
}
