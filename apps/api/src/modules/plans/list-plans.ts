import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { rolePermissions, type planListQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { mapSummaries } from './plan-store';
import { plan } from './plans.table';

/** A page of a commune's plans, newest first. */
export async function listPlans(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof planListQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'plan.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ p: plan, total: sql<number>`(count(*) over ())::int` })
      .from(plan)
      .where(
        and(
          eq(plan.communeId, communeId),
          query.status ? eq(plan.status, query.status) : undefined,
          query.ownerUnitId ? eq(plan.ownerUnitId, query.ownerUnitId) : undefined,
          matchSearch(plan.searchKey, query.q),
        ),
      )
      .orderBy(desc(plan.updatedAt), asc(plan.id))
      .limit(limit)
      .offset(offset);
    return {
      items: await mapSummaries(
        tx,
        actor,
        rows.map((r) => r.p),
      ),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: planListAbilities(actor, communeId),
    };
  });
}

/** What `actor` may start in the commune's plans (the create route checks plan.write on the owner unit's path). */
function planListAbilities(actor: Actor, communeId: string) {
  const createCommunePlan = can(actor, 'plan.write', { communeId });
  const createUnitPlan = actor.roles.some((r) => r.communeId === communeId && !!r.unitId && rolePermissions[r.role].includes('plan.write'));
  return { createCommunePlan, createUnitPlan, pickOwnerUnit: (createCommunePlan || createUnitPlan) && can(actor, 'org.read', { communeId }) };
}
