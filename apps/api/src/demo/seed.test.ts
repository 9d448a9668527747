import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/security';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../testing/harness';
import { DEMO_PASSWORD, isEmpty, seedDemo } from './seed';

describe(`demo data (${testDbKind()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t?.close());

  it('builds xã Gia Phúc with one community digital team under each village', async () => {
    expect(await isEmpty(t.database.db)).toBe(true);
    const accounts = await seedDemo(t.database.db, { production: false });
    expect(await isEmpty(t.database.db)).toBe(false);
    expect(accounts.map((a) => a.role)).toEqual(
      expect.arrayContaining(['system_admin', 'province_officer', 'commune_admin', 'chairman', 'unit_focal_point', 'digital_team_member']),
    );
    const admin = await loginAs(t, 'giaphuc.vhxh', DEMO_PASSWORD);
    const me = (await admin.get('/api/auth/me')).json();
    const tree = (await admin.get(`/api/communes/${me.communes[0].id}/units/tree`)).json();
    const villages = tree.units.filter((u: { kind: string }) => u.kind === 'village');
    const teams = tree.units.filter((u: { kind: string }) => u.kind === 'digital_team');
    expect(villages.length).toBeGreaterThanOrEqual(5);
    expect(teams.map((x: { parentId: string }) => x.parentId).sort()).toEqual(villages.map((v: { id: string }) => v.id).sort());
    for (const kind of ['office', 'public_service', 'mass_org', 'school', 'enterprise']) {
      expect(
        tree.units.some((u: { kind: string }) => u.kind === kind),
        kind,
      ).toBe(true);
    }
  });

  it("gives xã Gia Phúc its reports to the city: past years received, the others to do; the city's page shows them", async () => {
    const city = await loginAs(t, 'haiphong.sonoivu', DEMO_PASSWORD);
    const me = (await city.get('/api/auth/me')).json();
    const provinceId = me.roles.find((r: { role: string }) => r.role === 'province_officer').provinceId;
    const past = (await city.get(`/api/provinces/${provinceId}/commune-reports?period=year&year=2025`)).json();
    expect(past.items.find((r: { communeName: string }) => r.communeName === 'Xã Gia Phúc')).toMatchObject({
      standing: 'accepted',
      report: { late: false, status: 'accepted' },
    });
    const admin = await loginAs(t, 'giaphuc.vhxh', DEMO_PASSWORD);
    const gp = (await admin.get('/api/auth/me')).json().communes[0].id;
    const mine = (await admin.get(`/api/communes/${gp}/commune-reports?period=year`)).json();
    expect(mine.total).toBe(6);
    const accepted = mine.items.find((r: { year: number }) => r.year === 2025);
    const detail = (await admin.get(`/api/communes/${gp}/commune-reports/${accepted.id}`)).json();
    expect(detail.sections[0].figures.accepted).toBeGreaterThan(0);
    expect(detail.versions.map((v: { action: string }) => v.action)).toEqual(['accept', 'submit', 'prepare']);
  });

  it('in production every demo account must change its password at first login', async () => {
    const t2 = await createTestApp();
    try {
      await seedDemo(t2.database.db, { production: true });
      const r = await t2.database.system.execute(sql`select bool_and(must_change_password) as all_must from app_user`);
      expect(rowsOf<{ all_must: boolean }>(r)[0]!.all_must).toBe(true);
      const c = await loginAs(t2, 'admin', DEMO_PASSWORD);
      expect((await c.get('/api/provinces')).json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    } finally {
      await t2.close();
    }
  });
});
