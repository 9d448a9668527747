import { clockNow } from '@tds/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ReportDueItem, reportDueItemQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { unit } from '../org';
import { dueItem, plan } from '../plans';
import { inSubtree } from './list-reports';
import { isoInstant } from './report-mapper';
import { registration, report } from './reporting.table';

/**
 * Where a due item stands: its report's status; for registration items, the registration's
 * (submitted, or draft); `missing` when nothing was opened.
 */
export const dueItemStatus = sql<
  ReportDueItem['status']
>`coalesce(${report.status}, case when ${registration.status} = 'submitted' then 'submitted' when ${registration.id} is not null then 'draft' else 'missing' end)`;
const status = dueItemStatus;
/** Submitted late, or not submitted and past the deadline at `now`. */
const lateAt = (now: Date) =>
  sql<boolean>`case when ${report.submittedAt} is not null then ${report.late} when ${registration.submittedAt} is not null then ${registration.late} else ${now.toISOString()}::timestamptz > ${dueItem.lateAfter} end`;

/**
 * A page of a commune's due items with their unit and report (or `missing`), by due date then
 * unit. `unitId` selects a node and the units under it.
 */
export async function listDueItems(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof reportDueItemQuery>; now?: Date }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'report.read', { communeId });
  const { limit, offset } = pageWindow(query);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select({
        d: dueItem,
        unitName: unit.name,
        unitPath: unit.path,
        planTitle: plan.title,
        status,
        late: lateAt(opts.now ?? clockNow()),
        submittedAt: sql<Date | string | null>`coalesce(${report.submittedAt}, ${registration.submittedAt})`,
        report: { id: report.id, status: report.status, version: report.version, late: report.late, submittedAt: report.submittedAt },
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(dueItem)
      .innerJoin(unit, and(eq(unit.communeId, dueItem.communeId), eq(unit.id, dueItem.unitId)))
      .innerJoin(plan, and(eq(plan.communeId, dueItem.communeId), eq(plan.id, dueItem.planId)))
      .leftJoin(report, and(eq(report.communeId, dueItem.communeId), eq(report.dueItemId, dueItem.id)))
      .leftJoin(registration, and(eq(registration.communeId, dueItem.communeId), eq(registration.dueItemId, dueItem.id)))
      .where(
        and(
          eq(dueItem.communeId, communeId),
          query.planId ? eq(dueItem.planId, query.planId) : undefined,
          query.kind ? eq(dueItem.kind, query.kind) : undefined,
          query.cadence ? eq(dueItem.cadence, query.cadence) : undefined,
          query.year !== undefined ? eq(dueItem.year, query.year) : undefined,
          query.period !== undefined ? eq(dueItem.period, query.period) : undefined,
          query.status ? sql`${status} = ${query.status}` : undefined,
          await inSubtree(tx, communeId, query.unitId),
          matchSearch(unit.searchKey, query.q),
        ),
      )
      .orderBy(asc(dueItem.dueDate), asc(unit.sortKey), asc(dueItem.id))
      .limit(limit)
      .offset(offset);
    const items: ReportDueItem[] = rows.map((r) => ({
      id: r.d.id,
      communeId: r.d.communeId,
      planId: r.d.planId,
      planTitle: r.planTitle,
      unitId: r.d.unitId,
      unitName: r.unitName,
      kind: r.d.kind as ReportDueItem['kind'],
      cadence: r.d.cadence as ReportDueItem['cadence'],
      title: r.d.title,
      dueDate: r.d.dueDate,
      lateAfter: isoInstant(r.d.lateAfter)!,
      year: r.d.year,
      period: r.d.period,
      status: r.status,
      late: toBool(r.late),
      submittedAt: isoInstant(r.submittedAt),
      report: r.report
        ? { ...r.report, status: r.report.status as NonNullable<ReportDueItem['report']>['status'], submittedAt: isoInstant(r.report.submittedAt) }
        : null,
      canWrite: can(actor, 'report.write', { communeId, unitPath: r.unitPath }),
    }));
    return { items, total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
  });
}

/** Booleans computed in SQL arrive as booleans (pg) or sometimes as text; normalise. */
const toBool = (v: unknown) => v === true || v === 't' || v === 'true';
