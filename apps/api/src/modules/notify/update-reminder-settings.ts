import { and, eq } from 'drizzle-orm';
import { notifyChannelLabelsVi, type NotifyChannelName, type ReminderSettingsInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import type { ChannelRegistry } from './channels';
import { reminderSetting } from './notify.table';
import { loadSettings, type StoredSettings } from './settings-store';

import { mapReminderSettings } from './reminder-settings.mapper';

/** Refuse channels this server cannot deliver (SMS before it is set up, e-mail without SMTP). */
function assertChannels(channels: readonly string[], registry: ChannelRegistry): void {
  const available = registry.available();
  const details = channels
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !available.includes(c))
    .map(({ c, i }) => ({ field: `channels.${i}`, message: `Kênh "${notifyChannelLabelsVi[c as NotifyChannelName] ?? c}" chưa được cấu hình trên máy chủ.` }));
  if (details.length) throw new AppError('VALIDATION_FAILED', `Kênh thông báo: ${details[0]!.message}`, details);
}

/** Save a commune's reminder settings (optimistic locking on `version`; 0 = first save), audited. */
export async function updateReminderSettings(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: ReminderSettingsInput;
  channels: ChannelRegistry;
  now?: Date;
}) {
  const { db, actor, communeId, input } = opts;
  authorize(actor, 'notify.manage', { communeId });
  assertChannels(input.channels, opts.channels);
  return inScope(db, actor.scope, async (tx) => {
    const before = await loadSettings(tx, communeId);
    if (before.version !== input.version) throw new AppError('STALE_VERSION');
    const values = {
      offsets: [...input.offsets].sort((a, b) => a - b),
      channels: input.channels,
      notifyFocalPoints: input.notifyFocalPoints,
      notifyAdmins: input.notifyAdmins,
      enabled: input.enabled,
      version: input.version + 1,
      updatedBy: actor.userId,
      updatedAt: opts.now ?? clockNow(),
    };
    const saved =
      input.version === 0
        ? await tx
            .insert(reminderSetting)
            .values({ communeId, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(reminderSetting)
            .set(values)
            .where(and(eq(reminderSetting.communeId, communeId), eq(reminderSetting.version, input.version)))
            .returning();
    if (!saved.length) throw new AppError('STALE_VERSION');
    const after = await loadSettings(tx, communeId);
    const summary = (s: StoredSettings) => ({
      offsets: s.offsets,
      channels: s.channels,
      notifyFocalPoints: s.notifyFocalPoints,
      notifyAdmins: s.notifyAdmins,
      enabled: s.enabled,
      version: s.version,
    });
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'reminder_setting',
      entityId: communeId,
      communeId,
      summary: `Sửa cấu hình nhắc hạn (phiên bản ${after.version})`,
      before: summary(before),
      after: summary(after),
    });
    return mapReminderSettings(communeId, after, opts.channels);
  });
}
