import { eq } from 'drizzle-orm';
import { vietnamYear, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { commune, province } from '../org';
import { buildPlanTemplate } from './plan-template';

/** The national template filled in for a commune (its name, its province, this year in Vietnam). */
export async function getPlanTemplate(opts: { db: Db; actor: Actor; communeId: string; now?: Date }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const [c] = await tx
      .select({ name: commune.name, provinceName: province.name })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId))
      .where(eq(commune.id, opts.communeId));
    if (!c) throw new AppError('NOT_FOUND');
    return buildPlanTemplate({ communeName: c.name, provinceName: c.provinceName, year: vietnamYear(opts.now ?? clockNow()) });
  });
}
