import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, type World } from '../testing/world';
import { makeUser } from '../testing/factories';
import { changeFeedOf } from './change-feed';

/**
 * Reading requests reuse a session's actor and a commune's unit counter from memory while the change
 * feed is live. Each change made elsewhere (another instance, the CLI, an operator's SQL: here the
 * owner's connection) must show at once on PGlite, and within moments on PostgreSQL, where the
 * announcement arrives on its own connection after the commit; a change made through this instance
 * shows on the very next request.
 */
describe(`change feed and the caches it keeps right (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
  });
  afterAll(async () => t?.close());

  /** On PGlite the first answer must already be right; on PostgreSQL, within two seconds. */
  async function eventually(check: () => Promise<boolean>): Promise<boolean> {
    const until = Date.now() + (testDbKind() === 'pglite' ? 0 : 2000);
    for (;;) {
      if (await check()) return true;
      if (Date.now() >= until) return false;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('is live once the app is built', () => {
    expect(changeFeedOf(t.database.db)?.live).toBe(true);
  });

  it('a user disabled elsewhere is refused on the next reading request, though the session was just used', async () => {
    const u = await makeUser(t.database.db, { username: 'feed.disabled', password: PASSWORD, roles: [{ role: 'viewer', communeId: w.a.id }] });
    const c = await loginAs(t, 'feed.disabled', PASSWORD);
    expect((await c.get(`/api/communes/${w.a.id}/units`)).statusCode).toBe(200);
    expect((await c.get(`/api/communes/${w.a.id}/units`)).statusCode).toBe(200);
    await t.database.system.execute(sql`update app_user set disabled = true where id = ${u.id}`);
    expect(await eventually(async () => (await c.get(`/api/communes/${w.a.id}/units`)).statusCode === 401)).toBe(true);
  });

  it('a role taken away in the second commune ends access there and keeps it in the first (user with roles in two communes)', async () => {
    const u = await makeUser(t.database.db, {
      username: 'feed.two',
      password: PASSWORD,
      roles: [
        { role: 'viewer', communeId: w.a.id },
        { role: 'viewer', communeId: w.b.id },
      ],
    });
    const c = await loginAs(t, 'feed.two', PASSWORD);
    expect((await c.get(`/api/communes/${w.b.id}/units`)).statusCode).toBe(200);
    await t.database.system.execute(sql`delete from role_assignment where user_id = ${u.id} and commune_id = ${w.b.id}`);
    expect(await eventually(async () => (await c.get(`/api/communes/${w.b.id}/units`)).statusCode === 404)).toBe(true);
    expect((await c.get(`/api/communes/${w.a.id}/units`)).statusCode).toBe(200);
  });

  it('a session ended elsewhere (another instance signed it out) is refused', async () => {
    const c = await loginAs(t, 'a.viewer', PASSWORD);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.system.execute(sql`select tds_session_end(${c.token})`);
    expect(await eventually(async () => (await c.get('/api/auth/me')).statusCode === 401)).toBe(true);
  });

  it('signing out on this instance ends the session for the very next request', async () => {
    const c = await loginAs(t, 'a.viewer', PASSWORD);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('a unit written through this instance is in the very next page of units', async () => {
    const admin = await loginAs(t, 'a.admin', PASSWORD);
    const before = (await admin.get(`/api/communes/${w.a.id}/units?pageSize=100`)).json() as { total: number };
    const created = await admin.post(`/api/communes/${w.a.id}/units`, { code: 'FEED-1', name: 'Tổ dân phố Thử Nghiệm', kind: 'village' });
    expect(created.statusCode).toBe(201);
    const after = (await admin.get(`/api/communes/${w.a.id}/units?pageSize=100`)).json() as { total: number; items: { code: string }[] };
    expect(after.total).toBe(before.total + 1);
    expect(after.items.map((u) => u.code)).toContain('FEED-1');
  });

  it('a unit renamed elsewhere shows in the page of units', async () => {
    const admin = await loginAs(t, 'a.admin', PASSWORD);
    expect((await admin.get(`/api/communes/${w.a.id}/units?pageSize=100`)).statusCode).toBe(200);
    await t.database.system.execute(sql`update unit set name = 'Thôn Đông Mới' where id = ${w.aVillage.id}`);
    const renamed = async () => {
      const page = (await admin.get(`/api/communes/${w.a.id}/units?pageSize=100`)).json() as { items: { id: string; name: string }[] };
      return page.items.find((u) => u.id === w.aVillage.id)?.name === 'Thôn Đông Mới';
    };
    expect(await eventually(renamed)).toBe(true);
  });

  it("the province's league and roll-up follow a roll-up, a target and the catalogue changed elsewhere", async () => {
    const officer = await loginAs(t, 'province1', PASSWORD);
    const code = 'CQ.HS_TRUC_TUYEN';
    const league = `/api/provinces/${w.p1.id}/progress/league?indicatorCode=${code}&year=2024`;
    const rollup = `/api/provinces/${w.p1.id}/progress/rollup?fromYear=2024&toYear=2024`;
    type League = { indicator: { name: string }; rows: { id: string; value: number | null; target: number | null }[] };
    type Rollup = { indicators: { code: string; years: { value: number | null }[] }[] };
    const rowOf = async () => ((await officer.get(league)).json() as League).rows.find((r) => r.id === w.a.id);
    const provinceValue = async () => ((await officer.get(rollup)).json() as Rollup).indicators.find((i) => i.code === code)?.years[0]?.value ?? null;
    expect((await rowOf())?.value ?? null).toBeNull();
    expect(await provinceValue()).toBeNull();
    // Read twice, so the pages are kept in memory before anything changes.
    expect((await officer.get(league)).statusCode).toBe(200);
    expect((await officer.get(rollup)).statusCode).toBe(200);

    await t.database.system.execute(sql`
      insert into indicator_rollup (commune_id, province_id, indicator_code, year, period, sum_value, sum_numerator, sum_denominator, n, updated_at)
      values (${w.a.id}, ${w.p1.id}, ${code}, 2024, 0, 0, 45, 50, 1, now())`);
    expect(await eventually(async () => (await rowOf())?.value === 90)).toBe(true);
    expect(await eventually(async () => (await provinceValue()) === 90)).toBe(true);

    await t.database.system.execute(sql`
      insert into target (commune_id, unit_id, indicator_code, year, value) values (${w.a.id}, null, ${code}, 2024, 95)`);
    expect(await eventually(async () => (await rowOf())?.target === 95)).toBe(true);

    await t.database.system.execute(sql`update indicator set name = 'Tỷ lệ hồ sơ trực tuyến (đổi tên)' where code = ${code}`);
    expect(await eventually(async () => ((await officer.get(league)).json() as League).indicator.name === 'Tỷ lệ hồ sơ trực tuyến (đổi tên)')).toBe(true);
    // Another province's officer is refused before anything kept is looked at.
    const other = await loginAs(t, 'a.admin', PASSWORD);
    expect((await other.get(league)).statusCode).toBe(403);
  });

  it.runIf(testDbKind() === 'postgres')('caches nothing while the feed connection is lost, and listens again after', async () => {
    const feed = changeFeedOf(t.database.db)!;
    await t.database.system.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`);
    const lostBy = Date.now() + 2000;
    while (feed.live && Date.now() < lostBy) await new Promise((r) => setTimeout(r, 10));
    expect(feed.live).toBe(false);
    // With no feed, a change made elsewhere is seen at once: nothing is served from memory.
    const u = await makeUser(t.database.db, { username: 'feed.lost', password: PASSWORD, roles: [{ role: 'viewer', communeId: w.a.id }] });
    const c = await loginAs(t, 'feed.lost', PASSWORD);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    await t.database.system.execute(sql`update app_user set disabled = true where id = ${u.id}`);
    if (!feed.live) expect((await c.get('/api/auth/me')).statusCode).toBe(401);
    const backBy = Date.now() + 5000;
    while (!feed.live && Date.now() < backBy) await new Promise((r) => setTimeout(r, 50));
    expect(feed.live).toBe(true);
  });
});
