import { clockNow } from '@tds/contracts';
import { sql } from 'drizzle-orm';
import type { CommuneCompleteness, CompletenessQuery, CompletenessUnitRow, ProgressUnitStatus } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { countStatuses, cycleWhere, isoOf, isPast, unitStatusSql, type CycleKey } from './cycle';
import { authorizeCommune, nodeUnit } from './scope';

interface UnitStatusRow {
  due_item_id: string;
  unit_id: string;
  unit_name: string;
  unit_kind: string;
  parent_id: string | null;
  due_date: string;
  late_after: unknown;
  status: ProgressUnitStatus;
  report_id: string | null;
  report_status: string | null;
  submitted_at: unknown;
}

/**
 * Every due item of one cycle in a commune (optionally under one node of the tree: its subtree), with
 * the unit's standing, in the units' display order. Shared by the dashboard and the consolidated report.
 */
export async function cycleUnitRows(
  tx: Tx,
  communeId: string,
  k: CycleKey,
  nodePath: string | undefined,
  now: Date,
): Promise<{ rows: CompletenessUnitRow[]; lastDue: string | null; lateAfter: string | null }> {
  const rows = rowsOf<UnitStatusRow>(
    await tx.execute(sql`
    select d.id as due_item_id, d.unit_id, u.name as unit_name, u.kind as unit_kind, u.parent_id, d.due_date::text as due_date, d.late_after,
      ${unitStatusSql(now)} as status, r.id as report_id, r.status as report_status, r.submitted_at
    from due_item d
    join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
    left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id
    where d.commune_id = ${communeId} and ${cycleWhere(k)} ${nodePath ? sql`and u.path like ${nodePath + '%'}` : sql``}
    order by u.sort_key collate "C", u.code, d.due_date`),
  );
  let lastDue: string | null = null;
  let lateAfter: string | null = null;
  for (const r of rows) {
    if (!lastDue || r.due_date > lastDue) lastDue = r.due_date;
    const la = isoOf(r.late_after);
    if (la && (!lateAfter || la > lateAfter)) lateAfter = la;
  }
  return {
    lastDue,
    lateAfter,
    rows: rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      unitKind: r.unit_kind,
      parentId: r.parent_id,
      dueItemId: r.due_item_id,
      dueDate: r.due_date,
      status: r.status,
      reportId: r.report_id,
      reportStatus: r.report_status,
      submittedAt: isoOf(r.submitted_at),
    })),
  };
}

/** The title of one of the commune's plans (404 when it has no such plan). */
export async function planTitle(tx: Tx, communeId: string, planId: string): Promise<string> {
  const [p] = rowsOf<{ title: string }>(await tx.execute(sql`select title from plan where commune_id = ${communeId} and id = ${planId}`));
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch.', [{ field: 'planId', message: 'Xã, phường này không có kế hoạch đã chọn.' }]);
  return p.title;
}

/** Completeness and timeliness of one cycle at a node of a commune's tree: totals and every unit's standing. */
export async function communeCompleteness(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  query: CompletenessQuery;
  now?: Date;
}): Promise<CommuneCompleteness> {
  const { db, actor, communeId, query } = opts;
  const now = opts.now ?? clockNow();
  authorizeCommune(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const node = query.unitId ? await nodeUnit(tx, communeId, query.unitId) : null;
    const { rows, lastDue, lateAfter } = await cycleUnitRows(tx, communeId, query, node?.path, now);
    return {
      cycle: {
        planId: query.planId ?? null,
        planTitle: query.planId ? await planTitle(tx, communeId, query.planId) : null,
        kind: query.kind,
        cadence: query.cadence,
        year: query.year,
        period: query.period,
        dueDate: lastDue,
        pastDue: isPast(lateAfter, now),
      },
      node: node ? { unitId: node.id, name: node.name } : null,
      totals: countStatuses(rows.map((r) => r.status)),
      units: rows,
    };
  });
}
