import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey, type planCreateInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { addVersion, ownerPath } from './plan-owner';
import { checkChosenUnits } from './participation';
import { headOf, loadPlan, mapDetail } from './plan-store';
import { plan, provincePlan } from './plans.table';

/** Create a draft plan (from the template, an import or blank); version 1 holds its content. */
export async function createPlan(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof planCreateInput>; now?: Date }) {
  const { db, actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const unitPath = await ownerPath(tx, communeId, input.ownerUnitId ?? null);
    authorize(actor, 'plan.write', { communeId, unitPath });
    if (input.parentPlanId)
      await loadPlan(tx, communeId, input.parentPlanId).catch(() => {
        throw new AppError('VALIDATION_FAILED', 'Kế hoạch cấp trên không tồn tại.', [{ field: 'parentPlanId', message: 'Không tìm thấy kế hoạch.' }]);
      });
    if (input.provincePlanId) {
      const [pp] = await tx.select({ id: provincePlan.id }).from(provincePlan).where(eq(provincePlan.id, input.provincePlanId));
      if (!pp) throw new AppError('VALIDATION_FAILED', 'Kế hoạch của tỉnh không tồn tại.', [{ field: 'provincePlanId', message: 'Không tìm thấy kế hoạch.' }]);
    }
    await checkChosenUnits(tx, communeId, input.doc);
    const head = headOf(input.doc);
    const [row] = await tx
      .insert(plan)
      .values({
        communeId,
        ...head,
        status: 'draft',
        currentVersion: 1,
        ownerUnitId: input.ownerUnitId ?? null,
        parentPlanId: input.parentPlanId ?? null,
        provincePlanId: input.provincePlanId ?? null,
        searchKey: searchKey(`${head.title} ${head.number ?? ''}`),
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await addVersion(
      tx,
      actor,
      row!,
      1,
      input.doc,
      input.note ?? `Tạo từ ${input.source === 'template' ? 'mẫu' : input.source === 'import' ? 'văn bản nhập' : 'trang trắng'}`,
      now,
    );
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'plan',
      entityId: row!.id,
      communeId,
      summary: `Tạo kế hoạch: ${head.title}`,
      after: { title: head.title, source: input.source, version: 1 },
    });
    return mapDetail(tx, actor, row!);
  });
}
