import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { unit } from '../org';
import { assertMayRecord } from './training.policy';
import { resident } from './training.table';
import { residentsWorkbook } from './residents-excel';
import { inTraining } from './training-context';

/** The residents the actor may see, as an .xlsx (the ID as its last four digits); every export is audited. */
export async function exportResidents(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string }): Promise<Buffer> {
  const { actor, communeId } = opts;
  const rows = await inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    assertMayRecord(reach);
    const list = await tx
      .select({ r: resident, village: unit.name })
      .from(resident)
      .innerJoin(unit, and(eq(unit.communeId, resident.communeId), eq(unit.id, resident.villageId)))
      .where(and(eq(resident.communeId, communeId), isNull(resident.mergedIntoId), reach.all ? undefined : inArray(resident.villageId, [...reach.villageIds])))
      .orderBy(sql`${unit.sortKey} collate "C"`, sql`${resident.sortKey} collate "C"`, asc(resident.id));
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'resident',
      communeId,
      summary: `Xuất danh sách ${list.length} người dân ra Excel`,
    });
    return list;
  });
  return residentsWorkbook(
    rows.map(({ r, village }) => ({
      fullName: r.fullName,
      birthYear: r.birthYear,
      gender: r.gender,
      village,
      phone: r.phone,
      learnerGroup: r.learnerGroup,
      idLast4: r.idLast4,
    })),
  );
}
