import type { Resident, TrainingSession } from '@tds/contracts';
import { reachesTeam, reachesVillage, type TrainingReach } from './training.policy';
import type { ResidentRow, trainingSession } from './training.table';

export function mapResident(reach: TrainingReach, r: ResidentRow, villageName: string, completed: readonly string[]): Resident {
  const mine = reachesVillage(reach, r.villageId);
  return {
    id: r.id,
    communeId: r.communeId,
    villageId: r.villageId,
    villageName,
    fullName: r.fullName,
    birthYear: r.birthYear,
    gender: r.gender as Resident['gender'],
    phone: r.phone,
    learnerGroup: r.learnerGroup as Resident['learnerGroup'],
    idLast4: r.idLast4,
    completedModules: [...completed],
    version: r.version,
    can: { edit: mine, merge: mine },
  };
}

/** What the audit log keeps of a resident: no national ID, no phone. */
export const residentRecord = (r: ResidentRow) => ({ fullName: r.fullName, birthYear: r.birthYear, villageId: r.villageId, idLast4: r.idLast4 });

export function mapSession(
  reach: TrainingReach,
  s: typeof trainingSession.$inferSelect,
  names: { team: string; village: string },
  attendees: number,
): TrainingSession {
  return {
    id: s.id,
    communeId: s.communeId,
    teamId: s.teamId,
    teamName: names.team,
    villageId: s.villageId,
    villageName: names.village,
    date: s.date,
    startTime: s.startTime,
    place: s.place,
    moduleCodes: s.moduleCodes,
    trainers: s.trainers,
    attendees,
    version: s.version,
    can: { record: reachesTeam(reach, s.teamId) && reachesVillage(reach, s.villageId) },
  };
}
