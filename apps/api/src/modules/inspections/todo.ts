import { and, eq, inArray, sql } from 'drizzle-orm';
import { addDays, daysBetween, rolePermissions, TODO_DUE_SOON_DAYS, todayVn, type TodoKind } from '@tds/contracts';
import type { TodoItem, TodoSource } from '../../platform/module';
import { inScope } from '../../platform/tenancy';
import { commune, unit } from '../org';
import { inspection, inspectionRecommendation } from './inspections.table';

const vnDay = (v: Date | null) => (v === null ? null : todayVn(new Date(v)));

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

const recFields = {
  id: inspectionRecommendation.id,
  communeId: inspectionRecommendation.communeId,
  communeName: commune.name,
  inspectionId: inspectionRecommendation.inspectionId,
  text: inspectionRecommendation.text,
  status: inspectionRecommendation.status,
  dueOn: sql<string>`${inspectionRecommendation.dueOn}::text`,
  reviewComment: inspectionRecommendation.reviewComment,
  reviewedAt: inspectionRecommendation.reviewedAt,
  answeredAt: inspectionRecommendation.answeredAt,
  unitName: unit.name,
  unitPath: unit.path,
  title: inspection.title,
};

const short = (s: string) => (s.length > 90 ? `${s.slice(0, 89)}…` : s);

/**
 * What a unit has to answer: recommendations made to the unit (or one below it) that are open and
 * due within TODO_DUE_SOON_DAYS or overdue, and those the commune office returned.
 */
export const answerTodo: TodoSource = async ({ db, actor, now, communeId, limit }) => {
  const roles = actor.roles.filter(
    (r) => !!r.communeId && !!r.unitId && rolePermissions[r.role].includes('inspection.answer') && (!communeId || r.communeId === communeId),
  );
  if (!roles.length) return { items: [], totals: {} };
  const today = todayVn(now);
  const horizon = addDays(today, TODO_DUE_SOON_DAYS);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select(recFields)
      .from(inspectionRecommendation)
      .innerJoin(unit, and(eq(unit.communeId, inspectionRecommendation.communeId), eq(unit.id, inspectionRecommendation.unitId)))
      .innerJoin(inspection, and(eq(inspection.communeId, inspectionRecommendation.communeId), eq(inspection.id, inspectionRecommendation.inspectionId)))
      .innerJoin(commune, eq(commune.id, inspectionRecommendation.communeId))
      .where(
        and(
          inArray(inspectionRecommendation.communeId, [...new Set(roles.map((r) => r.communeId!))]),
          sql`(${inspectionRecommendation.status} = 'returned' or (${inspectionRecommendation.status} = 'open' and ${inspectionRecommendation.dueOn} <= ${horizon}::date))`,
        ),
      )
      .orderBy(
        sql`case when ${inspectionRecommendation.status} = 'returned' then ${inspectionRecommendation.reviewedAt} end nulls last`,
        inspectionRecommendation.dueOn,
        inspectionRecommendation.id,
      );
    const mine = rows.filter((r) => roles.some((x) => x.communeId === r.communeId && r.unitPath.includes(`/${x.unitId}/`)));
    const items = mine.map((r): TodoItem => {
      const returned = r.status === 'returned';
      return {
        key: `inspection-recommendation:${r.id}`,
        kind: returned ? 'returned' : r.dueOn < today ? 'overdue' : 'due_soon',
        communeId: r.communeId,
        communeName: r.communeName,
        title: `Trả lời kiến nghị: ${short(r.text)} – ${r.unitName}`,
        detail: `Kiểm tra, giám sát: ${r.title}`,
        note: returned ? r.reviewComment : null,
        href: `/inspections/${r.communeId}/${r.inspectionId}`,
        dueDate: r.dueOn,
        daysLeft: daysBetween(today, r.dueOn),
        since: returned ? vnDay(r.reviewedAt) : null,
      };
    });
    return capped(items, limit);
  });
};

/** What waits for the commune office: recommendations the units answered, the longest waiting first. */
export const followUpTodo: TodoSource = async ({ db, actor, now, communeId, limit }) => {
  const communes = [
    ...new Set(
      actor.roles
        .filter((r) => !!r.communeId && !r.unitId && rolePermissions[r.role].includes('inspection.manage') && (!communeId || r.communeId === communeId))
        .map((r) => r.communeId!),
    ),
  ];
  if (!communes.length) return { items: [], totals: {} };
  const today = todayVn(now);
  return inScope(db, actor.scope, async (tx) => {
    const rows = await tx
      .select(recFields)
      .from(inspectionRecommendation)
      .innerJoin(unit, and(eq(unit.communeId, inspectionRecommendation.communeId), eq(unit.id, inspectionRecommendation.unitId)))
      .innerJoin(inspection, and(eq(inspection.communeId, inspectionRecommendation.communeId), eq(inspection.id, inspectionRecommendation.inspectionId)))
      .innerJoin(commune, eq(commune.id, inspectionRecommendation.communeId))
      .where(and(inArray(inspectionRecommendation.communeId, communes), eq(inspectionRecommendation.status, 'answered')))
      .orderBy(inspectionRecommendation.answeredAt, inspectionRecommendation.id);
    const items = rows.map((r): TodoItem => ({
      key: `inspection-follow-up:${r.id}`,
      kind: 'to_review',
      communeId: r.communeId,
      communeName: r.communeName,
      title: `Xem trả lời kiến nghị: ${short(r.text)} – ${r.unitName}`,
      detail: `Kiểm tra, giám sát: ${r.title}`,
      note: null,
      href: `/inspections/${r.communeId}/${r.inspectionId}`,
      dueDate: r.dueOn,
      daysLeft: daysBetween(today, r.dueOn),
      since: vnDay(r.answeredAt),
    }));
    return capped(items, limit);
  });
};
