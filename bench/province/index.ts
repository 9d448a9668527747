/**
 * province: a province of BENCH_COMMUNES communes × BENCH_UNITS units, BENCH_INDICATORS indicators and
 * six years of yearly and half-yearly report cycles; then three questions timed through the API and
 * as hand-written SQL (same driver, same role, same row-level-security scope), and the seconds from
 * accepting a report to the changed figure on the dashboard.
 *
 * The province's league and roll-up pages are kept in memory between changes (the change feed drops
 * them), so `<q>_ratio` is what a repeated read costs; `<q>_uncached_ratio` times each read right
 * after a change was announced: the request's fixed cost with nothing kept. Lower is better for both.
 *
 *   npm run bench -- province      (PostgreSQL: DATABASE_URL's server, else 127.0.0.1:5432)
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@tds/api/src/db/client';
import { changeFeedOf } from '@tds/api/src/platform/change-feed';
import { resolveSession } from '@tds/api/src/platform/session';
import { provinceLeagueSql } from '@tds/api/src/modules/progress/league';
import { provinceCompletenessSql } from '@tds/api/src/modules/progress/province-completeness';
import { provinceRollupSql } from '@tds/api/src/modules/progress/rollup-view';
import { emit, envNumber, progress, round, runMain } from '../_lib/common';
import { assertReachable, freshDatabase, safeUrl } from '../_lib/database';
import { login, startServer, type BenchServer } from '../_lib/server';
import { measureFreshness } from './freshness';
import { ADMIN, generateProvince, OFFICER, PASSWORD, type Province } from './generate';
import { measureQuestion, type Timing } from './measure';
import { completenessQuestion, leagueQuestion, rollupQuestion, type Question } from './questions';
import { sizeFromEnv, type Size } from './size';

/** The server used when DATABASE_URL is not set: the bench needs PostgreSQL. */
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** The league's indicator: BENCH_LEAGUE_INDICATOR, else the adults' digital-skills ratio, else the first ratio. */
function leagueIndicator(p: Province): string {
  const wanted = process.env.BENCH_LEAGUE_INDICATOR;
  const codes = p.indicators.filter((i) => i.source === 'report');
  const pick =
    (wanted ? codes.find((i) => i.code === wanted) : undefined) ??
    codes.find((i) => i.code === 'XH.KNS_CO_BAN') ??
    codes.find((i) => i.aggregation === 'ratio');
  if (!pick) throw new Error(wanted ? `BENCH_LEAGUE_INDICATOR ${wanted} is not an indicator typed in reports` : 'no ratio indicator in the catalogue');
  return pick.code;
}

/** The freshness indicator: a sum reported by villages, so a report moves the commune's figure by exactly its value. */
function freshnessIndicator(p: Province): string {
  const villagePillars = p.kindPillars.village;
  const pick = p.indicators.find((i) => i.source === 'report' && i.aggregation === 'sum' && villagePillars.includes(i.pillar));
  if (!pick) throw new Error('no sum indicator in the catalogue for the freshness run');
  return pick.code;
}

/** The three questions, each with the statement the endpoint's module runs for it. */
function questions(p: Province, size: Size): { q: Question; shared: SQL | null }[] {
  const cycle = { kind: 'report', cadence: 'yearly', year: size.questionYear, period: 0 } as const;
  const league = { indicatorCode: leagueIndicator(p), year: size.questionYear, period: 0 };
  const years = { fromYear: size.rollupFrom, toYear: size.rollupTo, period: 0 };
  return [
    { q: completenessQuestion(p.id, cycle), shared: provinceCompletenessSql(p.id, cycle, new Date()) },
    { q: leagueQuestion(p.id, league.indicatorCode, league.year, league.period), shared: provinceLeagueSql(p.id, league) },
    { q: rollupQuestion(p.id, years.fromYear, years.toYear, years.period), shared: provinceRollupSql(p.id, years) },
  ];
}

/**
 * Announce that the province's figures changed (as a roll-up written by any instance does) and wait
 * until this process's change feed has received it: the next read cannot use a kept page.
 */
