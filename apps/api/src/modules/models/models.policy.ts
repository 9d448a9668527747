import { modelWorkflow, MODEL_PHOTO_LIMIT, type Model } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { can, canInCommune } from '../../platform/authorize';
import { abilitiesOf } from '../../platform/workflow';
import type { ModelRow } from './models.table';

/** What a model's unit roles are checked against: the model's unit (a unit role: its own subtree). */
export const modelResource = (communeId: string, unitPath: string) => ({ communeId, unitPath });

/** What `actor` may do with a model now, from the workflow (and its photos: while it may be edited). */
export function modelAbilities(actor: Actor, row: Pick<ModelRow, 'communeId' | 'status'>, unitPath: string, photos: number): Model['can'] {
  const wf = abilitiesOf(actor, modelWorkflow, row, { unitPath });
  const write = can(actor, 'model.write', modelResource(row.communeId, unitPath));
  return {
    update: wf.update,
    publish: wf.publish,
    unpublish: wf.unpublish,
    delete: write && row.status === 'draft',
    addPhoto: write && photos < MODEL_PHOTO_LIMIT,
  };
}

/** May the actor remove a photo of the model: whoever may edit the model's unit's records. */
export const mayEditPhotos = (actor: Actor, communeId: string, unitPath: string) => can(actor, 'model.write', modelResource(communeId, unitPath));

/** What `actor` may do on the commune's list: record a model (a unit role for its own units), export the yearly list. */
export const modelListAbilities = (actor: Actor, communeId: string) => ({
  create: canInCommune(actor, 'model.write', communeId),
  export: can(actor, 'model.publish', { communeId }),
});
