import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, type provincePlanInput, type provincePlanUpdateInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { plan, provincePlan } from './plans.table';

const readable = (actor: Actor, provinceId: string) => actor.scope.all || (actor.scope.readProvinceIds ?? actor.scope.provinceIds).includes(provinceId);

/** The plans of a province (or city) that its communes implement. */
export async function listProvincePlans(opts: { db: Db; actor: Actor; provinceId: string }) {
  if (!readable(opts.actor, opts.provinceId)) throw new AppError('NOT_FOUND');
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(provincePlan)
      .where(eq(provincePlan.provinceId, opts.provinceId))
      .orderBy(asc(provincePlan.date), asc(provincePlan.title));
    return { items: rows.map(({ createdAt: _c, ...r }) => r) };
  });
}

/** Only the province's own users (and system administrators) write its plans; communes read them. */
function mayWrite(actor: Actor, provinceId: string): void {
  if (!readable(actor, provinceId)) throw new AppError('NOT_FOUND');
  if (!can(actor, 'province_plan.write', { provinceId })) {
    throw new AppError('FORBIDDEN', 'Chỉ cán bộ tỉnh/thành phố hoặc quản trị hệ thống được nhập, sửa hay xóa kế hoạch cấp tỉnh.');
  }
}

type ProvincePlanFields = { title: string; number?: string | null | undefined; date?: string | null | undefined; issuer?: string | null | undefined };
const fields = (input: ProvincePlanFields) => ({
  title: cleanText(input.title),
  number: input.number ?? null,
  date: input.date ?? null,
  issuer: input.issuer ? cleanText(input.issuer) : null,
});
const mapProvincePlan = ({ createdAt: _c, ...r }: typeof provincePlan.$inferSelect) => r;

/** Enter a province plan as a province record, so commune plans can name the plan they implement. */
export async function createProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; input: z.infer<typeof provincePlanInput> }) {
  const { actor, input } = opts;
  mayWrite(actor, input.provinceId);
  return inScope(opts.db, actor.scope, async (tx) => {
    const [row] = await tx
      .insert(provincePlan)
      .values({ provinceId: input.provinceId, ...fields(input) })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'province_plan',
      entityId: row!.id,
      provinceId: input.provinceId,
      summary: `Nhập kế hoạch cấp tỉnh: ${row!.title}`,
      after: row,
    });
    return mapProvincePlan(row!);
  });
}

async function loadProvincePlan(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx.select().from(provincePlan).where(eq(provincePlan.id, id));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch cấp tỉnh.');
  mayWrite(actor, row.provinceId);
  return row;
}

/** Correct a province plan's title, number, date or issuer. */
export async function updateProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string; input: z.infer<typeof provincePlanUpdateInput> }) {
  const { actor } = opts;
  return inScope(opts.db, actor.scope, async (tx) => {
    const before = await loadProvincePlan(tx, actor, opts.id);
    const [row] = await tx
      .update(provincePlan)
      .set(fields(opts.input))
      .where(and(eq(provincePlan.provinceId, before.provinceId), eq(provincePlan.id, before.id)))
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'province_plan',
      entityId: row!.id,
      provinceId: row!.provinceId,
      summary: `Sửa kế hoạch cấp tỉnh: ${row!.title}`,
      before,
      after: row,
    });
    return mapProvincePlan(row!);
  });
}

/** Remove a province plan that no commune plan names (one that is named must be corrected instead). */
export async function deleteProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; id: string }) {
  const { actor } = opts;
  await inScope(opts.db, actor.scope, async (tx) => {
    const before = await loadProvincePlan(tx, actor, opts.id);
    const [used] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(plan)
      .where(eq(plan.provincePlanId, before.id));
    if ((used?.n ?? 0) > 0) {
      throw new AppError('IN_USE', `Kế hoạch cấp tỉnh này đang được ${used!.n} kế hoạch của xã/phường dẫn chiếu; hãy sửa thay vì xóa.`);
    }
    await tx.delete(provincePlan).where(and(eq(provincePlan.provinceId, before.provinceId), eq(provincePlan.id, before.id)));
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'province_plan',
      entityId: before.id,
      provinceId: before.provinceId,
      summary: `Xóa kế hoạch cấp tỉnh: ${before.title}`,
      before,
    });
  });
  return { ok: true as const };
}
