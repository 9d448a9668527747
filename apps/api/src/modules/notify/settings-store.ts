import { eq } from 'drizzle-orm';
import { defaultReminderOffsets } from '@tds/contracts';
import type { Executor } from '../../db/client';
import { reminderSetting } from './notify.table';

/** A commune's reminder settings; `version` 0 when never saved (the defaults apply). */
export interface StoredSettings {
  offsets: number[];
  channels: string[];
  notifyFocalPoints: boolean;
  notifyAdmins: boolean;
  enabled: boolean;
  version: number;
  updatedAt: Date | null;
}

/** What applies to a commune that never saved its settings. */
export const DEFAULT_SETTINGS: StoredSettings = {
  offsets: defaultReminderOffsets,
  channels: ['in_app', 'email'],
  notifyFocalPoints: true,
  notifyAdmins: true,
  enabled: true,
  version: 0,
  updatedAt: null,
};

/** The commune's saved settings, or the defaults. */
export async function loadSettings(tx: Executor, communeId: string): Promise<StoredSettings> {
  const [row] = await tx.select().from(reminderSetting).where(eq(reminderSetting.communeId, communeId));
  if (!row) return { ...DEFAULT_SETTINGS, offsets: [...DEFAULT_SETTINGS.offsets], channels: [...DEFAULT_SETTINGS.channels] };
  return {
    offsets: row.offsets,
    channels: row.channels,
    notifyFocalPoints: row.notifyFocalPoints,
    notifyAdmins: row.notifyAdmins,
    enabled: row.enabled,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
