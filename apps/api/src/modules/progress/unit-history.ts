import { clockNow } from '@tds/contracts';
import { sql } from 'drizzle-orm';
import type { ProgressCadence, ProgressUnitStatus, UnitHistory } from '@tds/contracts';
import type { Db } from '../../db/client';
import { rowsOf } from '../../db/security';
import type { Actor } from '../../platform/actor';
import { inScope } from '../../platform/tenancy';
import { loadUnit } from '../org';
import { countStatuses, isoOf, unitStatusSql } from './cycle';
import { catalogueSql } from './figures';
import { authorizeCommune } from './scope';

interface ItemRow {
  due_item_id: string;
  plan_id: string;
  kind: string;
  cadence: ProgressCadence;
  year: number;
  period: number;
  title: string;
  due_date: string;
  status: ProgressUnitStatus;
  report_id: string | null;
  report_status: string | null;
  submitted_at: unknown;
  late_after: unknown;
}
interface ValueRow {
  indicator_code: string;
  indicator_name: string | null;
  measure: string | null;
  year: number;
  period: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** Use-case: one unit's due items and reports over every cycle (newest first), and its accepted figures. */
export async function unitHistory(opts: { db: Db; actor: Actor; communeId: string; unitId: string; now?: Date }): Promise<UnitHistory> {
  const { db, actor, communeId, unitId } = opts;
  const now = opts.now ?? clockNow();
  authorizeCommune(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const unit = await loadUnit(tx, communeId, unitId);
    const items = rowsOf<ItemRow>(
      await tx.execute(sql`
      select d.id as due_item_id, d.plan_id, d.kind, d.cadence, d.year, d.period, d.title, d.due_date::text as due_date, d.late_after,
        ${unitStatusSql(now)} as status, r.id as report_id, r.status as report_status, r.submitted_at
      from due_item d
      join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
      left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id
      where d.commune_id = ${communeId} and d.unit_id = ${unitId} and d.kind in ('report', 'unit_plan')
      order by d.due_date desc, d.kind, d.title`),
    );
    // One figure per indicator and period (the most recent source), as the roll-up counts it.
    const values = rowsOf<ValueRow>(
      await tx.execute(sql`
      select distinct on (iv.year, iv.period, iv.indicator_code) iv.indicator_code, cat.name as indicator_name, cat.measure, iv.year, iv.period,
        iv.value::float8 as value, iv.numerator::float8 as numerator, iv.denominator::float8 as denominator
      from indicator_value iv
      left join (${catalogueSql(communeId)}) cat on cat.code = iv.indicator_code
      where iv.commune_id = ${communeId} and iv.unit_id = ${unitId}
      order by iv.year desc, iv.period desc, iv.indicator_code, iv.updated_at desc`),
    );
    return {
      unit: { id: unit.id, name: unit.name, kind: unit.kind, activeFrom: unit.activeFrom, activeTo: unit.activeTo },
      // A deadline still ahead is counted as not due, never as missing.
      totals: countStatuses(items.map((i) => i.status)),
      items: items.map((i) => ({
        dueItemId: i.due_item_id,
        planId: i.plan_id,
        kind: i.kind,
        cadence: i.cadence,
        year: i.year,
        period: i.period,
        title: i.title,
        dueDate: i.due_date,
        status: i.status,
        reportId: i.report_id,
        reportStatus: i.report_status,
        submittedAt: isoOf(i.submitted_at),
      })),
      values: values.map((v) => ({
        indicatorCode: v.indicator_code,
        indicatorName: v.indicator_name ?? v.indicator_code,
        measure: v.measure ?? '',
        year: v.year,
        period: v.period,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
      })),
    };
  });
}
