/**
 * scoring: a province of BENCH_COMMUNES communes (100) × BENCH_UNITS units (40), each commune with a
 * published rubric of BENCH_CRITERIA criteria (30) and every unit's frozen result; then
 *  - ranking_ratio: one commune's ranking endpoint ÷ the hand-written SQL (same driver, role, RLS scope);
 *  - province_ranking_ratio: the province's league of communes endpoint ÷ its hand-written SQL;
 *  - scoresheet_ms: one commune's .xlsx scoresheet endpoint, beside writing the same workbook from data
 *    already in memory (scoresheet_ratio).
 * Pages kept in memory between changes (the change feed drops them): `<q>_ratio` is a repeated read,
 * `<q>_uncached_ratio` a read right after a change was announced. Lower is better for every ratio.
 *
 *   npm run bench -- scoring                 (PGlite)
 *   DATABASE_URL=postgres://… npm run bench -- scoring
 */
import { sql, type SQL } from 'drizzle-orm';
import { classify, defaultClasses, rankOf, type ResultDto } from '@tds/contracts';
import type { Db } from '@tds/api/src/db/client';
import { rowsOf } from '@tds/api/src/db/security';
import { communeValues, makeProvince, makeUser, unitValues } from '@tds/api/src/testing/factories';
import { commune, unit } from '@tds/api/src/modules/org';
import { rubric, rubricCriterion, scoreResult } from '@tds/api/src/modules/scoring';
import { scoresheetWorkbook, criteriaOf } from '@tds/api/src/modules/scoring/scoresheet';
import { changeFeedOf } from '@tds/api/src/platform/change-feed';
import { resolveSession } from '@tds/api/src/platform/session';
import { inScope, SYSTEM_SCOPE, type Scope } from '@tds/api/src/platform/tenancy';
import { dbKind, emit, envNumber, median, progress, round, runMain } from '../_lib/common';
import { freshDatabase } from '../_lib/database';
import { login, startServer } from '../_lib/server';

const PASSWORD = 'MatKhau@2025';
const KINDS = ['office', 'school', 'mass_org', 'public_service', 'enterprise', 'village'] as const;
const YEAR = 2026;

interface Built {
  provinceId: string;
  communeId: string;
  rubricId: string;
}

/** Deterministic pseudo-random points (a unit's score of a criterion). */
const pts = (u: number, c: number, max: number) => Math.round((((u * 7919 + c * 104729) % 1000) / 1000) * max * 100) / 100;

async function generate(db: Db, size: { communes: number; units: number; criteria: number }): Promise<Built> {
  const p = await makeProvince(db, { code: 'BENCH', name: 'Tỉnh Thử Nghiệm' });
  let first: Built | null = null;
  for (let ci = 0; ci < size.communes; ci++) {
    await inScope(db, SYSTEM_SCOPE, async (tx) => {
      const [c] = await tx
        .insert(commune)
        .values(communeValues({ provinceId: p.id, code: `X${String(ci + 1).padStart(3, '0')}`, name: `Xã Thử Nghiệm ${ci + 1}` }))
        .returning({ id: commune.id });
      const units = Array.from({ length: size.units }, (_, ui) =>
        unitValues(c!.id, { code: `DV${ui + 1}`, name: `Đơn vị số ${ui + 1} của xã ${ci + 1}`, kind: KINDS[ui % KINDS.length]! }, null),
      );
      await tx.insert(unit).values(units);
      const [r] = await tx
        .insert(rubric)
        .values({
          communeId: c!.id,
          groupName: 'Đối với các cơ quan, đơn vị',
          title: `Bảng tiêu chí chấm điểm thi đua năm ${YEAR}`,
          year: YEAR,
          status: 'published',
          classes: defaultClasses,
          unitIds: units.map((u) => u.id),
          closedAt: new Date().toISOString(),
          publishedAt: new Date().toISOString(),
        })
        .returning({ id: rubric.id });
      const crit = await tx
        .insert(rubricCriterion)
        .values(
          Array.from({ length: size.criteria }, (_, k) => ({
            communeId: c!.id,
            rubricId: r!.id,
            ord: k + 1,
            title: `Tiêu chí ${k + 1}: tổ chức thực hiện nội dung thứ ${k + 1} của kế hoạch, có minh chứng kèm theo`,
            section: 'main' as const,
            method: 'judgement' as const,
            maxPoints: k < 10 ? 4 : 3,
          })),
        )
        .returning({ id: rubricCriterion.id, title: rubricCriterion.title, maxPoints: rubricCriterion.maxPoints });
      const rows = units.map((u, ui) => {
        const criteria: ResultDto['criteria'] = crit.map((k, j) => ({
          criterionId: k.id,
          title: k.title,
          section: 'main',
          maxPoints: k.maxPoints,
          points: pts(ui + ci, j, k.maxPoints),
          basis: 'council',
          evidence: [
            {
              kind: 'document',
              label: `Văn bản số ${j + 1}/BC-DV ngày 05/03/${YEAR}: báo cáo kết quả`,
              number: `${j + 1}/BC-DV`,
              date: `${YEAR}-03-05`,
              summary: 'báo cáo kết quả',
            },
          ],
        }));
        return {
          unitId: u.id,
          total: round(
            criteria.reduce((s, x) => s + x.points, 0),
            2,
          ),
          criteria,
        };
      });
      const ranked = rankOf(rows, (a, b) => a.unitId.localeCompare(b.unitId));
      await tx.insert(scoreResult).values(
        ranked.map((x) => ({
          communeId: c!.id,
          rubricId: r!.id,
          unitId: x.unitId,
          total: x.total,
          classLabel: classify(x.total, defaultClasses),
          rank: x.rank,
          breakdown: x.criteria,
        })),
      );
      if (!first) first = { provinceId: p.id, communeId: c!.id, rubricId: r!.id };
    });
    if ((ci + 1) % 20 === 0) progress(`${ci + 1} communes`);
  }
  await makeUser(db, { username: 'bench.admin', password: PASSWORD, roles: [{ role: 'commune_admin', communeId: first!.communeId }] });
  await makeUser(db, { username: 'bench.province', password: PASSWORD, provinceId: p.id, roles: [{ role: 'province_officer', provinceId: p.id }] });
  await db.execute(sql`analyze`);
  return first!;
}

