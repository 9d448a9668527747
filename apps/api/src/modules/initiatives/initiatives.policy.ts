import type { Initiative, Recognition } from '@tds/contracts';
import type { Actor } from '../../platform/actor';
import { can, canInCommune, type Resource } from '../../platform/authorize';

/** What writing an initiative of the unit at `unitPath` is checked against (the unit roles: their own subtree). */
export const initiativeResource = (communeId: string, unitPath: string | null): Resource => ({ communeId, unitPath });

/** What `actor` may do with an initiative of the unit at `unitPath` (recognitions are the commune's: admin and chairman). */
export function initiativeAbilities(actor: Actor, communeId: string, unitPath: string, recognitions: number): Initiative['can'] {
  const write = can(actor, 'initiative.write', initiativeResource(communeId, unitPath));
  return { edit: write, delete: write && recognitions === 0, recognize: can(actor, 'initiative.recognize', { communeId }), attach: write };
}

export const recognitionAbilities = (actor: Actor, communeId: string): Recognition['can'] => ({ delete: can(actor, 'initiative.recognize', { communeId }) });

/** What `actor` may do on the commune's register: add an initiative (a unit role for its own units). */
export const initiativeListAbilities = (actor: Actor, communeId: string) => ({ create: canInCommune(actor, 'initiative.write', communeId) });
