import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { searchKey, type planCreateInput, type planListQuery, type planUpdateInput, rolePermissions } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize, can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { commune, province } from '../org';
import { loadUnit } from '../org';
import { buildPlanTemplate } from './plan-template';
import { headOf, loadPlan, mapDetail, mapSummaries } from './plan-store';
import { plan, planVersion, provincePlan, type PlanRow } from './plans.table';

/** Unit path of a plan's owner, for unit-scoped writers; null for the commune's own plans. */
async function ownerPath(tx: Tx, communeId: string, ownerUnitId: string | null): Promise<string | null> {
  if (!ownerUnitId) return null;
  const u = await loadUnit(tx, communeId, ownerUnitId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại trong xã/phường này.', [{ field: 'ownerUnitId', message: 'Không tìm thấy đơn vị.' }]);
  });
  return u.path;
}

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

/** One plan with its current content. */
export async function getPlan(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => mapDetail(tx, opts.actor, await loadPlan(tx, opts.communeId, opts.id)));
}

async function addVersion(tx: Tx, actor: Actor, row: PlanRow, version: number, doc: z.infer<typeof planCreateInput>['doc'], note?: string) {
  await tx
    .insert(planVersion)
    .values({ communeId: row.communeId, planId: row.id, version, doc, note: note ?? null, createdBy: actor.userId, createdByName: actor.fullName });
}

/** Create a draft plan (from the template, an import or blank); version 1 holds its content. */
export async function createPlan(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof planCreateInput> }) {
  const { db, actor, communeId, input } = opts;
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
      })
      .returning();
    await addVersion(
      tx,
      actor,
      row!,
      1,
      input.doc,
      input.note ?? `Tạo từ ${input.source === 'template' ? 'mẫu' : input.source === 'import' ? 'văn bản nhập' : 'trang trắng'}`,
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

/** Save a new version of a plan (optimistic locking on the current version). */
export async function updatePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; input: z.infer<typeof planUpdateInput> }) {
  const { db, actor, communeId, id, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadPlan(tx, communeId, id);
    authorize(actor, 'plan.write', { communeId, unitPath: await ownerPath(tx, communeId, cur.ownerUnitId) });
    if (cur.currentVersion !== input.version) throw new AppError('STALE_VERSION');
    const next = cur.currentVersion + 1;
    const head = headOf(input.doc);
    const [row] = await tx
      .update(plan)
      .set({ ...head, currentVersion: next, searchKey: searchKey(`${head.title} ${head.number ?? ''}`), updatedAt: new Date() })
      .where(and(eq(plan.communeId, communeId), eq(plan.id, id), eq(plan.currentVersion, input.version)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    await addVersion(tx, actor, row, next, input.doc, input.note);
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

/** Every version of a plan, newest first. */
export async function listPlanVersions(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadPlan(tx, opts.communeId, opts.id);
    const items = await tx
      .select({ version: planVersion.version, createdAt: planVersion.createdAt, createdByName: planVersion.createdByName, note: planVersion.note })
      .from(planVersion)
      .where(and(eq(planVersion.communeId, row.communeId), eq(planVersion.planId, row.id)))
      .orderBy(desc(planVersion.version));
    return { items: items.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })) };
  });
}

/** One earlier version with its content. */
export async function getPlanVersion(opts: { db: Db; actor: Actor; communeId: string; id: string; version: number }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const row = await loadPlan(tx, opts.communeId, opts.id);
    const [v] = await tx
      .select()
      .from(planVersion)
      .where(and(eq(planVersion.communeId, row.communeId), eq(planVersion.planId, row.id), eq(planVersion.version, opts.version)));
    if (!v) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản kế hoạch.');
    return { version: v.version, createdAt: v.createdAt.toISOString(), createdByName: v.createdByName, note: v.note, doc: v.doc };
  });
}

/** The national template filled in for a commune (its name, its province, this year). */
export async function getPlanTemplate(opts: { db: Db; actor: Actor; communeId: string }) {
  authorize(opts.actor, 'plan.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const [c] = await tx
      .select({ name: commune.name, provinceName: province.name })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId))
      .where(eq(commune.id, opts.communeId));
    if (!c) throw new AppError('NOT_FOUND');
    return buildPlanTemplate({ communeName: c.name, provinceName: c.provinceName, year: Number(new Date().toISOString().slice(0, 4)) });
  });
}
