import { sql, type SQL } from 'drizzle-orm';
import type { IndicatorProgress, PlanDoc, ProgressCadence, ProgressCycleKind } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { rowsOf } from '../../db/security';
import { countsSql, EXPECTED, isoOf, SUBMITTED, unitStatusSql } from './cycle';
import { communeFigureRows, indicatorProgressOf, provinceFigureRows } from './indicator-progress';
import { scopeName } from './figures';
import type { ProgressNode } from './scope';

/*
 * What the consolidated yearly report is built from, read in one transaction: the year's cycles, the
 * indicators against targets, the accepted unit reports and the late or missing units, for a commune
 * or for every commune of a province.
 */

export interface YearCycle {
  communeName: string;
  kind: ProgressCycleKind;
  cadence: ProgressCadence;
  year: number;
  period: number;
  dueDate: string;
  expected: number;
  onTime: number;
  late: number;
  notDue: number;
}
export interface AcceptedReport {
  communeName: string;
  unitName: string;
  kind: string;
  cadence: string;
  year: number;
  period: number;
  submittedAt: string | null;
  late: boolean;
  reviewedAt: string | null;
}
export interface AcceptedByCommune {
  communeName: string;
  accepted: number;
  late: number;
}
export interface Shortfall {
  communeName: string;
  unitName: string;
  kind: string;
  cadence: string;
  year: number;
  period: number;
  dueDate: string;
  status: 'late' | 'missing';
  submittedAt: string | null;
}

export interface ConsolidatedData {
  name: string;
  provinceName: string;
  /** The commune's published plan the report is on (its due items only are counted), if it has one. */
  plan: ReportedPlan | null;
  cycles: YearCycle[];
  indicators: IndicatorProgress;
  /** Commune: every accepted report; province: counts per commune (`acceptedByCommune`). */
  accepted: AcceptedReport[];
  acceptedByCommune: AcceptedByCommune[];
  shortfalls: Shortfall[];
}

export interface ReportedPlan {
  id: string;
  doc: PlanDoc;
}

/** Due items of the node (aliases d, c = commune) in the year, of the kinds that make cycles; of one plan when given. */
function nodeItems(node: ProgressNode, year: number, planId: string | null): SQL {
  const where = 'communeId' in node ? sql`d.commune_id = ${node.communeId}` : sql`c.province_id = ${node.provinceId}`;
  return sql`${where} and d.year = ${year} and d.kind in ('report', 'unit_plan')${planId ? sql` and d.plan_id = ${planId}` : sql``}`;
}
const FROM_ITEMS = sql`from due_item d
  join commune c on c.id = d.commune_id
  join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
  left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id`;

const collator = new Intl.Collator('vi');
const byCommune = <T extends { communeName: string }>(rows: T[]) => rows.sort((a, b) => collator.compare(a.communeName, b.communeName));

async function yearCycles(tx: Tx, node: ProgressNode, year: number, planId: string | null, now: Date): Promise<YearCycle[]> {
  const rows = rowsOf<{
    commune_name: string;
    kind: ProgressCycleKind;
    cadence: ProgressCadence;
    year: number;
    period: number;
    due_date: string;
    expected: number;
    on_time: number;
    late: number;
    not_due: number;
  }>(
    await tx.execute(sql`select c.name as commune_name, d.kind, d.cadence, d.year, d.period, max(d.due_date)::text as due_date, ${countsSql(now)}
      ${FROM_ITEMS} where ${nodeItems(node, year, planId)}
      group by c.id, c.name, d.kind, d.cadence, d.year, d.period order by max(d.due_date), d.kind, d.period`),
  );
  return byCommune(
    rows.map((r) => ({
      communeName: r.commune_name,
      kind: r.kind,
      cadence: r.cadence,
      year: r.year,
      period: r.period,
      dueDate: r.due_date,
      expected: r.expected,
      onTime: r.on_time,
      late: r.late,
      notDue: r.not_due,
    })),
  );
}

async function acceptedReports(tx: Tx, node: ProgressNode, year: number, planId: string | null): Promise<AcceptedReport[]> {
  const rows = rowsOf<{
    commune_name: string;
    unit_name: string;
    kind: string;
    cadence: string;
    year: number;
    period: number;
    submitted_at: unknown;
    late: boolean;
    reviewed_at: unknown;
  }>(
    await tx.execute(sql`select c.name as commune_name, u.name as unit_name, d.kind, d.cadence, d.year, d.period, r.submitted_at, r.late, r.reviewed_at
      ${FROM_ITEMS} where ${nodeItems(node, year, planId)} and r.status = 'accepted'
      order by u.sort_key collate "C", d.due_date`),
  );
  return byCommune(
    rows.map((r) => ({
      communeName: r.commune_name,
      unitName: r.unit_name,
      kind: r.kind,
      cadence: r.cadence,
      year: r.year,
      period: r.period,
      submittedAt: isoOf(r.submitted_at),
      late: r.late,
      reviewedAt: isoOf(r.reviewed_at),
    })),
  );
}

