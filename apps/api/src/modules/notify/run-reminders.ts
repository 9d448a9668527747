import { clockNow } from '@tds/contracts';
import type { ReminderRunResult } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import type { NotifyContext } from './channels';
import { deliverOutbox } from './deliver-outbox';
import { planReminders } from './plan-reminders';

/**
 * "Send reminders now" for one commune: plan what is due today (never repeating a reminder already
 * planned) and deliver the commune's waiting messages. Audited.
 */
export async function runRemindersNow(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  ctx: NotifyContext;
  now?: Date;
}): Promise<ReminderRunResult> {
  const { db, actor, communeId, ctx } = opts;
  authorize(actor, 'notify.manage', { communeId });
  const now = opts.now ?? clockNow();
  const planned = await planReminders(db, now, ctx, { communeId });
  const delivered = await deliverOutbox(db, ctx.channels, now, { communeId, maxAttempts: ctx.maxAttempts });
  const result = { ...planned, ...delivered };
  await inScope(db, actor.scope, (tx) =>
    writeAudit(tx, actor, opts.meta, {
      action: 'run',
      entityType: 'reminder',
      entityId: communeId,
      communeId,
      summary: `Chạy nhắc hạn: ${planned.notifications} thông báo mới, ${planned.messages} thư mới, đã gửi ${delivered.sent}`,
      after: result,
    }),
  );
  return result;
}
