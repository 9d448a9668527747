import type { z } from 'zod';
import { cleanText, type personInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { person } from './people.table';
import { personResource } from './people.policy';
import { mapPerson, personRecord } from './people.mapper';
import { keys, unitFor } from './people.store';

/** Add a person to a unit. A unit focal point may add people only in their own unit's subtree. */
export async function createPerson(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof personInput> }) {
  const { db, actor, communeId, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const u = await unitFor(tx, communeId, input.unitId);
    authorize(actor, 'person.write', personResource(communeId, u.path));
    const fullName = cleanText(input.fullName);
    const position = input.position ? cleanText(input.position) : null;
    const [row] = await tx
      .insert(person)
      .values({ communeId, unitId: u.id, fullName, gender: input.gender ?? null, birthYear: input.birthYear ?? null, position, ...keys(fullName, position) })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'person',
      entityId: row!.id,
      communeId,
      summary: `Thêm cá nhân ${fullName} (${u.name})`,
      after: personRecord(row!, u.name),
    });
    return mapPerson(actor, row!, u);
  });
}
