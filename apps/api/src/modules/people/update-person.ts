import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, type personUpdateInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { person } from './people.table';
import { personResource } from './people.policy';
import { mapPerson, personRecord } from './people.mapper';
import { keys, loadPerson, unitFor } from './people.store';

/** Edit or move a person, with optimistic locking. */
export async function updatePerson(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof personUpdateInput>;
  now?: Date;
}) {
  const { db, actor, communeId, id, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadPerson(tx, communeId, id);
    authorize(actor, 'person.write', personResource(communeId, cur.unitPath));
    if (cur.p.version !== input.version) throw new AppError('STALE_VERSION');
    const u = input.unitId && input.unitId !== cur.p.unitId ? await unitFor(tx, communeId, input.unitId) : null;
    if (u) authorize(actor, 'person.write', personResource(communeId, u.path));
    const fullName = input.fullName !== undefined ? cleanText(input.fullName) : cur.p.fullName;
    const position = input.position !== undefined ? (input.position ? cleanText(input.position) : null) : cur.p.position;
    const [row] = await tx
      .update(person)
      .set({
        fullName,
        position,
        ...keys(fullName, position),
        unitId: u?.id ?? cur.p.unitId,
        gender: input.gender !== undefined ? input.gender : cur.p.gender,
        birthYear: input.birthYear !== undefined ? input.birthYear : cur.p.birthYear,
        active: input.active ?? cur.p.active,
        version: sql`${person.version} + 1`,
        updatedAt: opts.now ?? clockNow(),
      })
      .where(and(eq(person.communeId, communeId), eq(person.id, id), eq(person.version, input.version)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    const unitNow = u ?? { name: cur.unitName, path: cur.unitPath };
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'person',
      entityId: id,
      communeId,
      summary: `Sửa cá nhân ${fullName}`,
      before: personRecord(cur.p, cur.unitName),
      after: personRecord(row, unitNow.name),
    });
    return mapPerson(actor, row, unitNow);
  });
}
