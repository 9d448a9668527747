import { personSortKey, type TrainingSessionDetail } from '@tds/contracts';

/** One mark of attendance as the screen sends it: who, present or taken back, under its own key. */
export interface AttendanceMark {
  residentId: string;
  fullName: string;
  birthYear: number;
  present: boolean;
  opKey: string;
}

export { newOpKey } from '../../lib/op-key';

/**
 * The session as it will be once the marks are applied (the optimistic list shown while the server
 * answers): a resident marked present is added once, in name order; one taken back leaves.
 */
export function applyMarks(session: TrainingSessionDetail, marks: readonly AttendanceMark[], at: string): TrainingSessionDetail {
  const list = new Map(session.attendance.map((a) => [a.residentId, a]));
  for (const m of marks) {
    if (m.present) {
      if (!list.has(m.residentId)) list.set(m.residentId, { residentId: m.residentId, fullName: m.fullName, birthYear: m.birthYear, markedAt: at });
    } else list.delete(m.residentId);
  }
  // The server's order: the person sort key compared by code point (COLLATE "C"), then birth year.
  const key = (name: string) => personSortKey(name);
  const attendance = [...list.values()].sort((a, b) => {
    const ka = key(a.fullName);
    const kb = key(b.fullName);
    return ka < kb ? -1 : ka > kb ? 1 : a.birthYear - b.birthYear;
  });
  return { ...session, attendance, attendees: attendance.length };
}
