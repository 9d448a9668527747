import { clockNow } from '@tds/contracts';
import type { RegistrationList, RegistrationListItem, RegistrationStatus } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { deadlines, loadCommunePlan, participants, registrationPlan, registrationsOf, resolveYear } from './registration-store';

/**
 * The commune admin's view of a plan's registrations for a year: every participating unit with its
 * status (submitted, draft, not registered), lateness and deadline, and the counts.
 */
export async function listRegistrations(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  planId: string;
  year?: number | undefined;
  now?: Date;
}): Promise<RegistrationList> {
  const { db, actor, communeId } = opts;
  authorize(actor, 'report.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const p = await registrationPlan(tx, await loadCommunePlan(tx, communeId, opts.planId));
    const year = resolveYear(p, opts.year);
    const [units, regs, dues] = [await participants(tx, p), await registrationsOf(tx, p, year), await deadlines(tx, p, year)];
    const now = (opts.now ?? clockNow()).getTime();
    const items: RegistrationListItem[] = units.map((u) => {
      const r = regs.get(u.id);
      const deadline = dues.get(u.id) ?? null;
      const status = (r?.status ?? 'not_registered') as RegistrationStatus;
      return {
        unitId: u.id,
        unitName: u.name,
        unitKind: u.kind,
        registrationId: r?.id ?? null,
        status,
        late: r?.late ?? false,
        submittedAt: r?.submittedAt ? new Date(r.submittedAt).toISOString() : null,
        deadline,
        overdue: status !== 'submitted' && !!deadline && now >= new Date(deadline.lateAfter).getTime(),
        updatedAt: r ? r.updatedAt.toISOString() : null,
      };
    });
    const registered = items.filter((i) => i.status === 'submitted').length;
    return {
      planId: p.row.id,
      planTitle: p.row.title,
      year,
      fromYear: p.fromYear,
      toYear: p.toYear,
      registrationOpen: p.row.registrationOpen,
      can: { setWindow: can(actor, 'report.review', { communeId }) },
      counts: {
        participating: items.length,
        registered,
        draft: items.filter((i) => i.status === 'draft').length,
        notRegistered: items.length - registered,
        late: items.filter((i) => i.late).length,
        overdue: items.filter((i) => i.overdue).length,
      },
      items,
    };
  });
}
