import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Roster } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVillage } from './training.policy';
import { unitOfKind } from './training.store';
import { resident } from './training.table';
import { VILLAGE_MESSAGE } from './create-resident';
import { inTraining } from './training-context';

/**
 * A village's roster for the offline attendance screen, as compact as it can be: id, name, birth
 * year and gender initial per resident. Taking a roster to a phone is a bulk copy of personal data:
 * it is audited.
 */
export async function getRoster(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; villageId: string }): Promise<Roster> {
  const { communeId } = opts;
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const v = await unitOfKind(tx, communeId, opts.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    assertVillage(reach, v.id);
    const rows = await tx
      .select({ id: resident.id, fullName: resident.fullName, birthYear: resident.birthYear, gender: resident.gender })
      .from(resident)
      .where(and(eq(resident.communeId, communeId), eq(resident.villageId, v.id), isNull(resident.mergedIntoId)))
      .orderBy(sql`${resident.sortKey} collate "C"`, asc(resident.id));
    const residents = rows.map((r) => [r.id, r.fullName, r.birthYear, r.gender[0]!] as [string, string, number, string]);
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'export',
      entityType: 'resident',
      communeId,
      summary: `Tải danh sách ${rows.length} người dân ${v.name} để điểm danh ngoại tuyến`,
    });
    return { villageId: v.id, version: createHash('sha256').update(JSON.stringify(residents)).digest('base64url').slice(0, 16), residents };
  });
}
