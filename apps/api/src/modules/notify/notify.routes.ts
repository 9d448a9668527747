import {
  communeParams,
  notificationPage,
  notificationParams,
  notificationQuery,
  outboxPage,
  outboxQuery,
  readAllResult,
  reminderRunResult,
  reminderSettingsInput,
  reminderSettingsSchema,
} from '@tds/contracts';
import { actorOf, metaOf, type App, type Deps } from '../../platform/http';
import { notifyContext } from './channels';
import { useWorkflowMail } from './workflow-notice';
import { listNotifications } from './list-notifications';
import { markAllNotificationsRead } from './mark-all-notifications-read';
import { markNotificationRead } from './mark-notification-read';
import { listOutbox } from './outbox';
import { getReminderSettings } from './get-reminder-settings';
import { updateReminderSettings } from './update-reminder-settings';
import { runRemindersNow } from './run-reminders';

const tags = ['notify'];

/** Reminder settings, the outbox, "run reminders now", and the signed-in user's in-app notifications. */
export async function notifyRoutes(app: App, deps: Deps) {
  const { db } = deps;
  const ctx = notifyContext(deps.config);
  const { channels } = ctx;
  const releaseMail = useWorkflowMail(ctx);
  app.addHook('onClose', async () => {
    releaseMail();
    await channels.close();
  });
  const base = '/api/communes/:communeId';

  app.get(
    `${base}/reminder-settings`,
    {
      config: { access: 'notify.manage' },
      schema: { tags, summary: 'Cấu hình nhắc hạn của xã/phường (mặc định khi chưa lưu)', params: communeParams, response: { 200: reminderSettingsSchema } },
    },
    async (req) => getReminderSettings({ db, actor: actorOf(req), communeId: req.params.communeId, channels }),
  );

  app.put(
    `${base}/reminder-settings`,
    {
      config: { access: 'notify.manage' },
      schema: {
        tags,
        summary: 'Lưu cấu hình nhắc hạn (khóa lạc quan theo phiên bản)',
        params: communeParams,
        body: reminderSettingsInput,
        response: { 200: reminderSettingsSchema },
      },
    },
    async (req) => updateReminderSettings({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, input: req.body, channels }),
  );

  app.get(
    `${base}/outbox`,
    {
      config: { access: 'notify.manage' },
      schema: {
        tags,
        summary: 'Hộp thư đi: thư nhắc đã gửi, đang chờ, gửi lỗi (mới nhất trước)',
        params: communeParams,
        querystring: outboxQuery,
        response: { 200: outboxPage },
      },
    },
    async (req) => listOutbox({ db, actor: actorOf(req), communeId: req.params.communeId, query: req.query }),
  );

  app.post(
    `${base}/reminders/run`,
    {
      config: { access: 'notify.manage' },
      schema: {
        tags,
        summary: 'Lập nhắc hạn đến hôm nay và gửi thư đang chờ của xã/phường (không gửi trùng)',
        params: communeParams,
        response: { 200: reminderRunResult },
      },
    },
    async (req) => runRemindersNow({ db, actor: actorOf(req), meta: metaOf(req), communeId: req.params.communeId, ctx }),
  );

  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Thông báo trong ứng dụng của người đang đăng nhập', querystring: notificationQuery, response: { 200: notificationPage } },
    },
    async (req) => listNotifications({ db, actor: actorOf(req), query: req.query }),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Đánh dấu mọi thông báo là đã đọc', response: { 200: readAllResult } },
    },
    async (req) => markAllNotificationsRead({ db, actor: actorOf(req) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Đánh dấu một thông báo của mình là đã đọc', params: notificationParams, response: { 200: readAllResult } },
    },
    async (req) => markNotificationRead({ db, actor: actorOf(req), id: req.params.id }),
  );
}
