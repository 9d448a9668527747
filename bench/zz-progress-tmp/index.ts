// Temporary experiment of the progress helper (deleted when done): a persistent province database to time the progress endpoints.
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { createDb } from '@tds/api/src/db/client';
import { runMigrations } from '@tds/api/src/db/migrate';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope } from '@tds/api/src/platform/tenancy';
import { resolveSession } from '@tds/api/src/modules/auth/sessions';
import { provinceLeagueSql } from '@tds/api/src/modules/progress/league';
import { provinceCompletenessSql } from '@tds/api/src/modules/progress/province-completeness';
import { provinceRollupSql } from '@tds/api/src/modules/progress/rollup-view';
import { login, startServer } from '../_lib/server';
import { generateProvince, OFFICER, PASSWORD } from '../province/generate';
import { sizeFromEnv } from '../province/size';
import { callEndpoint, callSql } from '../province/measure';
import { median, round } from '../_lib/common';
import { COUNTS, cycleWhere } from '@tds/api/src/modules/progress/cycle';

const BASE = 'postgres://postgres@127.0.0.1:5432/';
const NAME = 'progress_bench_tmp';

async function main() {
  const admin = new pg.Client({ connectionString: BASE + 'postgres' });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [NAME])).rowCount;
  if (!exists) await admin.query(`create database ${NAME}`);
  await admin.end();
  const database = await createDb({ databaseUrl: BASE + NAME });
  if (!process.env.NOMIGRATE) await runMigrations(database);
  if (process.env.POLICY) await database.db.execute(sql.raw((await import('node:fs')).readFileSync('/tmp/policy.sql', 'utf8')));
  const size = sizeFromEnv();
  const [have] = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from province`));
  if (!have!.n) await generateProvince(database.db, size);
  const [p] = rowsOf<{ id: string }>(await database.db.execute(sql`select id from province limit 1`));
  const provinceId = p!.id;
  const server = await startServer(database);
  const officer = await login(server.address, OFFICER, PASSWORD);
  const actor = (await resolveSession(database.db, officer.cookie.slice('tds_session='.length), 60))!;
  const ctx = { db: database.db, scope: actor.scope, address: server.address, session: officer };
  const [ind] = rowsOf<{ code: string }>(await database.db.execute(sql`select code from indicator where aggregation = 'ratio' order by code limit 1`));
  const qs: { name: string; path: string; stmt: SQL }[] = [
    { name: 'completeness', path: `/api/provinces/${provinceId}/progress/completeness?kind=report&cadence=yearly&year=2027&period=0`, stmt: provinceCompletenessSql(provinceId, { kind: 'report', cadence: 'yearly', year: 2027, period: 0 }) },
    { name: 'league', path: `/api/provinces/${provinceId}/progress/league?indicatorCode=XH.KNS_CO_BAN&year=2027&period=0`, stmt: provinceLeagueSql(provinceId, { indicatorCode: 'XH.KNS_CO_BAN', year: 2027, period: 0 }) },
    { name: 'rollup', path: `/api/provinces/${provinceId}/progress/rollup?fromYear=2025&toYear=2029&period=0`, stmt: provinceRollupSql(provinceId, { fromYear: 2025, toYear: 2029, period: 0 }) },
    { name: 'lateral', path: `/api/auth/me`, stmt: sql`
    select c.id as commune_id, c.code, c.name, x.due_date, x.late_after, x.expected, x.on_time, x.late
    from commune c
    cross join lateral (
      select max(d.due_date)::text as due_date, max(d.late_after) as late_after, count(*)::int as n, ${COUNTS}
      from due_item d
      join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
      left join report r on r.commune_id = d.commune_id and r.due_item_id = d.id
      where d.commune_id = c.id and ${cycleWhere({ kind: 'report', cadence: 'yearly', year: 2027, period: 0 })}
    ) x
    where c.province_id = ${provinceId} and (x.n > 0 or ((c.active_from is null or c.active_from <= make_date(2027, 12, 31))
        and (c.active_to is null or c.active_to >= make_date(2027, 1, 1))))` },
    { name: 'health', path: `/healthz`, stmt: sql`select 1` },
    { name: 'me', path: `/api/auth/me`, stmt: sql`select 1` },
  ];
  void ind;
  const only = process.env.ONLY?.split(',');
  if (process.env.SESSION) {
    const ts: number[] = [];
    for (let i = 0; i < 30; i++) { const t0 = performance.now(); await resolveSession(database.db, officer.cookie.slice('tds_session='.length), 60); ts.push(performance.now() - t0); }
    const t2: number[] = [];
    for (let i = 0; i < 30; i++) { const t0 = performance.now(); await database.db.execute(sql`select 1`); t2.push(performance.now() - t0); }
    console.log('resolveSession', round(median(ts), 2), 'bare select 1', round(median(t2), 2));
  }
  for (const q of qs) {
    if (only && !only.includes(q.name)) continue;
    const e: number[] = [], s: number[] = [];
    for (let i = 0; i < 5; i++) { await callEndpoint(ctx, q.path); await callSql(ctx, q.stmt); }
    for (let i = 0; i < 15; i++) { e.push((await callEndpoint(ctx, q.path)).ms); s.push((await callSql(ctx, q.stmt)).ms); }
    console.log(q.name, 'endpoint', round(median(e), 2), 'sql', round(median(s), 2));
    if (process.env.DIRECT && q.name === 'rollup') {
      const { provinceRollup } = await import('@tds/api/src/modules/progress/rollup-view');
      const { rollup } = await import('@tds/contracts');
      const d: number[] = [], z: number[] = [], j: number[] = [];
      for (let i = 0; i < 20; i++) {
        let t0 = performance.now();
        const out = await provinceRollup({ db: database.db, actor, provinceId, query: { fromYear: 2025, toYear: 2029, period: 0 } });
        d.push(performance.now() - t0);
        t0 = performance.now(); rollup.parse(out); z.push(performance.now() - t0);
        t0 = performance.now(); JSON.stringify(out); j.push(performance.now() - t0);
      }
      console.log('rollup use-case', round(median(d), 2), 'zod parse', round(median(z), 2), 'json', round(median(j), 2));
    }
    if (process.env.DIRECT && q.name === 'completeness') {
      const { provinceCompleteness } = await import('@tds/api/src/modules/progress/province-completeness');
      const { provinceCompleteness: schema } = await import('@tds/contracts');
      const d: number[] = [], z: number[] = [];
      for (let i = 0; i < 20; i++) {
        let t0 = performance.now();
        const out = await provinceCompleteness({ db: database.db, actor, provinceId, query: { kind: 'report', cadence: 'yearly', year: 2027, period: 0 } });
        d.push(performance.now() - t0);
        t0 = performance.now(); schema.parse(out); z.push(performance.now() - t0);
      }
      console.log('completeness use-case', round(median(d), 2), 'zod parse', round(median(z), 2));
    }
    if (process.env.EXPLAIN) {
      const plan = await inScope(database.db, actor.scope, (tx) => tx.execute(sql`explain (analyze, buffers) ${q.stmt}`));
      console.log(rowsOf<Record<string, string>>(plan).map((r) => Object.values(r)[0]).join('\n'));
    }
  }
  await server.close();
  await database.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
