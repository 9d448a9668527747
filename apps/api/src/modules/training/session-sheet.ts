import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { commune } from '../org';
import { modulesOf } from './training.store';
import { resident } from './training.table';
import { inTraining } from './training-context';
import { sessionDetail } from './get-session';
import { attendanceSheetPdf } from './training-pdf';

/** The session's entry link (the QR on the printed sheet opens it). */
export const sessionPath = (id: string) => `/training/sessions/${id}`;

/**
 * The printable attendance sheet of a session (A4): the village's roster with a column to sign and
 * empty lines, and a QR code of the session's entry link, so a class with no signal is held on paper
 * and entered later. A roster is personal data: printing it is audited.
 */
export async function sessionSheet(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; baseUrl: string }) {
  const { communeId } = opts;
  const data = await inTraining({ ...opts, permission: 'training.record' }, async (tx, ctx) => {
    const s = await sessionDetail(tx, communeId, opts.id, ctx);
    const roster = await tx
      .select({ id: resident.id, fullName: resident.fullName, birthYear: resident.birthYear, gender: resident.gender })
      .from(resident)
      .where(and(eq(resident.communeId, communeId), eq(resident.villageId, s.villageId), isNull(resident.mergedIntoId)))
      .orderBy(sql`${resident.sortKey} collate "C"`, asc(resident.id));
    const [cm] = await tx.select({ name: commune.name }).from(commune).where(eq(commune.id, communeId));
    const names = new Map((await modulesOf(tx, communeId)).map((m) => [m.code, m.name]));
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'export',
      entityType: 'attendance',
      entityId: s.id,
      communeId,
      summary: `In danh sách điểm danh buổi ngày ${s.date} (${s.villageName}, ${roster.length} người)`,
    });
    return { s, roster, communeName: cm!.name, modules: s.moduleCodes.map((c) => names.get(c) ?? c) };
  });
  const present = new Set(data.s.attendance.map((a) => a.residentId));
  return {
    name: `Điểm danh ${data.s.date.split('-').reverse().join('-')} ${data.s.villageName}.pdf`,
    content: await attendanceSheetPdf({
      communeName: data.communeName,
      villageName: data.s.villageName,
      teamName: data.s.teamName,
      date: data.s.date,
      startTime: data.s.startTime,
      place: data.s.place,
      modules: data.modules,
      trainers: data.s.trainers,
      link: `${opts.baseUrl}${sessionPath(data.s.id)}`,
      roster: data.roster.map((r) => ({ ...r, present: present.has(r.id) })),
      blankRows: 15,
    }),
  };
}
