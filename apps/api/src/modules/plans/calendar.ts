import { and, eq, gte, lte, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { calendarEntry, calendarQuery } from '@tds/contracts';
import { reviewDate } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { loadDoc } from './plan-store';
import { unit } from '../org';
import { dueItem, plan } from './plans.table';

/** How many owing units a calendar entry names. */
const UNIT_NAMES = 30;

type Entry = z.infer<typeof calendarEntry>;
const MILESTONE_TITLE = { 'mid-term': 'Sơ kết giữa kỳ', final: 'Tổng kết' } as const;

/**
 * The commune's calendar between two dates: due items (with how many units owe each), and the
 * phases and reviews of its published plans.
 */
export async function getCalendar(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof calendarQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'plan.read', { communeId });
  if (query.to < query.from) throw new AppError('DATE_RANGE_INVALID', undefined, [{ field: 'to', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
  return inScope(db, actor.scope, async (tx) => {
    const plans = await tx
      .select()
      .from(plan)
      .where(and(eq(plan.communeId, communeId), eq(plan.status, 'published'), query.planId ? eq(plan.id, query.planId) : undefined));
    const entries: Entry[] = [];
    const due = await tx
      .select({
        date: dueItem.dueDate,
        title: dueItem.title,
        planId: dueItem.planId,
        units: sql<number>`count(*)::int`,
        lateAfter: sql<string>`min(${dueItem.lateAfter})`,
        unitNames: sql<string[]>`(array_agg(${unit.name} order by ${unit.sortKey}))[1:${UNIT_NAMES}]`,
      })
      .from(dueItem)
      .innerJoin(unit, and(eq(unit.communeId, dueItem.communeId), eq(unit.id, dueItem.unitId)))
      .where(
        and(
          eq(dueItem.communeId, communeId),
          gte(dueItem.dueDate, query.from),
          lte(dueItem.dueDate, query.to),
          query.planId ? eq(dueItem.planId, query.planId) : undefined,
        ),
      )
      .groupBy(dueItem.dueDate, dueItem.title, dueItem.planId);
    const titleOf = new Map(plans.map((p) => [p.id, p.title]));
    for (const d of due) {
      entries.push({
        date: d.date,
        endDate: null,
        kind: 'due',
        title: d.title,
        planId: d.planId,
        planTitle: titleOf.get(d.planId) ?? '',
        units: Number(d.units),
        unitNames: d.unitNames,
        lateAfter: new Date(d.lateAfter).toISOString(),
      });
    }
    for (const p of plans) {
      const doc = await loadDoc(tx, p, p.publishedVersion ?? p.currentVersion);
      for (const ph of doc.phases) {
        const from = `${ph.fromYear}-01-01`;
        const to = `${ph.toYear}-12-31`;
        if (to >= query.from && from <= query.to)
          entries.push({
            date: from,
            endDate: to,
            kind: 'phase',
            title: `${ph.name} (${ph.fromYear} - ${ph.toYear})`,
            planId: p.id,
            planTitle: p.title,
            units: null,
            unitNames: null,
            lateAfter: null,
          });
      }
      for (const m of doc.milestones) {
        // On the day its reports are due (the confirmed day, or the default offered).
        const date = reviewDate(doc, m).date;
        if (date >= query.from && date <= query.to)
          entries.push({
            date,
            endDate: null,
            kind: 'milestone',
            title: `${MILESTONE_TITLE[m.kind]} năm ${m.year}`,
            planId: p.id,
            planTitle: p.title,
            units: null,
            unitNames: null,
            lateAfter: null,
          });
      }
    }
    entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { entries };
  });
}