async function timeGet(address: string, cookie: string, path: string): Promise<{ ms: number; body: Buffer }> {
  const t0 = performance.now();
  const res = await fetch(`${address}${path}`, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${body.toString().slice(0, 300)}`);
  return { ms, body };
}
async function timeSql(db: Db, scope: Scope, statement: SQL): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const t0 = performance.now();
  const r = await inScope(db, scope, (tx) => tx.execute(statement));
  return { ms: performance.now() - t0, rows: rowsOf(r) };
}

/** Alternate the contenders round by round (drifting load hits both alike); medians. */
/** Drop what the server keeps (a scoring change announced and received), untimed; a no-op without a live feed. */
function forgetter(db: Db): () => Promise<void> {
  return async () => {
    const feed = changeFeedOf(db);
    if (!feed?.live) return;
    const seq = feed.seq;
    await db.execute(sql`select pg_notify('tds_change', 'scoring:*')`);
    const until = Date.now() + 5000;
    while (feed.seq === seq) {
      if (Date.now() > until) throw new Error('the change feed did not deliver the announcement within 5 s');
      await new Promise((r) => setTimeout(r, 1));
    }
  };
}

async function race(runs: number, contenders: Record<string, () => Promise<number>>): Promise<Record<string, number>> {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let i = 0; i < 5; i++) for (const n of names) await contenders[n]!();
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [...names].reverse() : names;
    for (const n of order) times[n]!.push(await contenders[n]!());
  }
  return Object.fromEntries(names.map((n) => [n, median(times[n]!)]));
}

runMain(async () => {
  const size = { communes: envNumber('BENCH_COMMUNES', 100), units: envNumber('BENCH_UNITS', 40), criteria: envNumber('BENCH_CRITERIA', 30) };
  const runs = envNumber('BENCH_RUNS', 25);
  const database = await freshDatabase();
  try {
    progress(`generating ${size.communes} communes x ${size.units} units, ${size.criteria} criteria each`);
    const t0 = performance.now();
    const b = await generate(database.db, size);
    progress(`generated in ${round((performance.now() - t0) / 1000, 1)} s`);
    const server = await startServer(database);
    try {
      const admin = await login(server.address, 'bench.admin', PASSWORD);
      const officer = await login(server.address, 'bench.province', PASSWORD);
      const adminScope = (await resolveSession(database.db, admin.cookie.slice('tds_session='.length), 60))!.scope;
      const officerScope = (await resolveSession(database.db, officer.cookie.slice('tds_session='.length), 60))!.scope;

      // One commune's ranking.
      const rankingPath = `/api/communes/${b.communeId}/scoring/rubrics/${b.rubricId}/ranking`;
      const rankingSql = sql`select s.unit_id, u.name, s.total, s.class_label, s.rank from score_result s
        join unit u on u.commune_id = s.commune_id and u.id = s.unit_id
        where s.commune_id = ${b.communeId} and s.rubric_id = ${b.rubricId} order by s.rank, u.sort_key`;
      const rankingBody = JSON.parse((await timeGet(server.address, admin.cookie, rankingPath)).body.toString()) as {
        rows: { unitId: string; rank: number }[];
      };
      const rankingRows = (await timeSql(database.db, adminScope, rankingSql)).rows;
      if (rankingBody.rows.length !== size.units || rankingRows.length !== size.units || rankingBody.rows[0]!.unitId !== rankingRows[0]!.unit_id)
        throw new Error(`ranking: the endpoint (${rankingBody.rows.length} rows) and the SQL (${rankingRows.length}) disagree`);
      const forget = forgetter(database.db);
      const ranking = await race(runs, {
        endpoint: async () => (await timeGet(server.address, admin.cookie, rankingPath)).ms,
        uncached: async () => (await forget(), (await timeGet(server.address, admin.cookie, rankingPath)).ms),
        sql: async () => (await timeSql(database.db, adminScope, rankingSql)).ms,
      });
      progress(`ranking: endpoint ${round(ranking.endpoint!, 2)} ms (${round(ranking.uncached!, 2)} ms uncached), SQL ${round(ranking.sql!, 2)} ms`);

      // The province's league of communes.
      const leaguePath = `/api/provinces/${b.provinceId}/scoring/league?year=${YEAR}`;
      const leagueSql = sql`select s.commune_id, count(*)::int as units, round(avg(s.total), 2)::float8 as average
        from score_result s join rubric r on r.commune_id = s.commune_id and r.id = s.rubric_id
        join commune c on c.id = s.commune_id
        where c.province_id = ${b.provinceId} and r.year = ${YEAR} and r.status = 'published' and s.rank is not null
        group by s.commune_id order by average desc`;
      const leagueBody = JSON.parse((await timeGet(server.address, officer.cookie, leaguePath)).body.toString()) as {
        rows: { communeId: string; units: number }[];
      };
      const leagueRows = (await timeSql(database.db, officerScope, leagueSql)).rows;
      if (leagueBody.rows.length !== size.communes || leagueRows.length !== size.communes)
        throw new Error(`league: ${leagueBody.rows.length} vs ${leagueRows.length} communes`);
      const league = await race(runs, {
        endpoint: async () => (await timeGet(server.address, officer.cookie, leaguePath)).ms,
        uncached: async () => (await forget(), (await timeGet(server.address, officer.cookie, leaguePath)).ms),
        sql: async () => (await timeSql(database.db, officerScope, leagueSql)).ms,
      });
      progress(`league: endpoint ${round(league.endpoint!, 2)} ms (${round(league.uncached!, 2)} ms uncached), SQL ${round(league.sql!, 2)} ms`);

      // One commune's scoresheet: the export, and the same workbook from data in memory.
      const sheetPath = `/api/communes/${b.communeId}/scoring/rubrics/${b.rubricId}/scoresheet.xlsx`;
      const rows = await inScope(database.db, adminScope, async (tx) =>
        rowsOf<{ unit_id: string; name: string; total: string; class_label: string; rank: number; breakdown: ResultDto['criteria'] }>(
          await tx.execute(sql`select s.unit_id, u.name, s.total, s.class_label, s.rank, s.breakdown from score_result s
            join unit u on u.commune_id = s.commune_id and u.id = s.unit_id where s.commune_id = ${b.communeId} and s.rubric_id = ${b.rubricId} order by s.rank`),
        ).map((r) => ({ unitId: r.unit_id, unitName: r.name, total: Number(r.total), classLabel: r.class_label, rank: r.rank, criteria: r.breakdown })),
      );
      const data = {
        communeName: 'Xã Thử Nghiệm 1',
        title: `Bảng tiêu chí chấm điểm thi đua năm ${YEAR}`,
        groupName: 'Đối với các cơ quan, đơn vị',
        year: YEAR,
        closedAt: new Date().toISOString(),
        published: true,
        criteria: criteriaOf(rows),
        rows,
      };
      const sheet = await race(Math.max(10, Math.round(runs / 2)), {
        endpoint: async () => (await timeGet(server.address, admin.cookie, sheetPath)).ms,
        memory: async () => {
          const t = performance.now();
          await scoresheetWorkbook(data);
          return performance.now() - t;
        },
      });
      const bytes = (await timeGet(server.address, admin.cookie, sheetPath)).body.length;
      progress(`scoresheet: endpoint ${round(sheet.endpoint!, 1)} ms, in memory ${round(sheet.memory!, 1)} ms`);
      emit({
        bench: 'scoring',
        db: dbKind(),
        ranking_ratio: round(ranking.endpoint! / ranking.sql!, 2),
        ranking_ms: round(ranking.endpoint!, 2),
        ranking_sql_ms: round(ranking.sql!, 2),
        ranking_uncached_ratio: round(ranking.uncached! / ranking.sql!, 2),
        ranking_uncached_ms: round(ranking.uncached!, 2),
        province_ranking_ratio: round(league.endpoint! / league.sql!, 2),
        province_ranking_ms: round(league.endpoint!, 2),
        province_ranking_sql_ms: round(league.sql!, 2),
        province_ranking_uncached_ratio: round(league.uncached! / league.sql!, 2),
        province_ranking_uncached_ms: round(league.uncached!, 2),
        scoresheet_ms: round(sheet.endpoint!, 1),
        scoresheet_memory_ms: round(sheet.memory!, 1),
        scoresheet_ratio: round(sheet.endpoint! / sheet.memory!, 2),
        scoresheet_bytes: bytes,
        communes: size.communes,
        units: size.units,
        criteria: size.criteria,
        runs,
      });
    } finally {
      await server.close();
    }
  } finally {
    await database.close();
  }
});
