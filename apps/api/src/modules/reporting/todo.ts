import { and, asc, eq, inArray, lte, ne, or, sql, type AnyColumn } from 'drizzle-orm';
import { addDays, daysBetween, rolePermissions, TODO_DUE_SOON_DAYS, todayVn, type Permission, type TodoKind } from '@tds/contracts';
import type { Actor, ActorRole } from '../../platform/actor';
import type { TodoItem, TodoSource } from '../../platform/module';
import { inScope } from '../../platform/tenancy';
import { commune, unit } from '../org';
import { dueItem, plan } from '../plans';
import { dueItemStatus } from './list-due-items';
import { registration, report } from './reporting.table';

/** The actor's roles held in a commune (the one asked for, or any) that carry `permission`, at unit level or commune level. */
function rolesFor(actor: Actor, permission: Permission, level: 'unit' | 'commune', communeId: string | null): ActorRole[] {
  return actor.roles.filter(
    (r) =>
      !!r.communeId &&
      (level === 'unit' ? !!r.unitId && !!r.unitPath : !r.unitId) &&
      rolePermissions[r.role].includes(permission) &&
      (!communeId || r.communeId === communeId),
  );
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
/** An instant as milliseconds, the same from both drivers. */
const epochMs = (col: AnyColumn) => sql<number | null>`(extract(epoch from ${col}) * 1000)::float8`;
const vnDay = (ms: number | string | null) => (ms === null ? null : todayVn(new Date(Number(ms))));

/**
 * What a unit's own people (focal point, digital team) have to do for their unit and the units
 * under it: items due within TODO_DUE_SOON_DAYS and not yet submitted, items past due and not
 * submitted, and reports returned to them to correct. One query: per kind the first `limit` rows,
 * with the count of all of them.
 */
export const unitTodo: TodoSource = async ({ db, actor, now, communeId, limit }) => {
  const roles = rolesFor(actor, 'report.write', 'unit', communeId);
  if (!roles.length) return { items: [], totals: {} };
  const today = todayVn(now);
  const horizon = addDays(today, TODO_DUE_SOON_DAYS);
  const kindOf = () =>
    sql<TodoKind>`case when ${report.status} = 'returned' then 'returned' when ${dueItem.dueDate} < ${today}::date then 'overdue' else 'due_soon' end`;
  // Returned ones by how long they have waited; the others by due date.
  const order = sql`case when ${report.status} = 'returned' then ${report.reviewedAt} end nulls last, ${dueItem.dueDate}, ${unit.sortKey}, ${dueItem.id}`;
  return inScope(db, actor.scope, async (tx) => {
    const ranked = tx
      .select({
        dueId: sql<string>`${dueItem.id}`.as('due_id'),
        communeId: sql<string>`${dueItem.communeId}`.as('commune_id'),
        communeName: sql<string>`${commune.name}`.as('commune_name'),
        itemKind: sql<string>`${dueItem.kind}`.as('item_kind'),
        title: sql<string>`${dueItem.title}`.as('title'),
        dueDate: sql<string>`${dueItem.dueDate}::text`.as('due_date'),
        year: sql<number>`${dueItem.year}`.as('year'),
        planId: sql<string>`${dueItem.planId}`.as('plan_id'),
        planTitle: sql<string>`${plan.title}`.as('plan_title'),
        unitId: sql<string>`${dueItem.unitId}`.as('unit_id'),
        unitName: sql<string>`${unit.name}`.as('unit_name'),
        reportId: sql<string | null>`${report.id}`.as('report_id'),
        reviewComment: sql<string | null>`${report.reviewComment}`.as('review_comment'),
        reviewedMs: epochMs(report.reviewedAt).as('reviewed_ms'),
        kind: kindOf().as('kind'),
        rn: sql<number>`(row_number() over (partition by ${kindOf()} order by ${order}))::int`.as('rn'),
        total: sql<number>`(count(*) over (partition by ${kindOf()}))::int`.as('total'),
      })
      .from(dueItem)
      .innerJoin(unit, and(eq(unit.communeId, dueItem.communeId), eq(unit.id, dueItem.unitId)))
      .innerJoin(plan, and(eq(plan.communeId, dueItem.communeId), eq(plan.id, dueItem.planId)))
      .innerJoin(commune, eq(commune.id, dueItem.communeId))
      .leftJoin(report, and(eq(report.communeId, dueItem.communeId), eq(report.dueItemId, dueItem.id)))
      .leftJoin(registration, and(eq(registration.communeId, dueItem.communeId), eq(registration.dueItemId, dueItem.id)))
      .where(
        and(
          or(...roles.map((r) => and(eq(dueItem.communeId, r.communeId!), sql`${unit.path} like ${likePrefix(r.unitPath!)}`))),
          or(
            eq(report.status, 'returned'),
            and(
              sql`${dueItemStatus} in ('missing', 'draft')`,
              sql`${dueItem.dueDate} <= ${horizon}::date`,
              // A registration can be sent only while the commune keeps registration open.
              or(ne(dueItem.kind, 'registration'), eq(plan.registrationOpen, true)),
            ),
          ),
        ),
      )
      .as('ranked');
    const rows = await tx.select().from(ranked).where(lte(ranked.rn, limit)).orderBy(asc(ranked.kind), asc(ranked.rn));
    const totals: Partial<Record<TodoKind, number>> = {};
    const items = rows.map((r): TodoItem => {
      totals[r.kind] = Number(r.total);
      const returned = r.kind === 'returned';
      return {
        key: returned ? `report:${r.reportId}` : `due:${r.dueId}`,
        kind: r.kind,
        communeId: r.communeId,
        communeName: r.communeName,
        title: `${r.title} – ${r.unitName}`,
        detail: r.planTitle || null,
        note: returned ? r.reviewComment : null,
        href:
          r.itemKind === 'registration'
            ? `/registration?planId=${r.planId}&year=${r.year}&unitId=${r.unitId}`
            : r.reportId
              ? `/reports/${r.reportId}`
              : `/reports/due/${r.dueId}`,
        dueDate: r.dueDate,
        daysLeft: daysBetween(today, r.dueDate),
        since: returned ? vnDay(r.reviewedMs) : null,
      };
    });
    return { items, totals };
  });
};

/**
 * What a commune's reviewers (report.review held for the whole commune) have to do: the reports
 * submitted and waiting for them, the longest waiting first. One query.
 */
export const reviewTodo: TodoSource = async ({ db, actor, now, communeId, limit }) => {
  const communes = [...new Set(rolesFor(actor, 'report.review', 'commune', communeId).map((r) => r.communeId!))];
  if (!communes.length) return { items: [], totals: {} };
  const today = todayVn(now);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select({
        id: report.id,
        communeId: report.communeId,
        communeName: commune.name,
        title: dueItem.title,
        dueDate: sql<string>`${dueItem.dueDate}::text`,
        planTitle: plan.title,
        unitName: unit.name,
        submittedMs: epochMs(report.submittedAt),
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(report)
      .innerJoin(dueItem, and(eq(dueItem.communeId, report.communeId), eq(dueItem.id, report.dueItemId)))
      .innerJoin(unit, and(eq(unit.communeId, report.communeId), eq(unit.id, report.unitId)))
      .innerJoin(plan, and(eq(plan.communeId, report.communeId), eq(plan.id, report.planId)))
      .innerJoin(commune, eq(commune.id, report.communeId))
      .where(and(inArray(report.communeId, communes), eq(report.status, 'submitted')))
      .orderBy(asc(report.submittedAt), asc(dueItem.dueDate), asc(unit.sortKey), asc(report.id))
      .limit(limit);
    const items = rows.map((r): TodoItem => ({
      key: `review:${r.id}`,
      kind: 'to_review',
      communeId: r.communeId,
      communeName: r.communeName,
      title: `${r.title} – ${r.unitName}`,
      detail: r.planTitle || null,
      note: null,
      href: `/reports/${r.id}`,
      dueDate: r.dueDate,
      daysLeft: daysBetween(today, r.dueDate),
      since: vnDay(r.submittedMs),
    }));
    return { items, totals: rows.length ? { to_review: Number(rows[0]!.total) } : {} };
  });
};
