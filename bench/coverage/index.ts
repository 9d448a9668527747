/**
 * coverage: a province of BENCH_RESIDENTS residents (default 1,000,000) in BENCH_COMMUNES communes
 * (default 100) of 10 villages each, with five attendance rows per resident (5,000,000), then:
 *
 * - `coverage_ratio`: GET /api/communes/<id>/training/coverage?year=2026 (median of BENCH_RUNS, ≥ 20)
 *   ÷ the best SQL for the village figures through the same driver, role and row-level-security
 *   scope (a hand-written statement, or the module's own queries run bare, whichever is faster);
 *   lower is better, goal ≤ 1.3. The endpoint keeps a commune's coverage in memory until a record
 *   it counts is written, so this is the page as served to repeated readers;
 *   `coverage_uncached_ratio` is the first read after such a write (a change announced, then read);
 * - `roster_bytes`: the offline roster of a 500-person village, goal ≤ 100,000;
 * - `sync_s`: seconds for POST .../training/sync of 1,000 queued marks, goal ≤ 5.
 *
 *   npm run bench -- coverage          (PostgreSQL: DATABASE_URL's server, else 127.0.0.1:5432)
 */
import { sql, type SQL } from 'drizzle-orm';
import { resolveSession } from '@tds/api/src/platform/session';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { makeCommune, makeProvince, makeUser } from '@tds/api/src/testing/factories';
import { computeCoverage } from '@tds/api/src/modules/training';
import { rowsOf } from '@tds/api/src/db/security';
import '@tds/api/src/modules';
import { emit, envNumber, median, progress, round, runMain } from '../_lib/common';
import { assertReachable, freshDatabase, safeUrl } from '../_lib/database';
import { login, startServer } from '../_lib/server';
import { callEndpoint, callSql } from '../province/measure';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'MatKhau@2025';
const VILLAGES = 10;
const SESSIONS = 20;

