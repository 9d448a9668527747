import { clockNow } from '@tds/contracts';
import { authorizeProvince } from '../../platform/authorize';
import { sql, type SQL } from 'drizzle-orm';
import type { ProgressCadence, ProgressCycleKind, ProvinceCompleteness } from '@tds/contracts';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { countsOf, countsSql, cycleWhere, isoOf, isPast, type CycleKey } from './cycle';
import { provinceName } from './scope';

/** One row of the province completeness statement. */
export interface ProvinceCompletenessRow {
  commune_id: string;
  code: string;
  name: string;
  due_date: string | null;
  late_after: unknown;
  expected: number;
  on_time: number;
  late: number;
  not_due: number;
}

/**
 * The one statement behind the province completeness view: per commune of the province, expected,
 * on-time and late items of one cycle, read through due_item_cycle_idx commune by commune (and
 * report_due_item_uq). Communes active in the year, or with items, are listed, with zeros when they
 * have no items.
 */
export function provinceCompletenessSql(provinceId: string, k: CycleKey, now: Date): SQL {
  return sql`
    select c.id as commune_id, c.code, c.name, x.due_date, x.late_after, x.expected, x.on_time, x.late, x.not_due
    from commune c
    cross join lateral (
      select count(*) as n, max(d.due_date)::text as due_date, max(d.late_after) as late_after, ${countsSql(now)}
      from due_item d
      join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
      left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id
      where d.commune_id = c.id and ${cycleWhere(k)}
    ) x
    where c.province_id = ${provinceId}
      and (x.n > 0 or ((c.active_from is null or c.active_from <= make_date(${k.year}::int, 12, 31))
        and (c.active_to is null or c.active_to >= make_date(${k.year}::int, 1, 1))))`;
}

const collator = new Intl.Collator('vi');

/** Use-case: completeness of one cycle across a province: totals and one row per commune. */
export async function provinceCompleteness(opts: {
  db: Db;
  actor: Actor;
  provinceId: string;
  query: { kind: ProgressCycleKind; cadence: ProgressCadence; year: number; period: number };
  now?: Date;
}): Promise<ProvinceCompleteness> {
  const { db, actor, provinceId, query } = opts;
  const now = opts.now ?? clockNow();
  authorizeProvince(actor, 'report.read', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const rows = rowsOf<ProvinceCompletenessRow>(await tx.execute(provinceCompletenessSql(provinceId, query, now)));
    if (rows.length === 0) await provinceName(tx, provinceId); // NOT_FOUND for a province that does not exist
    let expected = 0,
      onTime = 0,
      late = 0,
      notDue = 0;
    let dueDate: string | null = null,
      lateAfter: string | null = null;
    const communes = rows
      .map((r) => {
        expected += r.expected;
        onTime += r.on_time;
        late += r.late;
        notDue += r.not_due;
        if (r.due_date && (!dueDate || r.due_date > dueDate)) dueDate = r.due_date;
        const la = isoOf(r.late_after);
        if (la && (!lateAfter || la > lateAfter)) lateAfter = la;
        return {
          communeId: r.commune_id,
          communeCode: r.code,
          communeName: r.name,
          dueDate: r.due_date,
          ...countsOf(r.expected, r.on_time, r.late, r.not_due),
        };
      })
      .sort((a, b) => collator.compare(a.communeName, b.communeName));
    return {
      cycle: {
        planId: null,
        planTitle: null,
        kind: query.kind,
        cadence: query.cadence,
        year: query.year,
        period: query.period,
        dueDate,
        pastDue: isPast(lateAfter, now),
      },
      totals: countsOf(expected, onTime, late, notDue),
      communes,
    };
  });
}