async function acceptedByCommune(tx: Tx, node: ProgressNode, year: number, planId: string | null): Promise<AcceptedByCommune[]> {
  const rows = rowsOf<{ commune_name: string; accepted: number; late: number }>(
    await tx.execute(sql`select c.name as commune_name, count(*)::int as accepted, count(*) filter (where r.late)::int as late
      ${FROM_ITEMS} where ${nodeItems(node, year, planId)} and r.status = 'accepted' group by c.id, c.name`),
  );
  return byCommune(rows.map((r) => ({ communeName: r.commune_name, accepted: r.accepted, late: r.late })));
}

/** Reports handed in late, and expected reports not handed in once the deadline has passed. */
async function shortfalls(tx: Tx, node: ProgressNode, year: number, planId: string | null, now: Date): Promise<Shortfall[]> {
  const rows = rowsOf<{
    commune_name: string;
    unit_name: string;
    kind: string;
    cadence: string;
    year: number;
    period: number;
    due_date: string;
    status: 'late' | 'missing';
    submitted_at: unknown;
  }>(
    await tx.execute(sql`select c.name as commune_name, u.name as unit_name, d.kind, d.cadence, d.year, d.period, d.due_date::text as due_date,
        ${unitStatusSql(now)} as status, r.submitted_at
      ${FROM_ITEMS} where ${nodeItems(node, year, planId)}
        and ((${SUBMITTED} and r.late) or (not ${SUBMITTED} and ${EXPECTED} and d.late_after <= ${now.toISOString()}::timestamptz))
      order by u.sort_key collate "C", d.due_date`),
  );
  return byCommune(
    rows.map((r) => ({
      communeName: r.commune_name,
      unitName: r.unit_name,
      kind: r.kind,
      cadence: r.cadence,
      year: r.year,
      period: r.period,
      dueDate: r.due_date,
      status: r.status,
      submittedAt: isoOf(r.submitted_at),
    })),
  );
}

/**
 * The commune's own published plan (not a unit's) the report is on: the one asked for, else the one
 * with the most reports due in the year, the latest published on a tie. NOT_FOUND for a plan asked
 * for that is not one of them.
 */
async function reportedPlan(tx: Tx, communeId: string, year: number, planId: string | undefined): Promise<ReportedPlan | null> {
  const [row] = rowsOf<ReportedPlan>(
    await tx.execute(sql`select p.id, v.doc from plan p
      join plan_version v on v.commune_id = p.commune_id and v.plan_id = p.id and v.version = p.published_version
      where p.commune_id = ${communeId} and p.status = 'published' and p.owner_unit_id is null ${planId ? sql`and p.id = ${planId}` : sql``}
      order by (select count(*) from due_item d where d.commune_id = p.commune_id and d.plan_id = p.id and d.year = ${year}
        and d.kind in ('report', 'unit_plan')) desc, p.published_at desc, p.id
      limit 1`),
  );
  if (!row && planId)
    throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch đã ban hành của xã/phường để báo cáo.', [
      { field: 'planId', message: 'Kế hoạch không có hoặc chưa ban hành.' },
    ]);
  return row ?? null;
}

/** Everything the consolidated report of a commune or a province shows for one year. */
export async function loadConsolidatedData(tx: Tx, node: ProgressNode, year: number, planId: string | undefined, now: Date): Promise<ConsolidatedData> {
  const commune = 'communeId' in node;
  const plan = commune ? await reportedPlan(tx, node.communeId, year, planId) : null;
  const of = plan?.id ?? null;
  const figures = commune ? await communeFigureRows(tx, node.communeId, year, 0) : await provinceFigureRows(tx, node.provinceId, year, 0);
  const name = scopeName(figures);
  const [place] = rowsOf<{ province_name: string }>(
    await tx.execute(
      commune
        ? sql`select p.name as province_name from commune c join province p on p.id = c.province_id where c.id = ${node.communeId}`
        : sql`select name as province_name from province where id = ${node.provinceId}`,
    ),
  );
  const id = commune ? node.communeId : node.provinceId;
  return {
    name,
    provinceName: place?.province_name ?? '',
    plan,
    cycles: await yearCycles(tx, node, year, of, now),
    indicators: indicatorProgressOf(figures, { level: commune ? 'commune' : 'province', id, name }, year, 0),
    accepted: commune ? await acceptedReports(tx, node, year, of) : [],
    acceptedByCommune: commune ? [] : await acceptedByCommune(tx, node, year, of),
    shortfalls: await shortfalls(tx, node, year, of, now),
  };
}
