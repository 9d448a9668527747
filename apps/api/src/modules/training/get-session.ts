import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { unit } from '../org';
import { mapSession } from './training.mapper';
import { assertVillage, type TrainingReach } from './training.policy';
import type { TeamInfo } from './training.store';
import { attendance, resident, trainingSession } from './training.table';
import { inTraining } from './training-context';

/** A session with its attendance list (personal data: for the teams serving its village and the commune admin). */
export async function getSession(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  return inTraining({ ...opts, permission: 'training.record' }, (tx, ctx) => sessionDetail(tx, opts.communeId, opts.id, ctx));
}

export async function sessionDetail(tx: Tx, communeId: string, id: string, ctx: { reach: TrainingReach; teams: TeamInfo[] }) {
  const [s] = await tx
    .select({ s: trainingSession, village: unit.name })
    .from(trainingSession)
    .innerJoin(unit, and(eq(unit.communeId, trainingSession.communeId), eq(unit.id, trainingSession.villageId)))
    .where(and(eq(trainingSession.communeId, communeId), eq(trainingSession.id, id)));
  if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi hướng dẫn.');
  assertVillage(ctx.reach, s.s.villageId);
  const list = await tx
    .select({ residentId: resident.id, fullName: resident.fullName, birthYear: resident.birthYear, markedAt: attendance.markedAt })
    .from(attendance)
    .innerJoin(resident, and(eq(resident.communeId, attendance.communeId), eq(resident.id, attendance.residentId)))
    .where(and(eq(attendance.communeId, communeId), eq(attendance.sessionId, id)))
    .orderBy(sql`${resident.sortKey} collate "C"`, asc(resident.id));
  const team = ctx.teams.find((t) => t.unit.id === s.s.teamId)?.unit.name ?? '';
  return {
    ...mapSession(ctx.reach, s.s, { team, village: s.village }, list.length),
    attendance: list.map((a) => ({ ...a, markedAt: a.markedAt.toISOString() })),
  };
}
