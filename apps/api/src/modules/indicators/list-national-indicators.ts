import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { nationalDef } from './catalogue';
import { filter, type Query } from './indicator-filter';
import { indicator } from './indicators.table';
import { toIndicator } from './indicators.mapper';
import { indicatorListAbilities } from './indicators.policy';

/** The national catalogue alone (three pillars), readable by every signed-in user who reads reports. */
export async function listNationalIndicators(opts: { db: Db; actor: Actor; query: Query }) {
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(indicator)
      .where(opts.query.includeInactive === 'true' ? undefined : eq(indicator.active, true))
      .orderBy(asc(indicator.sortOrder), asc(indicator.code));
    return {
      items: filter(rows.map(nationalDef), opts.query).map((d) => toIndicator(opts.actor, d)),
      can: indicatorListAbilities(opts.actor, null),
    };
  });
}
