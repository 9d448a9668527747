import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { attendanceInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertTeam, assertVillage } from './training.policy';
import { residentFor } from './training.store';
import { attendance, attendanceOp, trainingSession } from './training.table';
import { inTraining, refreshCoverage } from './training-context';

/**
 * Apply attendance marks (present, or taken back), each once by its operation key: a batch replayed
 * (an offline queue sent again) changes nothing, and two members marking the same session merge
 * (each mark is about one resident). A mark for a resident merged away meanwhile follows the merge.
 * All marks of a batch or none.
 */
export async function markAttendance(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof attendanceInput>;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const [s] = await tx
      .select()
      .from(trainingSession)
      .where(and(eq(trainingSession.communeId, communeId), eq(trainingSession.id, opts.id)))
      .for('update');
    if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi hướng dẫn.');
    assertVillage(reach, s.villageId);
    assertTeam(reach, s.teamId);
    let applied = 0;
    let replayed = 0;
    for (const [i, m] of input.marks.entries()) {
      const outcome = await applyMark(tx, communeId, s.id, m, actor.userId, now);
      if (outcome === 'missing') {
        const message = `Lượt điểm danh thứ ${i + 1}: không tìm thấy người dân.`;
        throw new AppError('VALIDATION_FAILED', message, [{ field: `marks.${i}.residentId`, row: i, message }]);
      }
      if (outcome === 'replayed') replayed++;
      else applied++;
    }
    const count = (
      await tx
        .select({ r: attendance.residentId })
        .from(attendance)
        .where(and(eq(attendance.communeId, communeId), eq(attendance.sessionId, s.id)))
    ).length;
    if (applied) {
      await writeAudit(tx, actor, opts.meta, {
        action: 'update',
        entityType: 'attendance',
        entityId: s.id,
        communeId,
        summary: `Điểm danh buổi hướng dẫn ngày ${s.date} (${s.place}): ${applied} lượt, ${count} người có mặt`,
      });
      await refreshCoverage(tx, communeId, [s.date], now);
    }
    return { applied, replayed, attendees: count };
  });
}

/**
 * One mark, once by its key: present (added if missing) or taken back; a resident merged away is
 * followed to the one kept. `missing` when the resident does not exist (nothing written).
 */
export async function applyMark(
  tx: Tx,
  communeId: string,
  sessionId: string,
  m: { residentId: string; present: boolean; opKey: string },
  actorId: string,
  now: Date,
): Promise<'applied' | 'replayed' | 'missing'> {
  const [seen] = await tx
    .select({ k: attendanceOp.opKey })
    .from(attendanceOp)
    .where(and(eq(attendanceOp.communeId, communeId), eq(attendanceOp.opKey, m.opKey)));
  if (seen) return 'replayed';
  let r;
  try {
    r = await residentFor(tx, communeId, m.residentId, { follow: true });
  } catch {
    return 'missing';
  }
  if (m.present) await tx.insert(attendance).values({ communeId, sessionId, residentId: r.id, markedBy: actorId, markedAt: now }).onConflictDoNothing();
  else await tx.delete(attendance).where(and(eq(attendance.communeId, communeId), eq(attendance.sessionId, sessionId), eq(attendance.residentId, r.id)));
  await tx.insert(attendanceOp).values({ communeId, opKey: m.opKey, sessionId, at: now });
  return 'applied';
}
