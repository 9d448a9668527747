import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import type { ChannelRegistry } from './channels';
import { mapReminderSettings } from './reminder-settings.mapper';
import { loadSettings } from './settings-store';

/** A commune's reminder settings (the defaults until saved), with the channels this server can deliver. */
export async function getReminderSettings(opts: { db: Db; actor: Actor; communeId: string; channels: ChannelRegistry }) {
  const { db, actor, communeId } = opts;
  authorize(actor, 'notify.manage', { communeId });
  return inScope(db, actor.scope, async (tx) => mapReminderSettings(communeId, await loadSettings(tx, communeId), opts.channels));
}
