import type { ReminderSettings } from '@tds/contracts';
import type { ChannelRegistry } from './channels';
import type { StoredSettings } from './settings-store';

/** A commune's stored reminder settings as the API answers them (pure: no query). */
export function mapReminderSettings(communeId: string, s: StoredSettings, channels: ChannelRegistry): ReminderSettings {
  const available = channels.available();
  // Until first saved, the defaults offer only what this server can deliver (no e-mail without SMTP).
  const chosen = s.version === 0 ? s.channels.filter((c) => available.includes(c)) : s.channels;
  return {
    communeId,
    offsets: s.offsets,
    channels: chosen,
    notifyFocalPoints: s.notifyFocalPoints,
    notifyAdmins: s.notifyAdmins,
    enabled: s.enabled,
    version: s.version,
    updatedAt: s.updatedAt?.toISOString() ?? null,
    availableChannels: available,
  };
}
