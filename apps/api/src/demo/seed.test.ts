import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, formatDateVi, todayVn } from '@tds/contracts';
import { rowsOf } from '../db/security';
import { notifyContext } from '../modules/notify/channels';
import { runReminderJob } from '../modules/notify/reminder-job';
import { createTestApp, loginAs, testDbKind, type TestApp } from '../testing/harness';
import { startTestSmtp, type TestSmtp } from '../testing/smtp';
import { DEMO_PASSWORD, demoEmail, isEmpty, seedDemo } from './seed';
import { DEMO_SOON_DAYS } from './seed-movement';

describe(`demo data (${testDbKind()})`, () => {
  let t: TestApp;
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Thi Đua Số <nhac-han@thiduaso.example>' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

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

  it("reminds the school of a deadline a week away the day it is made: in the bell, the outbox and the focal point's mailbox", async () => {
    const due = addDays(todayVn(), DEMO_SOON_DAYS);
    const ctx = notifyContext(t.config);
    try {
      const run = await runReminderJob({ db: t.database.db, ctx });
      expect(run.ran).toBe(true);
      expect(run.delivered.failed).toBe(0);
    } finally {
      ctx.channels.close();
    }
    const mail = smtp.received.find((m) => m.to.includes(demoEmail('giaphuc.truong-th')) && m.subject.includes(formatDateVi(due)));
    expect(mail, smtp.received.map((m) => m.subject).join(' | ')).toBeDefined();
    expect(mail!.subject).toContain('Trường Tiểu học Gia Phúc');
    expect(mail!.text).toContain('VNeID');
    const outbox = await t.database.system.execute(
      sql`select status from outbox_message where to_address = ${demoEmail('giaphuc.truong-th')} and subject like ${'%' + formatDateVi(due) + '%'}`,
    );
    expect(rowsOf<{ status: string }>(outbox).map((r) => r.status)).toEqual(['sent']);
    const focal = await loginAs(t, 'giaphuc.truong-th', DEMO_PASSWORD);
    const bell = (await focal.get('/api/notifications')).json();
    expect(bell.items.some((n: { title: string; body: string }) => `${n.title} ${n.body}`.includes('VNeID'))).toBe(true);
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
