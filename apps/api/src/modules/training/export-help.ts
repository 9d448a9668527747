import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatDateVi, helpTypeLabelsVi, type helpExportQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { unit } from '../org';
import { assertMayRecord } from './training.policy';
import { helpLog, resident } from './training.table';
import { listWorkbook } from './training-records-excel';
import { inTraining } from './training-context';

/**
 * The help log as an .xlsx (it names residents: for the teams, their villages only, and the commune
 * admin): date, village, team, kind, who, how many, note. Audited.
 */
export async function exportHelp(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; query: z.infer<typeof helpExportQuery> }) {
  const { actor, communeId, query } = opts;
  const { rows, teams } = await inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach, teams }) => {
    assertMayRecord(reach);
    const rows = await tx
      .select({ h: helpLog, village: unit.name, who: resident.fullName })
      .from(helpLog)
      .innerJoin(unit, and(eq(unit.communeId, helpLog.communeId), eq(unit.id, helpLog.villageId)))
      .leftJoin(resident, and(eq(resident.communeId, helpLog.communeId), eq(resident.id, helpLog.residentId)))
      .where(
        and(
          eq(helpLog.communeId, communeId),
          reach.all ? undefined : inArray(helpLog.villageId, [...reach.villageIds]),
          query.year ? sql`${helpLog.date} between ${`${query.year}-01-01`}::date and ${`${query.year}-12-31`}::date` : undefined,
        ),
      )
      .orderBy(desc(helpLog.date), desc(helpLog.createdAt));
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'help_log',
      communeId,
      summary: `Xuất sổ hỗ trợ người dân (${rows.length} dòng${query.year ? `, năm ${query.year}` : ''}) ra Excel`,
    });
    return { rows, teams };
  });
  const teamName = new Map(teams.map((t) => [t.unit.id, t.unit.name]));
  return listWorkbook([
    {
      name: 'Hỗ trợ người dân',
      columns: [
        { header: 'Ngày', width: 12 },
        { header: 'Thôn, tổ dân phố', width: 22 },
        { header: 'Tổ công nghệ số cộng đồng', width: 28 },
        { header: 'Nội dung hỗ trợ', width: 40 },
        { header: 'Người dân được hỗ trợ', width: 26 },
        { header: 'Số người', width: 10, numeric: true },
        { header: 'Ghi chú', width: 40 },
      ],
      rows: rows.map(({ h, village, who }) => [
        formatDateVi(h.date),
        village,
        teamName.get(h.teamId) ?? '',
        helpTypeLabelsVi[h.type as keyof typeof helpTypeLabelsVi] ?? h.type,
        who ?? '',
        h.count,
        h.note,
      ]),
    },
  ]);
}
