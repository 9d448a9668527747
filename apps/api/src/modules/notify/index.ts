/** Reminders (in-app and e-mail, through an outbox) and notifications: the module's face. */
import type { Job, ModuleManifest } from '../../platform/module';
import { notifyContext } from './channels';
import { notifyRunCommand } from './notify-command';
import * as notifyTables from './notify.table';
import { notifyRoutes } from './notify.routes';
import { startReminderJob } from './reminder-job';
import { notifyTransition } from './workflow-notice';

/** Plan and send reminders every REMINDER_INTERVAL_SECONDS; a lease in job_lock lets one instance run at a time. */
const reminderJob: Job = {
  name: 'reminders',
  intervalSeconds: (config) => config.REMINDER_INTERVAL_SECONDS,
  start: ({ db, config, log }) => startReminderJob({ db, ctx: notifyContext(config), intervalSeconds: config.REMINDER_INTERVAL_SECONDS, log }),
};

export const manifest: ModuleManifest = {
  name: 'notify',
  routes: notifyRoutes,
  tables: notifyTables,
  permissions: ['notify.manage'],
  jobs: [reminderJob],
  cli: [notifyRunCommand],
  notifiers: [notifyTransition],
  matrix: async () => [(await import('./notify.matrix')).notifyMatrix],
};
