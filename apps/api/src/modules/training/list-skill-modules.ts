import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { mayManage } from './training.policy';
import { modulesOf, settingsOf } from './training.store';
import { inTraining } from './training-context';

/** The skill modules of the commune (national and its own), marked when in the basic set. */
export async function listSkillModules(opts: { db: Db; actor: Actor; communeId: string }) {
  return inTraining({ ...opts, permission: 'training.read' }, async (tx) => {
    const basic = new Set((await settingsOf(tx, opts.communeId)).basicModules);
    const items = (await modulesOf(tx, opts.communeId)).map((m) => ({
      ...m,
      learnerGroups: m.learnerGroups as ('pupils' | 'residents' | 'officials' | 'workers')[],
      basic: basic.has(m.code),
    }));
    return { items, can: { manage: mayManage(opts.actor, opts.communeId) } };
  });
}
