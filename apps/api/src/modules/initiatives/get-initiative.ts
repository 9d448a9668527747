import type { Initiative } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { can } from '../../platform/authorize';
import { initiativeAbilities, recognitionAbilities } from './initiatives.policy';
import { mapInitiativeSummary, mapRecognition } from './initiatives.mapper';
import { authorsOf, filesOf, loadInitiative, recognitionsOf, recognitionTotals } from './initiatives.store';
import { inCommune } from './initiatives-context';

/** One initiative as the wire has it: authors, effects, recognitions, attachments and what the actor may do. */
export async function initiativeDetail(tx: Tx, actor: Actor, communeId: string, id: string): Promise<Initiative> {
  const { i, unitName, unitPath } = await loadInitiative(tx, communeId, id);
  const [authors, totals, recognitions, files] = [
    (await authorsOf(tx, communeId, [id])).get(id) ?? [],
    (await recognitionTotals(tx, communeId, [id])).get(id),
    await recognitionsOf(tx, communeId, id),
    await filesOf(tx, communeId, id),
  ];
  const abilities = initiativeAbilities(actor, communeId, unitPath, recognitions.length);
  const recCan = recognitionAbilities(actor, communeId);
  return {
    ...mapInitiativeSummary(i, unitName, authors, totals),
    description: i.description,
    effects: i.effects.map((e) => ({ kind: e.kind, text: e.text, amount: e.amount ?? null })),
    recognitions: recognitions.map((r) => mapRecognition(r, recCan)),
    files: files.map((f) => ({
      id: f.row.id,
      name: f.name,
      mime: f.mime,
      size: f.size,
      createdAt: f.row.createdAt.toISOString(),
      can: { delete: can(actor, 'initiative.write', { communeId, unitPath }) },
    })),
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    can: abilities,
  };
}

/** One initiative of the commune, for whoever reads the register. */
export async function getInitiative(opts: { db: Db; actor: Actor; communeId: string; id: string }): Promise<Initiative> {
  return inCommune({ ...opts, permission: 'initiative.read' }, (tx) => initiativeDetail(tx, opts.actor, opts.communeId, opts.id));
}
