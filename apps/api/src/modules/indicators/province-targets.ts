import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ErrorDetail, provinceTargetListQuery, provinceTargetPutInput, ProvinceTarget } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorizeProvince } from '../../platform/authorize';
import { provinceTargetAbilities } from './indicators.policy';
import { inScope } from '../../platform/tenancy';
import { commune } from '../org';
import { nationalDef, type IndicatorDef } from './catalogue';
import { indicator, provinceTarget, target } from './indicators.table';
import { itemDetail, targetIssue, targetKey, throwItemErrors } from './target-store';

/** The national catalogue by code (provinces set targets on national indicators only). */
export async function nationalMap(tx: Tx): Promise<Map<string, IndicatorDef>> {
  const rows = await tx.select().from(indicator);
  return new Map(rows.map((r) => [r.code, nationalDef(r)]));
}

const toProvinceTarget = (r: typeof provinceTarget.$inferSelect): ProvinceTarget => ({
  provinceId: r.provinceId,
  indicatorCode: r.indicatorCode,
  year: r.year,
  value: r.value,
  updatedAt: r.updatedAt.toISOString(),
});

/** The commune-level targets (unit null) of a province's communes, by commune name. */
export async function communeTargetsOf(tx: Tx, provinceId: string, filter: { year?: number; indicatorCode?: string; communeIds?: readonly string[] }) {
  const rows = await tx
    .select({ t: target, communeName: commune.name })
    .from(target)
    .innerJoin(commune, eq(commune.id, target.communeId))
    .where(
      and(
        eq(commune.provinceId, provinceId),
        isNull(target.unitId),
        filter.year ? eq(target.year, filter.year) : undefined,
        filter.indicatorCode ? eq(target.indicatorCode, filter.indicatorCode) : undefined,
      ),
    )
    .orderBy(asc(target.indicatorCode), asc(target.year), asc(commune.name));
  return rows
    .filter((r) => !filter.communeIds || filter.communeIds.includes(r.t.communeId))
    .map((r) => ({
      communeId: r.t.communeId,
      communeName: r.communeName,
      indicatorCode: r.t.indicatorCode,
      year: r.t.year,
      value: r.t.value,
      origin: r.t.origin as 'manual' | 'split' | 'registration',
    }));
}

/** The province's targets and its communes' own targets. */
export async function listProvinceTargets(opts: { db: Db; actor: Actor; provinceId: string; query: z.infer<typeof provinceTargetListQuery> }) {
  const { db, actor, provinceId, query } = opts;
  authorizeProvince(actor, 'report.read', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select()
      .from(provinceTarget)
      .where(
        and(
          eq(provinceTarget.provinceId, provinceId),
          query.year ? eq(provinceTarget.year, query.year) : undefined,
          query.indicatorCode ? eq(provinceTarget.indicatorCode, query.indicatorCode) : undefined,
        ),
      )
      .orderBy(asc(provinceTarget.indicatorCode), asc(provinceTarget.year));
    return { items: rows.map(toProvinceTarget), communes: await communeTargetsOf(tx, provinceId, query), can: provinceTargetAbilities(actor, provinceId) };
  });
}

/** Set several province targets (national indicators only), all or nothing. */
export async function putProvinceTargets(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  provinceId: string;
  input: z.infer<typeof provinceTargetPutInput>;
  now?: Date;
}) {
  const { db, actor, provinceId, input } = opts;
  authorizeProvince(actor, 'indicator.manage', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const defs = await nationalMap(tx);
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      const issue = targetIssue(defs.get(item.indicatorCode), item.indicatorCode, item.value);
      if (issue)
        details.push(itemDetail(i, issue.field, issue.field === 'indicatorCode' ? `Không có chỉ tiêu quốc gia "${item.indicatorCode}".` : issue.message));
      if (seen.has(targetKey(item))) details.push(itemDetail(i, 'indicatorCode', 'Trùng với một dòng trước (cùng chỉ tiêu và năm).'));
      seen.add(targetKey(item));
    });
    throwItemErrors(details);
    const now = opts.now ?? new Date();
    const rows = await tx
      .insert(provinceTarget)
      .values(input.items.map((i) => ({ provinceId, indicatorCode: i.indicatorCode, year: i.year, value: i.value, updatedBy: actor.userId, updatedAt: now })))
      .onConflictDoUpdate({
        target: [provinceTarget.provinceId, provinceTarget.indicatorCode, provinceTarget.year],
        set: { value: sql.raw('excluded.value'), updatedBy: actor.userId, updatedAt: now },
      })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'province_target',
      entityId: provinceId,
      provinceId,
      summary: `Đặt ${rows.length} mục tiêu chỉ tiêu của tỉnh`,
      after: { count: rows.length, items: input.items.slice(0, 100) },
    });
    return { items: rows.map(toProvinceTarget) };
  });
}
