import { MODEL_PHOTO_LIMIT, type Model } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { fileMeta } from '../files';
import { mayEditPhotos, modelAbilities } from './models.policy';
import { mapModelSummary } from './models.mapper';
import { loadModel, photosOf } from './models.store';
import { inModels } from './models-context';

/** One model as the wire has it: its story, photos and what the actor may do with it now. */
export async function modelDetail(tx: Tx, actor: Actor, communeId: string, id: string): Promise<Model> {
  const { m, unitName, unitPath, personName } = await loadModel(tx, communeId, id);
  const photos = await photosOf(tx, communeId, id);
  const editPhotos = mayEditPhotos(actor, communeId, unitPath);
  const out = [];
  for (const p of photos) {
    const f = await fileMeta(tx, communeId, p.fileId);
    out.push({
      id: p.id,
      mime: f?.mime ?? 'application/octet-stream',
      size: f?.size ?? 0,
      width: p.width,
      height: p.height,
      caption: p.caption,
      createdAt: p.createdAt.toISOString(),
      can: { delete: editPhotos },
    });
  }
  return {
    ...mapModelSummary(m, unitName, personName, photos.length),
    story: m.story,
    planId: m.planId,
    contentOrder: m.contentOrder,
    photos: out,
    photoLimit: MODEL_PHOTO_LIMIT,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
    can: modelAbilities(actor, m, unitPath, photos.length),
  };
}

/** One model of the commune, for whoever reads the models. */
export async function getModel(opts: { db: Db; actor: Actor; communeId: string; id: string }): Promise<Model> {
  return inModels({ ...opts, permission: 'model.read' }, (tx) => modelDetail(tx, opts.actor, opts.communeId, opts.id));
}
