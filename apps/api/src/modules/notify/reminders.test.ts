import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDateVi, addDays, todayVn } from '@tds/contracts';
import { loadConfig } from '../../config/env';
import { createDb, type Database } from '../../db/client';
import { rowsOf } from '../../db/security';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makeUser } from '../../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { dueItem } from '../plans/plans.table';
import { registration, report } from '../reporting/reporting.table';
import { appUser } from '../users/users.table';
import { notifyContext, type NotifyContext } from './channels';
import { deliverOutbox } from './deliver-outbox';
import { acquireLease, releaseLease } from './job-lock';
import { notification, outboxMessage } from './notify.table';
import { planReminders } from './plan-reminders';
import { reminderKey, reminderMessageId } from './reminder-text';
import { runReminderJob, startReminderJob } from './reminder-job';
import { closedPort, startTestSmtp, type TestSmtp } from '../../testing/smtp';
import { confirmReviews } from '../../testing/kits/reports';

const MAIL_DOMAIN = 'thiduaso.local';

describe(`reminders: planning, outbox, SMTP delivery, one sender (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;
  let ctx: NotifyContext;
  let admin: Client;
  let planId: string;
  const free = new Map<string, string[]>();
  const today = todayVn();
  const db = () => t.database.db;
  const user = (name: string) => w.users[name]!.id;

  /** An unused due item of the unit (published from the plan), moved to `dueDate`. */
  async function take(unitId: string, dueDate: string): Promise<string> {
    const id = free.get(unitId)?.pop();
    if (!id) throw new Error('no due item left for this unit');
    await inScope(db(), SYSTEM_SCOPE, (tx) =>
      tx
        .update(dueItem)
        .set({ dueDate, lateAfter: `${dueDate}T17:00:00.000Z` })
        .where(eq(dueItem.id, id)),
    );
    return id;
  }
  const outboxOf = (dueItemId: string) =>
    inScope(db(), SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(outboxMessage)
        .where(sql`${outboxMessage.meta}->>'dueItemId' = ${dueItemId}`),
    );
  const notificationsOf = (dueItemId: string) =>
    inScope(db(), SYSTEM_SCOPE, (tx) =>
      tx
        .select()
        .from(notification)
        .where(sql`${notification.dedupeKey} like ${dueItemId + ':%'}`),
    );
  const mailId = (dueItemId: string, userId: string, offset: number) => reminderMessageId(reminderKey(dueItemId, userId, offset, 'email'), MAIL_DOMAIN);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      MAIL_FROM: 'Thi Đua Số <nhac-han@thiduaso.local>',
      APP_BASE_URL: 'https://thiduaso.example.vn/',
    });
    w = await buildWorld(db());
    ctx = notifyContext(t.config);
    await inScope(db(), SYSTEM_SCOPE, async (tx) => {
      await tx
        .update(appUser)
        .set({ email: 'focal@a.example.vn' })
        .where(eq(appUser.id, user('a.focal')));
      await tx
        .update(appUser)
        .set({ email: 'admin@a.example.vn' })
        .where(eq(appUser.id, user('a.admin')));
    });
    admin = await loginAs(t, 'a.admin', PASSWORD);
    const doc = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    const p = (await admin.post(`/api/communes/${w.a.id}/plans`, { doc: confirmReviews(doc), source: 'template' })).json();
    planId = p.id;
    expect((await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: p.version, dryRun: false })).statusCode).toBe(200);
    // Park every due item far away; each test brings the ones it needs to a date near today.
    const items = await inScope(db(), SYSTEM_SCOPE, async (tx) => {
      await tx.update(dueItem).set({ dueDate: '2099-01-01' }).where(eq(dueItem.communeId, w.a.id));
      return tx.select({ id: dueItem.id, unitId: dueItem.unitId }).from(dueItem).where(eq(dueItem.communeId, w.a.id));
    });
    for (const i of items) free.set(i.unitId, [...(free.get(i.unitId) ?? []), i.id]);
  }, 120_000);
  afterAll(async () => {
    ctx?.channels.close();
    await t?.close();
    await smtp?.close();
  });

  it('a report due tomorrow (offset −1) reaches the focal point and the admin once, with a stable Message-ID and a Vietnamese subject', async () => {
    const due = addDays(today, 1);
    const id = await take(w.aSchool.id, due);
    const run = await runReminderJob({ db: db(), ctx });
    expect(run).toMatchObject({ ran: true, planned: { notifications: 2, messages: 2 }, delivered: { sent: 2, retrying: 0, failed: 0 } });
    expect(smtp.received).toHaveLength(2);
    const mail = smtp.received.find((m) => m.to.includes('focal@a.example.vn'))!;
    expect(mail.messageId).toBe(mailId(id, user('a.focal'), -1));
    expect(mail.messageId).toMatch(/^<reminder\.[0-9a-f]{40}@thiduaso\.local>$/u);
    expect(mail.from).toBe('nhac-han@thiduaso.local');
    expect(mail.subject).toContain('Còn 1 ngày đến hạn');
    expect(mail.subject).toContain(formatDateVi(due));
    expect(mail.subject).toContain('Trường Tiểu học');
    expect(mail.text).toContain(`Hạn nộp: ${formatDateVi(due)}`);
    expect(mail.text).toContain('Đơn vị: Trường Tiểu học');
    expect(mail.text).toContain('https://thiduaso.example.vn/reports');
    expect(smtp.received.find((m) => m.to.includes('admin@a.example.vn'))!.messageId).toBe(mailId(id, user('a.admin'), -1));
    const rows = await outboxOf(id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ['sent', 1],
      ['sent', 1],
    ]);
    expect((await notificationsOf(id)).map((n) => n.userId).sort()).toEqual([user('a.focal'), user('a.admin')].sort());
  });

  it('running the job again, or the admin running it by hand, sends nothing twice', async () => {
    const again = await runReminderJob({ db: db(), ctx });
    expect(again).toMatchObject({ ran: true, planned: { notifications: 0, messages: 0 }, delivered: { sent: 0 } });
    const byHand = await admin.post(`/api/communes/${w.a.id}/reminders/run`);
    expect(byHand.statusCode).toBe(200);
    expect(byHand.json()).toEqual({ notifications: 0, messages: 0, sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('only one holder gets the lease until it is released', async () => {
    expect(await acquireLease(db(), 'test-lease', 'one', 60)).toBe(true);
    expect(await acquireLease(db(), 'test-lease', 'two', 60)).toBe(false);
    expect(await acquireLease(db(), 'test-lease', 'one', 60)).toBe(true);
    await releaseLease(db(), 'test-lease', 'two');
    expect(await acquireLease(db(), 'test-lease', 'two', 60)).toBe(false);
    await releaseLease(db(), 'test-lease', 'one');
    expect(await acquireLease(db(), 'test-lease', 'two', 60)).toBe(true);
    await inScope(db(), SYSTEM_SCOPE, (tx) => tx.execute(sql`update job_lock set locked_until = now() - interval '1 second' where name = 'test-lease'`));
    expect(await acquireLease(db(), 'test-lease', 'three', 60)).toBe(true);
  });

  describe('two instances at once', () => {
    let second: Database | null = null;
    let secondCtx: NotifyContext;
    beforeAll(async () => {
      // On PostgreSQL the second "instance" has its own pool on the same database.
      const url = loadConfig().DATABASE_URL;
      if (url) {
        const [{ name }] = rowsOf<{ name: string }>(await db().execute(sql`select current_database() as name`)) as [{ name: string }];
        const u = new URL(url);
        u.pathname = `/${name}`;
        second = await createDb({ databaseUrl: u.toString(), poolSize: 3 });
      }
      secondCtx = notifyContext(t.config);
    });
    afterAll(async () => {
      secondCtx?.channels.close();
      await second?.close();
    });
    const otherDb = () => second?.db ?? db();

    it('the job started twice at once sends each reminder once', async () => {
      const id = await take(w.aSchool.id, addDays(today, -1));
      const before = smtp.received.length;
      const runs = await Promise.all([
        runReminderJob({ db: db(), ctx }),
        runReminderJob({ db: otherDb(), ctx: secondCtx }),
        runReminderJob({ db: otherDb(), ctx: secondCtx }),
      ]);
      expect(runs.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
      const fresh = smtp.received.slice(before);
      expect(fresh.map((m) => m.messageId).sort()).toEqual([mailId(id, user('a.focal'), 1), mailId(id, user('a.admin'), 1)].sort());
      expect(fresh[0]!.subject).toContain('Đã quá hạn 1 ngày');
      expect(await notificationsOf(id)).toHaveLength(2);
    });

    it('planning and delivering concurrently without the lease still never duplicates (unique keys, SKIP LOCKED)', async () => {
      const id = await take(w.aSchool.id, addDays(today, 7));
      const before = smtp.received.length;
      const now = new Date();
      await Promise.all([planReminders(db(), now, ctx), planReminders(otherDb(), now, secondCtx), planReminders(db(), now, ctx)]);
      expect(await outboxOf(id)).toHaveLength(2);
      const sent = await Promise.all([
        deliverOutbox(db(), ctx.channels, now),
        deliverOutbox(otherDb(), secondCtx.channels, now),
        deliverOutbox(otherDb(), secondCtx.channels, now),
      ]);
      expect(sent.reduce((n, s) => n + s.sent, 0)).toBe(2);
      const fresh = smtp.received.slice(before).map((m) => m.messageId);
      expect(fresh.sort()).toEqual([mailId(id, user('a.focal'), -7), mailId(id, user('a.admin'), -7)].sort());
    });
  });

  it('a mail server that is down leaves the mail pending with its error; it is delivered once the server is up', async () => {
    const port = await closedPort();
    const downCtx = notifyContext({ ...t.config, SMTP_PORT: port });
    const id = await take(w.aSchool.id, addDays(today, 1));
    const before = smtp.received.length;
    const now = new Date();
    const first = await runReminderJob({ db: db(), ctx: downCtx, now });
    expect(first).toMatchObject({ planned: { messages: 2 }, delivered: { sent: 0, retrying: 2, failed: 0 } });
    let rows = await outboxOf(id);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'pending', attempts: 1 });
      expect(r.lastError).toMatch(/ECONNREFUSED|connect/iu);
      expect(r.nextAttemptAt.getTime()).toBeGreaterThan(now.getTime());
    }
    // Not yet due again: nothing is tried.
    expect((await runReminderJob({ db: db(), ctx: downCtx, now })).delivered).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const up = await startTestSmtp(port);
    try {
      const later = new Date(now.getTime() + 2 * 60_000);
      expect((await runReminderJob({ db: db(), ctx: downCtx, now: later })).delivered).toEqual({ sent: 2, retrying: 0, failed: 0 });
      expect((await runReminderJob({ db: db(), ctx: downCtx, now: new Date(later.getTime() + 60_000) })).delivered.sent).toBe(0);
      expect(up.received.map((m) => m.messageId).sort()).toEqual([mailId(id, user('a.focal'), -1), mailId(id, user('a.admin'), -1)].sort());
      rows = await outboxOf(id);
      expect(rows.map((r) => [r.status, r.attempts, r.lastError])).toEqual([
        ['sent', 2, null],
        ['sent', 2, null],
      ]);
      expect(smtp.received.length).toBe(before);
    } finally {
      downCtx.channels.close();
      await up.close();
    }
  });

  it('gives up after the configured number of attempts and marks the message failed', async () => {
    const port = await closedPort();
    const downCtx = { ...notifyContext({ ...t.config, SMTP_PORT: port }), maxAttempts: 1 };
    const id = await take(w.aOffice.id, addDays(today, 1));
    const r = await runReminderJob({ db: db(), ctx: downCtx });
    expect(r.delivered).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect((await outboxOf(id)).map((m) => m.status)).toEqual(['failed']);
    expect((await runReminderJob({ db: db(), ctx, now: new Date(Date.now() + 3_600_000) })).delivered.sent).toBe(0);
    downCtx.channels.close();
  });

  it('submitted or accepted reports and submitted registrations get no reminder; drafts, returned ones and open items do; old reminder days are skipped', async () => {
    const due = addDays(today, 1);
    const [submitted, accepted, returned, draft] = [
      await take(w.aVillage.id, due),
      await take(w.aVillage.id, due),
      await take(w.aVillage.id, due),
      await take(w.aVillage.id, due),
    ];
    const registered = await take(w.aOffice.id, due);
    const stale = await take(w.aOffice.id, addDays(today, -4));
    await inScope(db(), SYSTEM_SCOPE, async (tx) => {
      const rows = await tx
        .select()
        .from(dueItem)
        .where(inArray(dueItem.id, [submitted, accepted, returned, draft]));
      const status = new Map([
        [submitted, 'submitted'],
        [accepted, 'accepted'],
        [returned, 'returned'],
        [draft, 'draft'],
      ]);
      await tx.insert(report).values(
        rows.map((d) => ({
          communeId: d.communeId,
          dueItemId: d.id,
          planId: d.planId,
          unitId: d.unitId,
          kind: d.kind,
          cadence: d.cadence,
          year: d.year,
          period: d.period,
          status: status.get(d.id)!,
        })),
      );
      await tx.update(dueItem).set({ kind: 'registration' }).where(eq(dueItem.id, registered));
      await tx.insert(registration).values({ communeId: w.a.id, planId, unitId: w.aOffice.id, dueItemId: registered, year: 2026, status: 'submitted' });
    });
    await runReminderJob({ db: db(), ctx });
    expect(await notificationsOf(submitted)).toHaveLength(0);
    expect(await notificationsOf(accepted)).toHaveLength(0);
    expect(await notificationsOf(registered)).toHaveLength(0);
    expect(await notificationsOf(stale)).toHaveLength(0);
    // The village has no focal point: the admin alone is reminded.
    expect((await notificationsOf(returned)).map((n) => n.userId)).toEqual([user('a.admin')]);
    expect((await notificationsOf(draft)).map((n) => n.userId)).toEqual([user('a.admin')]);
  });

  it('reminds the focal points of the unit or an ancestor: without e-mail in the app only, disabled users not at all; settings choose who', async () => {
    const vFocal = await makeUser(db(), {
      username: 'v.focal',
      password: PASSWORD,
      roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: w.aVillage.id }],
    });
    const vNoMail = await makeUser(db(), {
      username: 'v.nomail',
      password: PASSWORD,
      roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: w.aVillage.id }],
    });
    const vOff = await makeUser(db(), {
      username: 'v.off',
      password: PASSWORD,
      roles: [{ role: 'unit_focal_point', communeId: w.a.id, unitId: w.aVillage.id }],
    });
    await inScope(db(), SYSTEM_SCOPE, async (tx) => {
      await tx.update(appUser).set({ email: 'thon@a.example.vn' }).where(eq(appUser.id, vFocal.id));
      await tx.update(appUser).set({ email: 'nghi@a.example.vn', disabled: true }).where(eq(appUser.id, vOff.id));
    });
    // The digital team sits under the village; its item is owed by the team, reminded to the village's focal points.
    const teamItem = await take(w.aTeam.id, today);
    const s = (await admin.get(`/api/communes/${w.a.id}/reminder-settings`)).json();
    const saved = await admin.request('PUT', `/api/communes/${w.a.id}/reminder-settings`, { ...pick(s), offsets: [0], notifyAdmins: false });
    expect(saved.statusCode).toBe(200);
    try {
      const before = smtp.received.length;
      await runReminderJob({ db: db(), ctx });
      const ns = await notificationsOf(teamItem);
      expect(ns.map((n) => n.userId).sort()).toEqual([vFocal.id, vNoMail.id].sort());
      expect(ns[0]!.title).toContain('Hôm nay đến hạn');
      expect((await outboxOf(teamItem)).map((m) => m.toAddress)).toEqual(['thon@a.example.vn']);
      const fresh = smtp.received.slice(before);
      expect(fresh.filter((m) => m.to.includes('thon@a.example.vn'))).toHaveLength(1);
      expect(fresh.some((m) => m.to.includes('nghi@a.example.vn') || m.to.includes('admin@a.example.vn'))).toBe(false);
    } finally {
      const cur = (await admin.get(`/api/communes/${w.a.id}/reminder-settings`)).json();
      expect(
        (await admin.request('PUT', `/api/communes/${w.a.id}/reminder-settings`, { ...pick(cur), offsets: [-7, -1, 1, 7], notifyAdmins: true })).statusCode,
      ).toBe(200);
    }
  });

  it('settings turned off stop the reminders of the commune', async () => {
    const s = (await admin.get(`/api/communes/${w.a.id}/reminder-settings`)).json();
    expect((await admin.request('PUT', `/api/communes/${w.a.id}/reminder-settings`, { ...pick(s), enabled: false })).statusCode).toBe(200);
    const id = await take(w.aSchool.id, addDays(today, 1));
    await runReminderJob({ db: db(), ctx });
    expect(await notificationsOf(id)).toHaveLength(0);
    const cur = (await admin.get(`/api/communes/${w.a.id}/reminder-settings`)).json();
    expect((await admin.request('PUT', `/api/communes/${w.a.id}/reminder-settings`, { ...pick(cur), enabled: true })).statusCode).toBe(200);
    await runReminderJob({ db: db(), ctx });
    expect(await notificationsOf(id)).toHaveLength(2);
  });

  it('the timer started with the server runs the job until stopped', async () => {
    const id = await take(w.aOffice.id, addDays(today, 1));
    const errors: unknown[] = [];
    const timer = startReminderJob({
      db: db(),
      ctx: notifyContext(t.config),
      intervalSeconds: 1,
      log: { info: () => undefined, error: (o) => errors.push(o) },
    });
    try {
      for (let i = 0; i < 100 && (await outboxOf(id)).every((m) => m.status !== 'sent'); i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await timer.stop();
    }
    expect((await outboxOf(id)).map((m) => [m.toAddress, m.status])).toEqual([['admin@a.example.vn', 'sent']]);
    expect(errors).toEqual([]);
  });
});

/** The editable fields of a settings response. */
function pick(s: { offsets: number[]; channels: string[]; notifyFocalPoints: boolean; notifyAdmins: boolean; enabled: boolean; version: number }) {
  return {
    offsets: s.offsets,
    channels: s.channels,
    notifyFocalPoints: s.notifyFocalPoints,
    notifyAdmins: s.notifyAdmins,
    enabled: s.enabled,
    version: s.version,
  };
}
