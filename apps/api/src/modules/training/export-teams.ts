import { and, eq, inArray, sql } from 'drizzle-orm';
import { formatDateVi } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { roleAssignment } from '../users';
import { villagesOf } from './training.store';
import { listWorkbook } from './training-records-excel';
import { inTraining } from './training-context';

/** The community digital teams as an .xlsx: name, belongs to, founding decision (number, date), villages served, members. Audited. */
export async function exportTeams(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string }) {
  const { actor, communeId } = opts;
  const { teams, names, members } = await inTraining({ ...opts, permission: 'training.read' }, async (tx, { teams }) => {
    const names = new Map((await villagesOf(tx, communeId)).map((v) => [v.id, v.name]));
    const ids = teams.map((t) => t.unit.id);
    const members = new Map(
      (ids.length
        ? await tx
            .select({ unitId: roleAssignment.unitId, n: sql<number>`count(distinct ${roleAssignment.userId})::int` })
            .from(roleAssignment)
            .where(and(eq(roleAssignment.communeId, communeId), inArray(roleAssignment.unitId, ids)))
            .groupBy(roleAssignment.unitId)
        : []
      ).map((m) => [m.unitId, Number(m.n)]),
    );
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'training_team',
      communeId,
      summary: `Xuất danh sách ${teams.length} Tổ công nghệ số cộng đồng ra Excel`,
    });
    return { teams, names, members };
  });
  return listWorkbook([
    {
      name: 'Tổ công nghệ số cộng đồng',
      columns: [
        { header: 'Tên tổ', width: 32 },
        { header: 'Trực thuộc', width: 24 },
        { header: 'Số quyết định thành lập', width: 20 },
        { header: 'Ngày quyết định', width: 14 },
        { header: 'Thôn, tổ dân phố phụ trách', width: 40 },
        { header: 'Số thành viên', width: 12, numeric: true },
      ],
      rows: teams.map((t) => [
        t.unit.name,
        t.parentName,
        t.decisionNo,
        formatDateVi(t.decisionDate),
        t.villageIds
          .filter((id) => names.has(id))
          .map((id) => names.get(id)!)
          .join('; '),
        members.get(t.unit.id) ?? 0,
      ]),
    },
  ]);
}