async function main() {
  const url = process.env.DATABASE_URL || DEFAULT_URL;
  process.env.DATABASE_URL = url;
  const residents = Math.round(envNumber('BENCH_RESIDENTS', 1_000_000));
  const communes = Math.max(1, Math.round(envNumber('BENCH_COMMUNES', 100)));
  const runs = Math.max(20, Math.round(envNumber('BENCH_RUNS', 20)));
  const perVillage = Math.round(residents / communes / VILLAGES);
  await assertReachable(url);
  progress(`database: a fresh database on ${safeUrl(url)}, dropped at the end`);
  const database = await freshDatabase(url);
  const db = database.db;
  /** A statement as the system (the owner), outside any user's scope. */
  const system = (q: SQL) => inScope(db, SYSTEM_SCOPE, (tx) => tx.execute(q));
  try {
    const province = await makeProvince(db, { code: 'BENCH', name: 'Tỉnh Bench' });
    const ids: string[] = [];
    for (let c = 0; c < communes; c++) ids.push((await makeCommune(db, { provinceId: province.id, code: `BENCH-${c}`, name: `Xã Bench ${c}` })).id);
    progress(`generating ${communes} communes × ${VILLAGES} villages × ${perVillage} residents, ${SESSIONS} sessions per village, 5 attendances each`);
    const t0 = performance.now();
    await inScope(db, SYSTEM_SCOPE, async (tx) => {
      await tx.execute(sql`
        insert into unit (commune_id, id, code, name, kind, path, search_key, sort_key)
        select cid, vid, 'THON-' || n, 'Thôn ' || n, 'village', '/' || vid || '/', 'thon ' || n, lpad(n::text, 4, '0')
          from (select c.id as cid, n, gen_random_uuid() as vid from commune c cross join generate_series(1, ${VILLAGES}::int) n
                 where c.province_id = ${province.id}) x`);
      await tx.execute(sql`
        insert into unit (commune_id, id, code, name, kind, parent_id, path, search_key, sort_key)
        select commune_id, tid, code || '-CNS', 'Tổ CNSCĐ ' || name, 'digital_team', id, path || tid || '/', 'to ' || search_key, sort_key || 'T'
          from (select v.*, gen_random_uuid() as tid from unit v where v.kind = 'village') x`);
      await tx.execute(sql`
        insert into village_population (commune_id, village_id, year, adults)
        select commune_id, id, 2026, ${perVillage}::int + 50 from unit where kind = 'village'`);
      await tx.execute(sql`
        insert into training_session (commune_id, team_id, village_id, date, place, module_codes, trainers)
        select v.commune_id, t.id, v.id, date '2025-09-01' + (n * 17), 'Buổi ' || n,
               case when n % 4 = 3 then array['KNS.THANH_TOAN','KNS.TMDT'] when n % 2 = 0 then array['KNS.THIET_BI','KNS.DVC_VNEID'] else array['KNS.AN_TOAN','KNS.THIET_BI'] end,
               array['Tổ trưởng']
          from unit v join unit t on t.commune_id = v.commune_id and t.parent_id = v.id cross join generate_series(0, ${SESSIONS - 1}::int) n
         where v.kind = 'village'`);
      await tx.execute(sql`
        insert into resident (commune_id, village_id, full_name, name_key, sort_key, birth_year, gender, learner_group)
        select v.commune_id, v.id, 'Người dân ' || g, 'nguoi dan ' || g, lpad(g::text, 8, '0'), 1940 + (g % 80), case when g % 2 = 0 then 'male' else 'female' end, 'residents'
          from unit v cross join generate_series(1, ${perVillage}::int) g where v.kind = 'village'`);
      progress(`residents in ${round((performance.now() - t0) / 1000)} s`);
      // Five sessions of the resident's village each: numbers (k + 4j) mod 20 for a k of the resident.
      await tx.execute(sql`
        insert into attendance (commune_id, session_id, resident_id, marked_at)
        select r.commune_id, s.id, r.id, now()
          from (select commune_id, id, village_id, (('x' || substr(md5(id::text), 1, 4))::bit(16)::int % 4) as k from resident) r
          join training_session s on s.commune_id = r.commune_id and s.village_id = r.village_id
           and (substr(s.place, 6)::int % 4) = r.k and substr(s.place, 6)::int < 20`);
    });
    await system(sql`analyze`);
    const [counts] = rowsOf<{ r: number; a: number }>(await system(sql`select (select count(*) from resident)::int as r, (select count(*) from attendance)::int as a`));
    progress(`generated ${counts!.r} residents and ${counts!.a} attendance rows in ${round((performance.now() - t0) / 1000)} s`);

    const communeId = ids[0]!;
    // A 500-person village for the roster.
    await inScope(db, SYSTEM_SCOPE, (tx) =>
      tx.execute(sql`
        with v as (insert into unit (commune_id, id, code, name, kind, path, search_key, sort_key)
                   select ${communeId}::uuid, u, 'THON-500', 'Thôn Năm Trăm', 'village', '/' || u || '/', 'thon nam tram', 'zz' from gen_random_uuid() u returning commune_id, id)
        insert into resident (commune_id, village_id, full_name, name_key, sort_key, birth_year, gender, learner_group)
        select v.commune_id, v.id, 'Nguyễn Thị Phương Thảo ' || g, 'nguyen thi phuong thao ' || g, lpad(g::text, 8, '0'), 1940 + (g % 80), 'female', 'residents'
          from v cross join generate_series(1, 500) g`),
    );
    await makeUser(db, { username: 'bench.admin', password: PASSWORD, roles: [{ role: 'commune_admin', communeId }] });
    const server = await startServer(database);
    const session = await login(server.address, 'bench.admin', PASSWORD);
    const actor = await resolveSession(db, session.cookie.slice('tds_session='.length), 60);
    if (!actor) throw new Error("the admin's session does not resolve");
    const ctx = { db, scope: actor.scope, address: server.address, session };

    const path = `/api/communes/${communeId}/training/coverage?year=2026`;
    const basic = "{KNS.THIET_BI,KNS.DVC_VNEID,KNS.AN_TOAN}";
    const hand = sql`
      select r.village_id, count(*)::int as residents,
             count(*) filter (where r.id in (
               select a.resident_id from attendance a join training_session s on s.commune_id = a.commune_id and s.id = a.session_id
                cross join lateral unnest(s.module_codes) m
                where a.commune_id = ${communeId} and s.date <= '2026-12-31' and m = any(${basic}::text[])
                group by a.resident_id having count(distinct m) = 3))::int as trained
        from resident r
       where r.commune_id = ${communeId} and r.merged_into_id is null and 2026 - r.birth_year >= 15
       group by r.village_id`;
    // The answers agree.
    const fromEndpoint = (await callEndpoint(ctx, path)).body as { villages: { villageId: string; trained: number; residents: number }[] };
    const fromSql = (await callSql(ctx, hand)).rows as { village_id: string; residents: number; trained: number }[];
    for (const row of fromSql) {
      const e = fromEndpoint.villages.find((v) => v.villageId === row.village_id);
      if (!e || e.trained !== row.trained || e.residents !== row.residents) throw new Error(`village ${row.village_id}: endpoint ${JSON.stringify(e)} ≠ SQL ${JSON.stringify(row)}`);
    }
    progress(`endpoint and SQL agree on ${fromSql.length} villages`);
    const endpointMs: number[] = [];
    const sqlMs: number[] = [];
    const ownMs: number[] = [];
    const uncachedMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      await callEndpoint(ctx, path);
      await callSql(ctx, hand);
    }
    for (let i = 0; i < runs; i++) {
      const order = [
        async () => endpointMs.push((await callEndpoint(ctx, path)).ms),
        async () => sqlMs.push((await callSql(ctx, hand)).ms),
        async () => {
          const s = performance.now();
          await inScope(db, actor.scope, (tx) => computeCoverage(tx, communeId, 2026));
          ownMs.push(performance.now() - s);
        },
        async () => {
          // Another instance writes a record the coverage counts: its announcement drops the page kept.
          await system(sql`update village_population set adults = adults where commune_id = ${communeId} and year = 2026`);
          await new Promise((r) => setTimeout(r, 150));
          uncachedMs.push((await callEndpoint(ctx, path)).ms);
        },
      ];
      for (let k = 0; k < order.length; k++) await order[(i + k) % order.length]!();
    }
    const endpoint = median(endpointMs);
    const best = Math.min(median(sqlMs), median(ownMs));

    // The roster of the 500-person village.
    const [big] = rowsOf<{ id: string }>(await system(sql`select id from unit where commune_id = ${communeId} and code = 'THON-500'`));
    const roster = await callEndpoint(ctx, `/api/communes/${communeId}/training/villages/${big!.id}/roster`);

    // 1,000 queued marks of one session.
    const [s] = rowsOf<{ id: string; village_id: string }>(await system(sql`select id, village_id from training_session where commune_id = ${communeId} limit 1`));
    const people = rowsOf<{ id: string }>(await system(sql`select id from resident where commune_id = ${communeId} and village_id = ${s!.village_id} limit 1000`));
    const ops = people.map((p, i) => ({ kind: 'mark', opKey: `bench-sync-${i.toString().padStart(6, '0')}`, sessionId: s!.id, residentId: p.id, present: true }));
    const t1 = performance.now();
    const res = await fetch(`${server.address}/api/communes/${communeId}/training/sync`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ ops }),
    });
    const syncBody = (await res.json()) as { results?: unknown[] };
    const syncS = (performance.now() - t1) / 1000;
    if (res.status !== 200) throw new Error(`sync answered ${res.status}: ${JSON.stringify(syncBody).slice(0, 300)}`);
    await server.close();
    emit({
      bench: 'coverage',
      db: 'postgres',
      coverage_ratio: round(endpoint / best, 2),
      coverage_ms: round(endpoint, 1),
      coverage_uncached_ratio: round(median(uncachedMs) / best, 2),
      coverage_uncached_ms: round(median(uncachedMs), 1),
      coverage_sql_ms: round(best, 1),
      coverage_handwritten_sql_ms: round(median(sqlMs), 1),
      coverage_module_sql_ms: round(median(ownMs), 1),
      roster_bytes: roster.bytes,
      sync_s: round(syncS, 2),
      sync_marks: ops.length,
      residents: counts!.r,
      attendance: counts!.a,
      communes,
      runs,
    });
  } finally {
    await database.close();
  }
}

runMain(main);
