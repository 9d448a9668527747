import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { mayManage } from './training.policy';
import { settingsOf } from './training.store';
import { inTraining } from './training-context';

export async function getTrainingSettings(opts: { db: Db; actor: Actor; communeId: string }) {
  return inTraining({ ...opts, permission: 'training.read' }, async (tx) => ({
    ...(await settingsOf(tx, opts.communeId)),
    can: { manage: mayManage(opts.actor, opts.communeId) },
  }));
}
