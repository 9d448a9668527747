import { addDays, todayVn } from '@tds/contracts';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReminderSettingsInput } from '@tds/contracts';
import { rowsOf } from '../../db/security';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { dueItem } from '../plans/plans.table';
import { appUser } from '../users/users.table';
import { resolveSession } from '../../platform/session';
import { ChannelRegistry } from './channels';
import { notification } from './notify.table';
import { report } from '../reporting/reporting.table';
import { dueItemId, openReportVia, publishTemplatePlan } from '../../testing/kits/reports';
import { getReminderSettings } from './get-reminder-settings';
import { updateReminderSettings } from './update-reminder-settings';
import { startTestSmtp, type TestSmtp } from '../../testing/smtp';
import { confirmReviews } from '../../testing/kits/reports';

describe(`notify routes: settings, outbox, run now, in-app notifications (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let smtp: TestSmtp;
  let admin: Client;
  let focal: Client;
  let viewer: Client;
  const settings = () => `/api/communes/${w.a.id}/reminder-settings`;
  const valid: Omit<ReminderSettingsInput, 'version'> = {
    offsets: [-3, 1],
    channels: ['in_app', 'email'],
    notifyFocalPoints: true,
    notifyAdmins: true,
    enabled: true,
  };

  beforeAll(async () => {
    smtp = await startTestSmtp();
    t = await createTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) });
    w = await buildWorld(t.database.db);
    await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.update(appUser).set({ email: 'focal@a.example.vn' }).where(eq(appUser.id, w.users['a.focal']!.id)));
    [admin, focal, viewer] = await Promise.all([loginAs(t, 'a.admin', PASSWORD), loginAs(t, 'a.focal', PASSWORD), loginAs(t, 'a.viewer', PASSWORD)]);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('shows the defaults until saved, then saves with optimistic locking and an audit entry', async () => {
    const first = await admin.get(settings());
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      offsets: [-7, -1, 1, 7],
      channels: ['in_app', 'email'],
      enabled: true,
      version: 0,
      updatedAt: null,
      availableChannels: ['in_app', 'email'],
    });
    const saved = await admin.request('PUT', settings(), { ...valid, offsets: [3, -10, 0], version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ offsets: [-10, 0, 3], version: 1 });
    const stale = await admin.request('PUT', settings(), { ...valid, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    expect((await admin.get(settings())).json().offsets).toEqual([-10, 0, 3]);
    const again = await admin.request('PUT', settings(), { ...valid, version: 1 });
    expect(again.json()).toMatchObject({ offsets: [-3, 1], version: 2 });
    const audit = rowsOf<{ summary: string }>(
      await t.database.system.execute(sql`select summary from audit_entry where entity_type = 'reminder_setting' and commune_id = ${w.a.id} order by id`),
    );
    expect(audit.map((a) => a.summary)).toEqual(['Sửa cấu hình nhắc hạn (phiên bản 1)', 'Sửa cấu hình nhắc hạn (phiên bản 2)']);
  });

  it('refuses bad settings with Vietnamese messages naming the field, and writes nothing', async () => {
    const put = (body: object) => admin.request('PUT', settings(), { ...valid, version: 2, ...body });
    const cases: [object, RegExp][] = [
      [{ offsets: [61] }, /từ -60 đến 60/u],
      [{ offsets: [-61] }, /từ -60 đến 60/u],
      [{ offsets: [1.5] }, /số nguyên/u],
      [{ offsets: [1, 1] }, /không được trùng/u],
      [{ offsets: [-10, -9, -8, -7, -6, -5, -4, -3, -2, -1, 1] }, /Tối đa 10 mốc/u],
      [{ offsets: ['mot'] }, /phải là một số/u],
      [{ channels: [] }, /ít nhất một kênh/u],
      [{ channels: ['fax'] }, /Kênh thông báo không hợp lệ/u],
      [{ channels: ['in_app', 'sms'] }, /Tin nhắn SMS.*chưa được cấu hình/u],
      [{ version: -1 }, /./u],
    ];
    for (const [body, message] of cases) {
      const res = await put(body);
      expect([JSON.stringify(body), res.statusCode]).toEqual([JSON.stringify(body), 400]);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toMatch(message);
      expect(res.json().error.details?.[0]?.field).toMatch(/offsets|channels|version/u);
    }
    expect((await admin.get(settings())).json()).toMatchObject({ offsets: [-3, 1], version: 2 });
  });

  it('e-mail cannot be chosen while the server has no SMTP', async () => {
    const actor = (await resolveSession(t.database.db, admin.token, 120))!;
    const noMail = new ChannelRegistry();
    expect((await getReminderSettings({ db: t.database.db, actor, communeId: w.a.id, channels: noMail })).availableChannels).toEqual(['in_app']);
    const refused = updateReminderSettings({ db: t.database.db, actor, meta: {}, communeId: w.a.id, input: { ...valid, version: 2 }, channels: noMail });
    await expect(refused).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('"Thư điện tử" chưa được cấu hình') });
    expect((await admin.get(settings())).json().version).toBe(2);
  });

  it('other communes are hidden (404) and other roles refused (403) on every commune route', async () => {
    const c = await loginAs(t, 'c.admin', PASSWORD);
    const routes: [string, string, object?][] = [
      ['GET', 'reminder-settings'],
      ['PUT', 'reminder-settings', { ...valid, version: 2 }],
      ['GET', 'outbox'],
      ['POST', 'reminders/run', {}],
    ];
    for (const [method, path, body] of routes) {
      expect([method, path, (await c.request(method, `/api/communes/${w.a.id}/${path}`, body)).statusCode]).toEqual([method, path, 404]);
      expect([method, path, (await admin.request(method, `/api/communes/${w.c.id}/${path}`, body)).statusCode]).toEqual([method, path, 404]);
      expect([method, path, (await focal.request(method, `/api/communes/${w.a.id}/${path}`, body)).statusCode]).toEqual([method, path, 403]);
      expect([method, path, (await viewer.request(method, `/api/communes/${w.a.id}/${path}`, body)).statusCode]).toEqual([method, path, 403]);
    }
    expect((await admin.get(settings())).json().version).toBe(2);
  });

  it('"run now" plans and sends the commune\'s reminders once; the outbox lists them newest first', async () => {
    const doc = (await admin.get(`/api/plan-template?communeId=${w.a.id}`)).json();
    const p = (await admin.post(`/api/communes/${w.a.id}/plans`, { doc: confirmReviews(doc), source: 'template' })).json();
    expect((await admin.post(`/api/communes/${w.a.id}/plans/${p.id}/publish`, { version: p.version, dryRun: false })).statusCode).toBe(200);
    const today = todayVn();
    await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
      await tx.update(dueItem).set({ dueDate: '2099-01-01' }).where(eq(dueItem.communeId, w.a.id));
      const [school] = await tx
        .select({ id: dueItem.id })
        .from(dueItem)
        .where(and(eq(dueItem.communeId, w.a.id), eq(dueItem.unitId, w.aSchool.id)))
        .limit(1);
      await tx
        .update(dueItem)
        .set({ dueDate: addDays(today, 3) })
        .where(eq(dueItem.id, school!.id));
    });
    const run = await admin.post(`/api/communes/${w.a.id}/reminders/run`);
    expect(run.statusCode).toBe(200);
    // Offsets [-3, 1]: the focal point (with e-mail) and the admin (without) in the app, one mail.
    expect(run.json()).toEqual({ notifications: 2, messages: 1, sent: 1, retrying: 0, failed: 0 });
    expect((await admin.post(`/api/communes/${w.a.id}/reminders/run`)).json()).toEqual({ notifications: 0, messages: 0, sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.subject).toContain('Còn 3 ngày đến hạn');
    const outbox = await admin.get(`/api/communes/${w.a.id}/outbox`);
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json()).toMatchObject({
      total: 1,
      items: [{ status: 'sent', attempts: 1, toAddress: 'focal@a.example.vn', recipientName: 'a.focal', channel: 'email', lastError: null }],
    });
    expect(outbox.json().items[0].messageId).toBe(smtp.received[0]!.messageId);
    expect((await admin.get(`/api/communes/${w.a.id}/outbox?status=pending`)).json().total).toBe(0);
    expect((await admin.get(`/api/communes/${w.a.id}/outbox?status=bogus`)).statusCode).toBe(400);
    const audit = rowsOf<{ n: number }>(
      await t.database.system.execute(sql`select count(*)::int as n from audit_entry where entity_type = 'reminder' and commune_id = ${w.a.id}`),
    );
    expect(audit[0]!.n).toBe(2);
  });

  it('in-app notifications are listed only to their user, and marking them read works', async () => {
    const mine = await focal.get('/api/notifications');
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ total: 1, unreadCount: 1 });
    const own = mine.json().items[0];
    expect(own).toMatchObject({ communeId: w.a.id, readAt: null, link: '/reports' });
    expect(own.title).toContain('Còn 3 ngày đến hạn');
    expect(own.body).toContain('Trường Tiểu học');
    const adminList = (await admin.get('/api/notifications')).json();
    expect(adminList.total).toBe(1);
    const adminsOwn = adminList.items[0];
    expect(adminsOwn.id).not.toBe(own.id);
    expect((await viewer.get('/api/notifications')).json()).toMatchObject({ total: 0, unreadCount: 0, items: [] });

    // Someone else's notification cannot be marked read by me.
    expect((await focal.post(`/api/notifications/${adminsOwn.id}/read`)).json()).toEqual({ updated: 0 });
    const [stillUnread] = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.select().from(notification).where(eq(notification.id, adminsOwn.id)));
    expect(stillUnread!.readAt).toBeNull();

    expect((await focal.post(`/api/notifications/${own.id}/read`)).json()).toEqual({ updated: 1 });
    expect((await focal.post(`/api/notifications/${own.id}/read`)).json()).toEqual({ updated: 0 });
    const after = (await focal.get('/api/notifications')).json();
    expect(after).toMatchObject({ total: 1, unreadCount: 0 });
    expect(after.items[0].readAt).not.toBeNull();
    expect((await focal.get('/api/notifications?unread=true')).json().total).toBe(0);
    expect((await focal.post('/api/notifications/not-a-uuid/read')).statusCode).toBe(400);

    expect((await admin.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await admin.get('/api/notifications')).json().unreadCount).toBe(0);
    const unread = await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.select().from(notification).where(isNull(notification.readAt)));
    expect(unread).toHaveLength(0);
  });

  it('a returned report tells its unit in the app and by mail, once; a commune without e-mail in its channels gets no mail', async () => {
    const planId = await publishTemplatePlan(admin, w.a.id);
    const r = await openReportVia(focal, w.a.id, await dueItemId(t.database.db, planId, w.aSchool.id, { kind: 'report', year: 2026 }));
    // The unit's submission is not what this test is about: put the report in 'submitted' directly.
    await inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
      tx
        .update(report)
        .set({ status: 'submitted', submittedAt: sql`now()` })
        .where(eq(report.id, r.id)),
    );
    const returned = await admin.post(`/api/communes/${w.a.id}/reports/${r.id}/return`, { version: r.version, comment: 'Bổ sung số liệu.' });
    expect(returned.statusCode).toBe(200);
    const mails = async () =>
      rowsOf<{ to_address: string; subject: string; body: string; status: string }>(
        await t.database.system.execute(
          sql`select to_address, subject, body, status from outbox_message where commune_id = ${w.a.id} and meta->>'kind' = 'workflow' order by created_at`,
        ),
      );
    expect(await mails()).toEqual([
      { to_address: 'focal@a.example.vn', subject: 'Báo cáo bị trả lại', body: expect.stringContaining(`/reports/${r.id}`), status: 'pending' },
    ]);
    // The mail is due from the moment of the return itself (the transition's now, as the report records it).
    const [stamps] = rowsOf<{ due: Date | string; at: Date | string }>(
      await t.database.system.execute(
        sql`select o.next_attempt_at as due, r.updated_at as at from outbox_message o, report r where o.commune_id = ${w.a.id} and o.meta->>'kind' = 'workflow' and r.id = ${r.id}`,
      ),
    );
    expect(new Date(stamps!.due).toISOString()).toBe(new Date(stamps!.at).toISOString());
    const bell = (await focal.get('/api/notifications')).json() as { items: { title: string; link: string }[] };
    expect(bell.items.some((n) => n.title === 'Báo cáo bị trả lại' && n.link === `/reports/${r.id}`)).toBe(true);
    // The outbox sender delivers it to the SMTP peer, with the stored Message-ID.
    expect((await admin.post(`/api/communes/${w.a.id}/reminders/run`)).statusCode).toBe(200);
    const got = smtp.received.filter((m) => m.subject === 'Báo cáo bị trả lại');
    expect(got).toHaveLength(1);
    expect(got[0]!.to).toEqual(['focal@a.example.vn']);
    expect(got[0]!.text).toContain(`/reports/${r.id}`);
    expect((await mails())[0]!.status).toBe('sent');
    // The same return retried is answered from the record: no second notice or mail.
    expect((await admin.post(`/api/communes/${w.a.id}/reports/${r.id}/return`, { version: r.version, comment: 'Bổ sung số liệu.' })).statusCode).toBe(200);
    expect(await mails()).toHaveLength(1);

    // With e-mail off in the commune's channels, a reopen tells the unit in the app only.
    const cur = (await admin.get(settings())).json() as { version: number };
    expect((await admin.request('PUT', settings(), { ...valid, channels: ['in_app'], version: cur.version })).statusCode).toBe(200);
    await inScope(t.database.db, SYSTEM_SCOPE, (tx) => tx.update(report).set({ status: 'accepted' }).where(eq(report.id, r.id)));
    const now = (await focal.get(`/api/communes/${w.a.id}/reports/${r.id}`)).json() as { version: number };
    expect((await admin.post(`/api/communes/${w.a.id}/reports/${r.id}/reopen`, { version: now.version, reason: 'Mở lại để sửa.' })).statusCode).toBe(200);
    expect(await mails()).toHaveLength(1);
  });
});
