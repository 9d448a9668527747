import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { formatDateVi, type sessionExportQuery } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { unit } from '../org';
import { modulesOf } from './training.store';
import { trainingSession } from './training.table';
import { listWorkbook } from './training-records-excel';
import { inTraining } from './training-context';

/** The sessions (the list's filters, all pages) as an .xlsx: date, time, village, team, place, modules by name, trainers, attendees. Audited. */
export async function exportSessions(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; query: z.infer<typeof sessionExportQuery> }) {
  const { actor, communeId, query } = opts;
  const { rows, teams, names } = await inTraining({ ...opts, permission: 'training.read' }, async (tx, { teams }) => {
    const rows = await tx
      .select({
        s: trainingSession,
        village: unit.name,
        attendees: sql<number>`(select count(*)::int from attendance a where a.commune_id = ${trainingSession.communeId} and a.session_id = ${trainingSession.id})`,
      })
      .from(trainingSession)
      .innerJoin(unit, and(eq(unit.communeId, trainingSession.communeId), eq(unit.id, trainingSession.villageId)))
      .where(
        and(
          eq(trainingSession.communeId, communeId),
          query.year ? sql`${trainingSession.date} between ${`${query.year}-01-01`}::date and ${`${query.year}-12-31`}::date` : undefined,
          query.villageId ? eq(trainingSession.villageId, query.villageId) : undefined,
          query.teamId ? eq(trainingSession.teamId, query.teamId) : undefined,
        ),
      )
      .orderBy(desc(trainingSession.date), desc(trainingSession.createdAt));
    const names = new Map((await modulesOf(tx, communeId)).map((m) => [m.code, m.name]));
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'training_session',
      communeId,
      summary: `Xuất danh sách ${rows.length} buổi hướng dẫn${query.year ? ` năm ${query.year}` : ''} ra Excel`,
    });
    return { rows, teams, names };
  });
  const teamName = new Map(teams.map((t) => [t.unit.id, t.unit.name]));
  return listWorkbook([
    {
      name: 'Buổi hướng dẫn',
      columns: [
        { header: 'Ngày', width: 12 },
        { header: 'Giờ bắt đầu', width: 10 },
        { header: 'Thôn, tổ dân phố', width: 22 },
        { header: 'Tổ công nghệ số cộng đồng', width: 28 },
        { header: 'Địa điểm', width: 26 },
        { header: 'Học phần', width: 60 },
        { header: 'Người hướng dẫn', width: 28 },
        { header: 'Số người tham dự', width: 12, numeric: true },
      ],
      rows: rows.map(({ s, village, attendees }) => [
        formatDateVi(s.date),
        s.startTime,
        village,
        teamName.get(s.teamId) ?? '',
        s.place,
        s.moduleCodes.map((c) => names.get(c) ?? c).join('; '),
        s.trainers.join('; '),
        Number(attendees),
      ]),
    },
  ]);
}
