import { and, eq, inArray } from 'drizzle-orm';
import type { PlanDetail, PlanDoc, PlanSummary } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { planConflicts } from './plan-rules';
import { plan, planVersion, provincePlan, type PlanRow } from './plans.table';

/** Load one plan of a commune, or NOT_FOUND. */
export async function loadPlan(tx: Tx, communeId: string, id: string): Promise<PlanRow> {
  const [row] = await tx
    .select()
    .from(plan)
    .where(and(eq(plan.communeId, communeId), eq(plan.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.');
  return row;
}

/** The content of one version of a plan. */
export async function loadDoc(tx: Tx, row: PlanRow, version = row.currentVersion): Promise<PlanDoc> {
  const [v] = await tx
    .select({ doc: planVersion.doc })
    .from(planVersion)
    .where(and(eq(planVersion.communeId, row.communeId), eq(planVersion.planId, row.id), eq(planVersion.version, version)));
  if (!v) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản kế hoạch.');
  return v.doc;
}

/** Title, number and date kept on the plan row for lists and search. */
export function headOf(doc: PlanDoc) {
  return { title: doc.title?.trim() || 'Kế hoạch (chưa có tên)', number: doc.number, date: doc.date };
}

/** Plan rows -> summaries, with owner unit and parent names looked up in one query each. */
export async function mapSummaries(tx: Tx, actor: Actor, rows: PlanRow[]): Promise<PlanSummary[]> {
  if (rows.length === 0) return [];
  const unitIds = [...new Set(rows.map((r) => r.ownerUnitId).filter((x): x is string => !!x))];
  const parentIds = [...new Set(rows.map((r) => r.parentPlanId).filter((x): x is string => !!x))];
  const provIds = [...new Set(rows.map((r) => r.provincePlanId).filter((x): x is string => !!x))];
  const communeId = rows[0]!.communeId;
  const units = unitIds.length
    ? await tx
        .select({ id: unit.id, name: unit.name, path: unit.path })
        .from(unit)
        .where(and(eq(unit.communeId, communeId), inArray(unit.id, unitIds)))
    : [];
  const parents = parentIds.length
    ? await tx
        .select({ id: plan.id, title: plan.title })
        .from(plan)
        .where(and(eq(plan.communeId, communeId), inArray(plan.id, parentIds)))
    : [];
  const provs = provIds.length
    ? await tx.select({ id: provincePlan.id, title: provincePlan.title }).from(provincePlan).where(inArray(provincePlan.id, provIds))
    : [];
  return rows.map((r) => {
    const parent = r.parentPlanId
      ? { kind: 'commune' as const, id: r.parentPlanId, title: parents.find((p) => p.id === r.parentPlanId)?.title ?? '' }
      : r.provincePlanId
        ? { kind: 'province' as const, id: r.provincePlanId, title: provs.find((p) => p.id === r.provincePlanId)?.title ?? '' }
        : null;
    const owner = units.find((u) => u.id === r.ownerUnitId);
    return {
      id: r.id,
      communeId: r.communeId,
      title: r.title,
      number: r.number,
      date: r.date,
      status: r.status as PlanSummary['status'],
      version: r.currentVersion,
      publishedVersion: r.publishedVersion,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      ownerUnitId: r.ownerUnitId,
      ownerUnitName: owner?.name ?? null,
      parent,
      updatedAt: r.updatedAt.toISOString(),
      can: {
        edit: can(actor, 'plan.write', { communeId: r.communeId, unitPath: owner?.path ?? null }),
        // Unit plans are not published: they are filed as the unit's reports.
        publish: !r.ownerUnitId && can(actor, 'plan.publish', { communeId: r.communeId }),
      },
    };
  });
}

/** Full detail: current content, conflicts to settle, and the plans attached to this one. */
export async function mapDetail(tx: Tx, actor: Actor, row: PlanRow): Promise<PlanDetail> {
  const [summary] = await mapSummaries(tx, actor, [row]);
  const doc = await loadDoc(tx, row);
  const children = await tx
    .select({ id: plan.id, title: plan.title })
    .from(plan)
    .where(and(eq(plan.communeId, row.communeId), eq(plan.parentPlanId, row.id)));
  return { ...summary!, doc, conflicts: planConflicts(doc), children: children.map((c) => ({ kind: 'commune' as const, id: c.id, title: c.title })) };
}
