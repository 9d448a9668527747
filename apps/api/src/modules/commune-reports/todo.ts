import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDays, daysBetween, rolePermissions, TODO_DUE_SOON_DAYS, todayVn, type TodoKind } from '@tds/contracts';
import type { TodoItem, TodoSource } from '../../platform/module';
import { inScope } from '../../platform/tenancy';
import { commune } from '../org';
import { communeDueItem, communeReport } from './commune-reports.table';

const vnDay = (v: string | Date | null) => (v === null ? null : todayVn(new Date(v)));

/** At most `limit` items of each kind, the given order kept, with the count of all. */
function capped(items: TodoItem[], limit: number) {
  const totals: Partial<Record<TodoKind, number>> = {};
  const out: TodoItem[] = [];
  for (const i of items) {
    totals[i.kind] = (totals[i.kind] ?? 0) + 1;
    if (totals[i.kind]! <= limit) out.push(i);
  }
  return { items: out, totals };
}

/**
 * What the commune owes its province, for its commune-wide writers (the commune admin): a report
 * due within TODO_DUE_SOON_DAYS or overdue and not yet submitted, and one the province returned.
 */
export const communeReportTodo: TodoSource = async ({ db, actor, now, communeId, limit }) => {
  const communes = [
    ...new Set(
      actor.roles
        .filter((r) => !!r.communeId && !r.unitId && rolePermissions[r.role].includes('report.write') && (!communeId || r.communeId === communeId))
        .map((r) => r.communeId!),
    ),
  ];
  if (!communes.length) return { items: [], totals: {} };
  const today = todayVn(now);
  const horizon = addDays(today, TODO_DUE_SOON_DAYS);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select({
        id: communeReport.id,
        communeId: communeReport.communeId,
        communeName: commune.name,
        status: communeReport.status,
        title: communeDueItem.title,
        dueDate: sql<string>`${communeDueItem.dueDate}::text`,
        reviewComment: communeReport.reviewComment,
        reviewedAt: communeReport.reviewedAt,
      })
      .from(communeReport)
      .innerJoin(communeDueItem, and(eq(communeDueItem.communeId, communeReport.communeId), eq(communeDueItem.id, communeReport.dueItemId)))
      .innerJoin(commune, eq(commune.id, communeReport.communeId))
      .where(
        and(
          inArray(communeReport.communeId, communes),
          sql`(${communeReport.status} = 'returned' or (${communeReport.status} = 'draft' and ${communeDueItem.dueDate} <= ${horizon}::date))`,
        ),
      )
      .orderBy(sql`case when ${communeReport.status} = 'returned' then ${communeReport.reviewedAt} end nulls last`, communeDueItem.dueDate, communeReport.id);
    const items = rows.map((r): TodoItem => {
      const returned = r.status === 'returned';
      return {
        key: `commune-report:${r.id}`,
        kind: returned ? 'returned' : r.dueDate < today ? 'overdue' : 'due_soon',
        communeId: r.communeId,
        communeName: r.communeName,
        title: `${r.title} – gửi tỉnh`,
        detail: 'Báo cáo của xã gửi tỉnh/thành phố',
        note: returned ? r.reviewComment : null,
        href: `/commune-reports/${r.communeId}/${r.id}`,
        dueDate: r.dueDate,
        daysLeft: daysBetween(today, r.dueDate),
        since: returned ? vnDay(r.reviewedAt) : null,
      };
    });
    return capped(items, limit);
  });
};

/** What waits for a province's officers: the communes' reports submitted and not yet received or returned, the longest waiting first. */
export const provinceReviewTodo: TodoSource = async ({ db, actor, now, communeId, limit }) => {
  const provinces = [
    ...new Set(
      actor.roles.filter((r) => !!r.provinceId && !r.communeId && rolePermissions[r.role].includes('commune_report.review')).map((r) => r.provinceId!),
    ),
  ];
  if (!provinces.length) return { items: [], totals: {} };
  const today = todayVn(now);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select({
        id: communeReport.id,
        communeId: communeReport.communeId,
        communeName: commune.name,
        title: communeDueItem.title,
        dueDate: sql<string>`${communeDueItem.dueDate}::text`,
        submittedAt: communeReport.submittedAt,
      })
      .from(communeReport)
      .innerJoin(communeDueItem, and(eq(communeDueItem.communeId, communeReport.communeId), eq(communeDueItem.id, communeReport.dueItemId)))
      .innerJoin(commune, eq(commune.id, communeReport.communeId))
      .where(and(inArray(commune.provinceId, provinces), eq(communeReport.status, 'submitted'), communeId ? eq(communeReport.communeId, communeId) : undefined))
      .orderBy(communeReport.submittedAt, communeDueItem.dueDate, communeReport.id);
    const items = rows.map((r): TodoItem => ({
      key: `commune-review:${r.id}`,
      kind: 'to_review',
      communeId: r.communeId,
      communeName: r.communeName,
      title: `${r.title} – ${r.communeName}`,
      detail: 'Báo cáo của xã gửi tỉnh/thành phố',
      note: null,
      href: `/commune-reports/${r.communeId}/${r.id}`,
      dueDate: r.dueDate,
      daysLeft: daysBetween(today, r.dueDate),
      since: vnDay(r.submittedAt),
    }));
    return capped(items, limit);
  });
};
