import { clockNow } from '@tds/contracts';
import { safeError } from '../../platform/safe-error';
import type { Db } from '../../db/client';
import type { NotifyContext } from './channels';
import { deliverOutbox, type DeliveryCounts } from './deliver-outbox';
import { acquireLease, newHolder, releaseLease } from './job-lock';
import { planReminders, type PlanCounts } from './plan-reminders';

/** Name of the reminder job's lease in job_lock. */
export const REMINDER_JOB = 'reminders';
const LEASE_SECONDS = 600;

export interface ReminderJobDeps {
  db: Db;
  ctx: NotifyContext;
  /** The moment to plan for (tests move it); defaults to now. */
  now?: Date;
  /** Lease holder name; a fresh one per run by default. */
  holder?: string;
}

export interface ReminderJobResult {
  /** False when another instance held the lease: this run did nothing. */
  ran: boolean;
  planned: PlanCounts;
  delivered: DeliveryCounts;
}

/**
 * One run of the reminder job: take the lease (only one instance runs at a time), plan the
 * reminders due now, deliver the outbox, give the lease back.
 */
export async function runReminderJob(deps: ReminderJobDeps): Promise<ReminderJobResult> {
  const { db, ctx } = deps;
  const now = deps.now ?? clockNow();
  const holder = deps.holder ?? newHolder();
  const idle: ReminderJobResult = { ran: false, planned: { notifications: 0, messages: 0 }, delivered: { sent: 0, retrying: 0, failed: 0 } };
  if (!(await acquireLease(db, REMINDER_JOB, holder, LEASE_SECONDS))) return idle;
  try {
    const planned = await planReminders(db, now, ctx);
    const delivered = await deliverOutbox(db, ctx.channels, now, { maxAttempts: ctx.maxAttempts });
    return { ran: true, planned, delivered };
  } finally {
    await releaseLease(db, REMINDER_JOB, holder);
  }
}

interface JobLog {
  info(msg: string): void;
  error(obj: unknown, msg: string): void;
}

export interface ReminderTimer {
  /** Stop scheduling, wait for a run in progress, close the channels' connections. */
  stop(): Promise<void>;
}

/** Run the reminder job now and then every `intervalSeconds` (never two runs of this process at once). */
export function startReminderJob(opts: { db: Db; ctx: NotifyContext; intervalSeconds: number; log: JobLog }): ReminderTimer {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = runReminderJob({ db: opts.db, ctx: opts.ctx })
      .then((r) => {
        if (r.ran && (r.planned.notifications || r.planned.messages || r.delivered.sent || r.delivered.retrying || r.delivered.failed)) {
          const { planned: p, delivered: d } = r;
          opts.log.info(`Nhắc hạn: ${p.notifications} thông báo, ${p.messages} thư mới; gửi ${d.sent}, chờ thử lại ${d.retrying}, thất bại ${d.failed}`);
        }
      })
      .catch((err: unknown) => opts.log.error({ err: safeError(err) }, 'Nhắc hạn: lần chạy bị lỗi, sẽ thử lại ở lần sau'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalSeconds * 1000).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
      opts.ctx.channels.close();
    },
  };
}
