import type { z } from 'zod';
import type { residentCheckInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertVillage } from './training.policy';
import { findDuplicates, nameKeyOf, nationalIdHash, unitOfKind } from './training.store';
import { inTraining } from './training-context';
import { idKeyOrRefuse, VILLAGE_MESSAGE } from './create-resident';

/** The residents a new entry may duplicate, offered for choosing or merging while it is typed. */
export async function findResidentDuplicates(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  input: z.infer<typeof residentCheckInput>;
  idKey: string | undefined;
}) {
  const { communeId, input } = opts;
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const village = await unitOfKind(tx, communeId, input.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    assertVillage(reach, village.id);
    const items = await findDuplicates(tx, communeId, {
      idHash: input.nationalId ? nationalIdHash(idKeyOrRefuse(opts.idKey), input.nationalId) : null,
      nameKey: nameKeyOf(input.fullName),
      birthYear: input.birthYear,
      villageId: village.id,
      phone: input.phone || null,
      exceptId: input.exceptId,
    });
    return { items };
  });
}
