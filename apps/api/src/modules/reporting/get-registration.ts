import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { deadlines, loadCommunePlan, mapRegistration, participant, registrationPlan, registrationsOf, resolveYear } from './registration-store';

/** One participating unit's registration for a plan and year (the empty draft shape when none is saved). */
export async function getRegistration(opts: { db: Db; actor: Actor; communeId: string; planId: string; unitId: string; year?: number | undefined }) {
  const { db, actor, communeId, unitId } = opts;
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const p = await registrationPlan(tx, await loadCommunePlan(tx, communeId, opts.planId));
    const year = resolveYear(p, opts.year);
    const u = await participant(tx, p, unitId);
    const row = (await registrationsOf(tx, p, year, unitId)).get(unitId);
    const deadline = (await deadlines(tx, p, year, [unitId])).get(unitId);
    return mapRegistration(tx, p, u, year, row, deadline, can(actor, 'report.write', { communeId, unitPath: u.path }));
  });
}
