import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, type provincePlanInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { provincePlan } from './plans.table';

const readable = (actor: Actor, provinceId: string) => actor.scope.all || (actor.scope.readProvinceIds ?? actor.scope.provinceIds).includes(provinceId);

/** The plans of a province (or city) that its communes implement. */
export async function listProvincePlans(opts: { db: Db; actor: Actor; provinceId: string }) {
  if (!readable(opts.actor, opts.provinceId)) throw new AppError('NOT_FOUND');
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const rows = await tx.select().from(provincePlan).where(eq(provincePlan.provinceId, opts.provinceId)).orderBy(asc(provincePlan.date), asc(provincePlan.title));
    return { items: rows.map(({ createdAt: _c, ...r }) => r) };
  });
}

/**
 * Enter a province plan as a province record, so commune plans can name the plan they implement.
 * System administrators, and the administrators of any commune of that province, may add one.
 */
export async function createProvincePlan(opts: { db: Db; actor: Actor; meta: RequestMeta; input: z.infer<typeof provincePlanInput> }) {
  const { actor, input } = opts;
  if (!readable(actor, input.provinceId)) throw new AppError('NOT_FOUND');
  const communes = [...actor.communeProvince].filter(([, p]) => p === input.provinceId).map(([c]) => c);
  if (!actor.scope.all && !communes.some((communeId) => can(actor, 'plan.write', { communeId }))) throw new AppError('FORBIDDEN');
  return inScope(opts.db, actor.scope, async (tx) => {
    const [row] = await tx.insert(provincePlan).values({
      provinceId: input.provinceId, title: cleanText(input.title), number: input.number ?? null, date: input.date ?? null, issuer: input.issuer ? cleanText(input.issuer) : null,
    }).returning();
    await writeAudit(tx, actor, opts.meta, { action: 'create', entityType: 'province_plan', entityId: row!.id, provinceId: input.provinceId, communeId: communes[0] ?? null, summary: `Nhập kế hoạch cấp tỉnh: ${row!.title}`, after: row });
    const { createdAt: _c, ...out } = row!;
    return out;
  });
}
