/**
 * freshness_s: seconds from accepting a report to the changed figure in the dashboard. A unit that
 * has not reported yet fills in its yearly report through the API (open, save, submit), then the
 * commune admin accepts it while the dashboard is read again and again until the commune's figure
 * for the indicator has moved by exactly the reported value.
 */
import { sql } from 'drizzle-orm';
import type { IndicatorProgress, ReportDetail } from '@tds/contracts';
import type { Db } from '@tds/api/src/db/client';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { median, progress, round } from '../_lib/common';
import { apiJson, type Session } from '../_lib/server';

export interface FreshnessOpts {
  db: Db;
  address: string;
  /** The commune admin's session. */
  admin: Session;
  communeId: string;
  /** The year whose unreported items are used first (then other years). */
  year: number;
  /** A sum indicator, so the change is exactly the value reported. */
  indicatorCode: string;
  runs: number;
  /** Give up (and fail) when the figure has not changed after this long. */
  timeoutMs?: number;
}

/**
 * Yearly report items whose unit is active, reports `code` (its kind is among the indicator's unit
 * kinds) and has not opened its report: those of `year` first, then other years.
 */
async function unreportedItems(db: Db, communeId: string, year: number, n: number, code: string): Promise<{ id: string; year: number }[]> {
  const kinds = sql`coalesce((select k.unit_kinds from indicator_unit_kinds k where k.commune_id = d.commune_id and k.indicator_code = ${code}),
      (select i.unit_kinds from indicator i where i.code = ${code}))`;
  const rows = await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx.execute(sql`
    select d.id, d.year from due_item d
    join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
    where d.commune_id = ${communeId} and d.kind = 'report' and d.cadence = 'yearly' and d.period = 0
      and (${kinds} is null or u.kind = any(${kinds}))
      and (u.active_from is null or u.active_from <= d.due_date) and (u.active_to is null or u.active_to >= d.due_date)
      and not exists (select 1 from report r where r.commune_id = d.commune_id and r.due_item_id = d.id)
    order by d.year <> ${year}, d.year, d.id limit ${n}`),
  );
  return rowsOf<{ id: string; year: number }>(rows);
}

/** The commune's figure for the indicator in `year` on its dashboard (null when it has none). */
async function dashboardFigure(o: FreshnessOpts, year: number): Promise<number | null> {
  const body = await apiJson<IndicatorProgress>(o.address, o.admin, 'GET', `/api/communes/${o.communeId}/progress/indicators?year=${year}`);
  const row = body.pillars.flatMap((p) => p.indicators).find((i) => i.code === o.indicatorCode);
  if (!row) throw new Error(`the commune dashboard has no indicator ${o.indicatorCode}`);
  return row.value;
}

/** One run: prepare a submitted report with `value`, accept it, poll; seconds from the accept request to the change. */
async function oneRun(o: FreshnessOpts, item: { id: string; year: number }, value: number): Promise<number> {
  const base = `/api/communes/${o.communeId}/reports`;
  const opened = await apiJson<ReportDetail>(o.address, o.admin, 'POST', `/api/communes/${o.communeId}/due-items/${item.id}/report`);
  const sections = opened.sections.map((s, i) => ({ ...s, text: i === 0 ? 'Đơn vị đã triển khai các nội dung của kế hoạch trong năm.' : s.text }));
  const saved = await apiJson<ReportDetail>(o.address, o.admin, 'PATCH', `${base}/${opened.id}`, {
    version: opened.version,
    sections,
    values: [{ code: o.indicatorCode, value, numerator: null, denominator: null }],
  });
  const submitted = await apiJson<ReportDetail>(o.address, o.admin, 'POST', `${base}/${opened.id}/submit`, { version: saved.version });
  const before = await dashboardFigure(o, item.year);
  const want = round((before ?? 0) + value, 2);
  const timeout = o.timeoutMs ?? 30_000;

  const t0 = performance.now();
  await apiJson<ReportDetail>(o.address, o.admin, 'POST', `${base}/${opened.id}/accept`, { version: submitted.version });
  for (let polls = 1; ; polls++) {
    const now = await dashboardFigure(o, item.year);
    const elapsed = performance.now() - t0;
    if (now !== null && Math.abs(now - want) < 0.005) return elapsed / 1000;
    if (now !== before && now !== null) throw new Error(`freshness: the figure of ${o.indicatorCode} went from ${before} to ${now}, expected ${want}`);
    if (elapsed > timeout)
      throw new Error(
        `freshness: ${o.indicatorCode} still shows ${now} ${round(elapsed / 1000, 1)} s (${polls} reads) after accepting a report of ${value}; expected ${want}`,
      );
  }
}

/** Median seconds over `runs` accepted reports. */
export async function measureFreshness(o: FreshnessOpts): Promise<{ seconds: number; runs: number[] }> {
  const items = await unreportedItems(o.db, o.communeId, o.year, o.runs, o.indicatorCode);
  if (items.length < o.runs) throw new Error(`freshness: only ${items.length} unreported yearly items for ${o.runs} runs`);
  const runs: number[] = [];
  for (const [i, item] of items.entries()) {
    const s = await oneRun(o, item, 7 + i);
    progress(`freshness run ${i + 1}/${o.runs}: ${round(s, 3)} s`);
    runs.push(s);
  }
  return { seconds: round(median(runs), 3), runs: runs.map((s) => round(s, 3)) };
}
