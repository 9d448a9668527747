import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { plan } from '../plans';
import { loadCommunePlan } from './registration-store';

/** Open or close registration (đăng ký thi đua) for a commune plan. Audited when it changes; a repeat changes nothing. */
export async function setRegistrationWindow(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; planId: string; open: boolean; now?: Date }) {
  const { db, actor, communeId, open } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const row = await loadCommunePlan(tx, communeId, opts.planId);
    authorize(actor, 'report.review', { communeId });
    if (row.registrationOpen !== open) {
      await tx
        .update(plan)
        .set({ registrationOpen: open, updatedAt: opts.now ?? clockNow() })
        .where(and(eq(plan.communeId, communeId), eq(plan.id, row.id)));
      await writeAudit(tx, actor, opts.meta, {
        action: open ? 'registration_open' : 'registration_close',
        entityType: 'plan',
        entityId: row.id,
        communeId,
        summary: `${open ? 'Mở' : 'Đóng'} đăng ký thi đua: ${row.title}`,
        before: { registrationOpen: row.registrationOpen },
        after: { registrationOpen: open },
      });
    }
    return { planId: row.id, registrationOpen: open };
  });
}
