import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey, type planUpdateInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { addVersion, ownerPath } from './plan-owner';
import { checkChosenUnits } from './participation';
import { headOf, loadPlan, mapDetail } from './plan-store';
import { plan } from './plans.table';

/** Save a new version of a plan (optimistic locking on the current version). */
export async function updatePlan(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof planUpdateInput>;
  now?: Date;
}) {
  const { db, actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadPlan(tx, communeId, id);
    authorize(actor, 'plan.write', { communeId, unitPath: await ownerPath(tx, communeId, cur.ownerUnitId) });
    if (cur.currentVersion !== input.version) throw new AppError('STALE_VERSION');
    const next = cur.currentVersion + 1;
    await checkChosenUnits(tx, communeId, input.doc);
    const head = headOf(input.doc);
    const [row] = await tx
      .update(plan)
      .set({ ...head, currentVersion: next, searchKey: searchKey(`${head.title} ${head.number ?? ''}`), updatedAt: now })
      .where(and(eq(plan.communeId, communeId), eq(plan.id, id), eq(plan.currentVersion, input.version)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    await addVersion(tx, actor, row, next, input.doc, input.note, now);
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'plan',
      entityId: id,
      communeId,
      summary: `Sửa kế hoạch: ${head.title} (phiên bản ${next})`,
      before: { title: cur.title, version: cur.currentVersion },
      after: { title: head.title, version: next },
    });
    return mapDetail(tx, actor, row);
  });
}