function announceFiguresChange(db: Db): () => Promise<void> {
  return async () => {
    const feed = changeFeedOf(db);
    if (!feed?.live) return;
    const seq = feed.seq;
    await db.execute(sql`select pg_notify('tds_change', 'figures:*')`);
    const until = Date.now() + 5000;
    while (feed.seq === seq) {
      if (Date.now() > until) throw new Error('the change feed did not deliver the announcement within 5 s');
      await new Promise((r) => setTimeout(r, 1));
    }
  };
}

/** The fastest SQL for the answer: the hand-written statement, or the endpoint's own when it is faster. */
const bestSql = (t: Timing) => (t.sharedSqlMs === null ? t.sqlMs : Math.min(t.sqlMs, t.sharedSqlMs));

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  const runs = Math.max(20, Math.round(envNumber('BENCH_RUNS', 25)));
  const warmup = Math.round(envNumber('BENCH_WARMUP', 5));
  const freshnessRuns = Math.round(envNumber('BENCH_FRESHNESS_RUNS', 3));
  const size = sizeFromEnv();
  if (!process.env.DATABASE_URL) progress(`DATABASE_URL is not set: using ${DEFAULT_URL} (this bench needs PostgreSQL)`);
  await assertReachable(url);
  progress(`database: a fresh database on ${safeUrl(url)}, dropped at the end`);
  const database = await freshDatabase(url);
  let server: BenchServer | null = null;
  try {
    const province = await generateProvince(database.db, size);
    server = await startServer(database);
    progress(`server listening on ${server.address}`);
    const officer = await login(server.address, OFFICER, PASSWORD);
    const admin = await login(server.address, ADMIN, PASSWORD);
    const actor = await resolveSession(database.db, officer.cookie.slice('tds_session='.length), 60);
    if (!actor) throw new Error("the province officer's session does not resolve");
    progress(`province officer's scope: ${actor.scope.communeIds.length} communes, provinces ${actor.scope.provinceIds.join(', ')}`);
    const ctx = { db: database.db, scope: actor.scope, address: server.address, session: officer };

    const timings: Record<string, Timing> = {};
    const forget = announceFiguresChange(database.db);
    for (const { q, shared } of questions(province, size)) timings[q.name] = await measureQuestion(ctx, q, { runs, warmup, shared, forget });

    const freshness = await measureFreshness({
      db: database.db,
      address: server.address,
      admin,
      communeId: province.communes[0]!.id,
      year: size.questionYear,
      indicatorCode: freshnessIndicator(province),
      runs: freshnessRuns,
    });

    const figures: Record<string, number | null> = {};
    for (const [name, t] of Object.entries(timings)) figures[`${name}_ratio`] = round(t.endpointMs / bestSql(t), 2);
    for (const [name, t] of Object.entries(timings)) figures[`${name}_ms`] = t.endpointMs;
    // The same, each read right after a change was announced: the fixed cost with nothing kept in memory.
    for (const [name, t] of Object.entries(timings)) figures[`${name}_uncached_ratio`] = t.uncachedMs === null ? null : round(t.uncachedMs / bestSql(t), 2);
    for (const [name, t] of Object.entries(timings)) figures[`${name}_uncached_ms`] = t.uncachedMs;
    figures.freshness_s = freshness.seconds;
    for (const [name, t] of Object.entries(timings)) {
      figures[`${name}_sql_ms`] = bestSql(t);
      figures[`${name}_handwritten_sql_ms`] = t.sqlMs;
      figures[`${name}_endpoint_sql_ms`] = t.sharedSqlMs;
      figures[`${name}_bytes`] = t.bytes;
    }
    await server.close();
    server = null;
    emit({
      bench: 'province',
      db: 'postgres',
      ...figures,
      freshness_runs_s: freshness.runs,
      communes: province.communes.length,
      units: province.counts.units,
      indicators: province.indicators.length,
      years: `${size.fromYear}-${size.toYear}`,
      due_items: province.counts.dueItems,
      reports: province.counts.reports,
      values: province.counts.values,
      rollups: province.counts.rollups,
      runs,
      warmup,
    });
  } finally {
    await server?.close().catch(() => undefined);
    await database.close();
  }
}

runMain(main);
