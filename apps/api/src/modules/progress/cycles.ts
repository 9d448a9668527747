import { clockNow } from '@tds/contracts';
import { sql } from 'drizzle-orm';
import type { ProgressCadence, ProgressCycleKind, ProgressCycles } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { countsOf, countsSql, isoOf, isPast } from './cycle';
import { planTitle } from './completeness';
import { authorizeCommune } from './scope';

interface CycleRow {
  plan_id: string;
  plan_title: string;
  kind: ProgressCycleKind;
  cadence: ProgressCadence;
  year: number;
  period: number;
  due_date: string;
  late_after: unknown;
  expected: number;
  on_time: number;
  late: number;
  not_due: number;
}

/**
 * Every report cycle of a commune (optionally of one year, kind and plan), in date order, with its
 * counts. Each plan's cycles are its own: a second plan's yearly reports do not merge into the first's.
 */
export async function listCycles(
  tx: Tx,
  communeId: string,
  filter: { year?: number; kind?: ProgressCycleKind; planId?: string },
  now: Date,
): Promise<ProgressCycles['cycles']> {
  const rows = rowsOf<CycleRow>(
    await tx.execute(sql`
    select d.plan_id, min(p.title) as plan_title, d.kind, d.cadence, d.year, d.period, max(d.due_date)::text as due_date, max(d.late_after) as late_after, ${countsSql(now)}
    from due_item d
    join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
    join plan p on p.commune_id = d.commune_id and p.id = d.plan_id
    left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id
    where d.commune_id = ${communeId} and d.kind in ('report', 'unit_plan')
      ${filter.year ? sql`and d.year = ${filter.year}` : sql``} ${filter.kind ? sql`and d.kind = ${filter.kind}` : sql``}
      ${filter.planId ? sql`and d.plan_id = ${filter.planId}` : sql``}
    group by d.plan_id, d.kind, d.cadence, d.year, d.period
    order by max(d.due_date), min(p.title), d.kind, d.cadence, d.period`),
  );
  return rows.map((r) => ({
    planId: r.plan_id,
    planTitle: r.plan_title,
    kind: r.kind,
    cadence: r.cadence,
    year: r.year,
    period: r.period,
    dueDate: r.due_date,
    pastDue: isPast(isoOf(r.late_after), now),
    ...countsOf(r.expected, r.on_time, r.late, r.not_due),
  }));
}

/** Use-case: the cycles of a commune with expected, on-time, late and missing reports and their rates. */
export async function communeCycles(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  query: { year?: number; kind?: ProgressCycleKind; planId?: string };
  now?: Date;
}): Promise<ProgressCycles> {
  authorizeCommune(opts.actor, opts.communeId);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    // A plan of another commune (or none) is not found here, rather than an empty list.
    if (opts.query.planId) await planTitle(tx, opts.communeId, opts.query.planId);
    return { cycles: await listCycles(tx, opts.communeId, opts.query, opts.now ?? clockNow()) };
  });
}
