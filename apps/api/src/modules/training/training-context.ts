import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertVisible, authorize } from '../../platform/authorize';
import type { Permission } from '@tds/contracts';
import { inScope } from '../../platform/tenancy';
import { refreshDerived } from '../indicators';
import { TRAINING_PROVIDER_KEY } from '@tds/contracts';
import { authorizeRecord, reachOf, type TrainingReach } from './training.policy';
import { teamsOf, type TeamInfo } from './training.store';
import { yearsFrom } from './coverage';

/**
 * One request of the module: the commune visible (404), the permission over the commune (403; a
 * team member's narrower reach is checked per village or team), then the work in one scoped
 * transaction with the actor's reach.
 */
export async function inTraining<T>(
  opts: { db: Db; actor: Actor; communeId: string; permission: Permission },
  fn: (tx: Tx, ctx: { reach: TrainingReach; teams: TeamInfo[] }) => Promise<T>,
): Promise<T> {
  const { db, actor, communeId, permission } = opts;
  assertVisible(actor, communeId);
  if (permission === 'training.record') authorizeRecord(actor, communeId);
  else authorize(actor, permission, { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const teams = await teamsOf(tx, communeId);
    return fn(tx, { reach: reachOf(actor, communeId, teams), teams });
  });
}

/** Keep the computed indicators current in the recording transaction, for every year the record counts in. */
export async function refreshCoverage(tx: Tx, communeId: string, days: readonly string[], now: Date): Promise<void> {
  const years = new Set(days.flatMap((d) => yearsFrom(d, now)));
  for (const y of [...years].sort()) await refreshDerived(tx, communeId, TRAINING_PROVIDER_KEY, y, 0, now);
}
