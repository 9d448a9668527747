import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { mapProvincePlan } from './province-plan.mapper';
import { readable } from './province-plan.policy';
import { provincePlan } from './plans.table';

/** The plans of a province (or city) that its communes implement. */
export async function listProvincePlans(opts: { db: Db; actor: Actor; provinceId: string }) {
  if (!readable(opts.actor, opts.provinceId)) throw new AppError('NOT_FOUND');
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(provincePlan)
      .where(eq(provincePlan.provinceId, opts.provinceId))
      .orderBy(asc(provincePlan.date), asc(provincePlan.title));
    return { items: rows.map(mapProvincePlan) };
  });
}
