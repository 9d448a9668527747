import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { CommuneReportAction, PlanDoc } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { commune, province } from '../org';
import { plan, planVersion } from '../plans';
import type { WantedCommuneItem } from './commune-due-items';
import { mapVersion, type JoinedReport } from './commune-report.mapper';
import { communeDueItem, communeReport, communeReportVersion, type CommuneReportRow } from './commune-reports.table';

/** Loading and writing the commune's reports to its province. */

const NOT_FOUND = 'Không tìm thấy báo cáo của xã gửi tỉnh.';

/** One report of a commune (locked for update when it is about to change), or NOT_FOUND. */
export async function loadCommuneReport(tx: Tx, communeId: string, id: string, opts: { lock?: boolean } = {}): Promise<CommuneReportRow> {
  const q = tx
    .select()
    .from(communeReport)
    .where(and(eq(communeReport.communeId, communeId), eq(communeReport.id, id)));
  const [row] = opts.lock ? await q.for('update') : await q;
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return row;
}

/** The commune of a report of one of the province's communes, or NOT_FOUND (another province's report is not found). */
export async function communeOfProvinceReport(tx: Tx, provinceId: string, id: string): Promise<string> {
  const [row] = await tx
    .select({ communeId: communeReport.communeId })
    .from(communeReport)
    .innerJoin(commune, eq(commune.id, communeReport.communeId))
    .where(and(eq(communeReport.id, id), eq(commune.provinceId, provinceId)));
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return row.communeId;
}

/** The commune's name and province, or NOT_FOUND. */
export async function communePlace(tx: Tx, communeId: string): Promise<{ communeName: string; provinceId: string; provinceName: string }> {
  const [c] = await tx
    .select({ communeName: commune.name, provinceId: commune.provinceId, provinceName: province.name })
    .from(commune)
    .innerJoin(province, eq(province.id, commune.provinceId))
    .where(eq(commune.id, communeId));
  if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy xã/phường.');
  return c;
}

const joinedColumns = {
  r: communeReport,
  title: communeDueItem.title,
  dueDate: sql<string>`${communeDueItem.dueDate}::text`,
  lateAfter: communeDueItem.lateAfter,
  communeName: commune.name,
  provinceId: commune.provinceId,
  total: sql<number>`(count(*) over ())::int`,
};

/** Reports with their due item and commune, by due date; `window` gives a page (the total comes with every row). */
export async function selectReports(tx: Tx, where: SQL | undefined, window?: { limit: number; offset: number }): Promise<(JoinedReport & { total: number })[]> {
  const q = tx
    .select(joinedColumns)
    .from(communeReport)
    .innerJoin(communeDueItem, and(eq(communeDueItem.communeId, communeReport.communeId), eq(communeDueItem.id, communeReport.dueItemId)))
    .innerJoin(commune, eq(commune.id, communeReport.communeId))
    .where(where)
    .orderBy(asc(communeDueItem.dueDate), asc(communeReport.periodKind), asc(communeReport.id));
  return window ? q.limit(window.limit).offset(window.offset) : q;
}

/** One report joined with its due item and commune. */
export async function loadJoined(tx: Tx, row: CommuneReportRow): Promise<JoinedReport> {
  const [j] = await selectReports(tx, and(eq(communeReport.communeId, row.communeId), eq(communeReport.id, row.id)));
  if (!j) throw new AppError('NOT_FOUND', NOT_FOUND);
  return { ...j, r: row };
}

/** Every kept version of a report, newest first. */
export async function listVersions(tx: Tx, row: CommuneReportRow) {
  const rows = await tx
    .select()
    .from(communeReportVersion)
    .where(and(eq(communeReportVersion.communeId, row.communeId), eq(communeReportVersion.reportId, row.id)))
    .orderBy(desc(communeReportVersion.version));
  return rows.map(mapVersion);
}

/** Keep a copy of the report as it now is, with the act that produced it. */
export async function addVersion(tx: Tx, actor: Actor, row: CommuneReportRow, action: CommuneReportAction, comment: string | null): Promise<void> {
  await tx.insert(communeReportVersion).values({
    communeId: row.communeId,
    reportId: row.id,
    version: row.version,
    action,
    status: row.status,
    content: row.content,
    comment,
    createdBy: actor.userId,
    createdByName: actor.fullName,
  });
}

/** The version row of the report's current version: which act made it and who (a retry writes nothing). */
export async function lastStep(tx: Tx, row: CommuneReportRow): Promise<{ action: string; by: string | null } | null> {
  const [v] = await tx
    .select({ action: communeReportVersion.action, by: communeReportVersion.createdBy })
    .from(communeReportVersion)
    .where(and(eq(communeReportVersion.communeId, row.communeId), eq(communeReportVersion.reportId, row.id), eq(communeReportVersion.version, row.version)));
  return v ?? null;
}

/** The commune's own published plans (not a unit's), oldest first, with their published text. */
export async function publishedPlans(tx: Tx, communeId: string): Promise<{ id: string; title: string; number: string | null; doc: PlanDoc }[]> {
  return tx
    .select({ id: plan.id, title: plan.title, number: plan.number, doc: planVersion.doc })
    .from(plan)
    .innerJoin(planVersion, and(eq(planVersion.communeId, plan.communeId), eq(planVersion.planId, plan.id), eq(planVersion.version, plan.publishedVersion)))
    .where(and(eq(plan.communeId, communeId), eq(plan.status, 'published'), sql`${plan.ownerUnitId} is null`))
    .orderBy(asc(plan.publishedAt), asc(plan.id)) as Promise<{ id: string; title: string; number: string | null; doc: PlanDoc }[]>;
}

/**
 * Make the commune's due items what its plans ask (a due date or title that changed is updated), and
 * give each a draft report. Two statements whatever the number of items; nothing is duplicated.
 */
export async function upsertDueItems(tx: Tx, communeId: string, wanted: WantedCommuneItem[], now: Date): Promise<void> {
  if (!wanted.length) return;
  await tx
    .insert(communeDueItem)
    .values(wanted.map((w) => ({ ...w, communeId, createdAt: now, updatedAt: now })))
    .onConflictDoUpdate({
      target: [communeDueItem.communeId, communeDueItem.periodKind, communeDueItem.year],
      set: { dueDate: sql`excluded.due_date`, lateAfter: sql`excluded.late_after`, title: sql`excluded.title`, updatedAt: now },
      setWhere: sql`(${communeDueItem.dueDate}, ${communeDueItem.title}) is distinct from (excluded.due_date, excluded.title)`,
    });
  await tx.execute(sql`insert into commune_report (commune_id, due_item_id, period_kind, year, created_at, updated_at)
    select d.commune_id, d.id, d.period_kind, d.year, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
    from commune_due_item d where d.commune_id = ${communeId}
    on conflict (commune_id, due_item_id) do nothing`);
}
