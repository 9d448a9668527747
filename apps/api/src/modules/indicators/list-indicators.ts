import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey, type indicatorListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { loadIndicators, nationalDef, type IndicatorDef } from './catalogue';
import { indicator } from './indicators.table';
import { toIndicator } from './indicators.mapper';
import { indicatorListAbilities } from './indicators.policy';

type Query = z.infer<typeof indicatorListQuery>;

/** Keep the definitions matching the query (pillar, free text on code and name); the catalogue is small. */
function filter(defs: IndicatorDef[], q: Query) {
  const key = q.q ? searchKey(q.q) : '';
  return defs.filter((d) => (!q.pillar || d.pillar === q.pillar) && (!key || searchKey(`${d.code} ${d.name}`).includes(key)));
}

/** The national catalogue plus the commune's own indicators (active only unless asked). */
export async function listIndicators(opts: { db: Db; actor: Actor; communeId: string; query: Query }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const defs = await loadIndicators(tx, communeId, { activeOnly: query.includeInactive !== 'true' });
    return { items: filter(defs, query).map((d) => toIndicator(actor, d, communeId)), can: indicatorListAbilities(actor, communeId) };
  });
}

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
