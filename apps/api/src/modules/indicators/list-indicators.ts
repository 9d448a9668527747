import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { loadIndicators } from './catalogue';
import { filter, type Query } from './indicator-filter';
import { toIndicator } from './indicators.mapper';
import { indicatorListAbilities } from './indicators.policy';

/** The national catalogue plus the commune's own indicators (active only unless asked). */
export async function listIndicators(opts: { db: Db; actor: Actor; communeId: string; query: Query }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const defs = await loadIndicators(tx, communeId, { activeOnly: query.includeInactive !== 'true' });
    return { items: filter(defs, query).map((d) => toIndicator(actor, d, communeId)), can: indicatorListAbilities(actor, communeId) };
  });
}
