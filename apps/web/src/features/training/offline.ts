import { searchKey, type Roster, type SyncResult, type TrainingSessionDetail, type syncOp } from '@tds/contracts';
import type { z } from 'zod';
import type { QueuedOp } from '../../lib/offline-db';
import { applyMarks, type AttendanceMark } from './attendance';

/** An operation of the attendance screen as the sync endpoint takes it. */
export type TrainingOp = z.input<typeof syncOp>;
/** What the screen shows of a queued operation: the resident it is about. */
export interface OpLabel {
  fullName: string;
  birthYear: number;
  gender?: string;
}
export type QueuedTrainingOp = QueuedOp<TrainingOp, OpLabel>;

/** The id a resident added offline goes by on this device until the server gives them one. */
export const localId = (opKey: string) => `new:${opKey}`;

/** A person the attendance screen can find: from the village's roster, or added on this device. */
export interface RosterPerson {
  id: string;
  fullName: string;
  birthYear: number;
  /** "m" | "f" | "o" in the roster; the full word for residents from the server's search. */
  gender: string;
  /** Added on this device, not yet on the server. */
  local?: boolean;
}

const GENDER_INITIAL: Record<string, string> = { m: 'male', f: 'female', o: 'other' };
/** The roster's gender initial as the gender the rest of the app names. */
export const genderOf = (initial: string) => GENDER_INITIAL[initial] ?? initial;

/** Residents added through the queue (not yet synced), as roster people of `villageId`. */
export function queuedResidents(queue: readonly QueuedTrainingOp[], villageId: string): RosterPerson[] {
  const out: RosterPerson[] = [];
  for (const q of queue) {
    if (q.op.kind !== 'resident' || q.op.resident.villageId !== villageId) continue;
    out.push({ id: localId(q.opKey), fullName: q.op.resident.fullName, birthYear: q.op.resident.birthYear, gender: q.op.resident.gender, local: true });
  }
  return out;
}

/**
 * Search the cached roster with no network: every word typed must start a word of the name
 * (diacritics and case ignored, "ng van" finds "Nguyễn Văn An"); a four-digit word matches the
 * birth year instead. Closest first: names that start with the query, then in roster order.
 */
export function searchRoster(
  roster: Roster | null | undefined,
  extra: readonly RosterPerson[],
  q: string,
  limit = 10,
): { items: RosterPerson[]; total: number } {
  const words = searchKey(q).split(' ').filter(Boolean);
  if (!words.length) return { items: [], total: 0 };
  const people: RosterPerson[] = [
    ...extra,
    ...(roster?.residents ?? []).map(([id, fullName, birthYear, gender]) => ({ id, fullName, birthYear, gender: genderOf(gender) })),
  ];
  const year = words.find((w) => /^\d{4}$/u.test(w));
  const nameWords = words.filter((w) => w !== year);
  const starts: RosterPerson[] = [];
  const others: RosterPerson[] = [];
  for (const p of people) {
    if (year && String(p.birthYear) !== year) continue;
    const key = searchKey(p.fullName);
    const parts = key.split(' ');
    if (!nameWords.every((w) => parts.some((part) => part.startsWith(w)))) continue;
    (nameWords.length && key.startsWith(nameWords.join(' ')) ? starts : others).push(p);
  }
  const all = [...starts, ...others];
  return { items: all.slice(0, limit), total: all.length };
}

/** Possible duplicates of a resident about to be added offline: the same name (diacritics ignored) and birth year. */
export function sameResident(people: readonly RosterPerson[], fullName: string, birthYear: number): RosterPerson[] {
  const key = searchKey(fullName);
  return people.filter((p) => p.birthYear === birthYear && searchKey(p.fullName) === key);
}

/** The marks queued for one session, as the attendance list applies them. */
export function queuedMarks(queue: readonly QueuedTrainingOp[], sessionId: string): AttendanceMark[] {
  const out: AttendanceMark[] = [];
  for (const q of queue) {
    if (q.op.kind !== 'mark' || q.op.sessionId !== sessionId) continue;
    const residentId = q.op.residentId ?? (q.op.residentOpKey ? localId(q.op.residentOpKey) : null);
    if (!residentId) continue;
    out.push({ residentId, fullName: q.label.fullName, birthYear: q.label.birthYear, present: q.op.present, opKey: q.opKey });
  }
  return out;
}

/** The session as the device knows it: the server's last answer with this device's queued marks on top, and who is still pending. */
export function sessionWithQueue(
  session: TrainingSessionDetail,
  queue: readonly QueuedTrainingOp[],
  at: string,
): { session: TrainingSessionDetail; pending: Set<string> } {
  const marks = queuedMarks(queue, session.id);
  return { session: marks.length ? applyMarks(session, marks, at) : session, pending: new Set(marks.map((m) => m.residentId)) };
}

/** The first operations to send, oldest first (the endpoint takes up to 2,000; smaller batches show progress). */
export function nextBatch(queue: readonly QueuedTrainingOp[], size = 500): QueuedTrainingOp[] {
  return queue.slice(0, size);
}

export interface Settled {
  /** Operations the server has (applied now or before) or refused: off the queue. */
  remove: string[];
  /** Operations still queued whose resident the server has just named (added offline in this batch). */
  rewrite: QueuedTrainingOp[];
  refused: { opKey: string; label: OpLabel; message: string }[];
  applied: number;
  /** Resident ids the server gave to residents added offline, by their operation key. */
  residentIds: Map<string, string>;
}

/**
 * What the server's answer to a batch means for the queue. Every operation of the batch leaves it
 * (a refused one is not retried: the message tells why); a mark still queued that names a resident
 * added in this batch now names the server's id.
 */
export function settleBatch(batch: readonly QueuedTrainingOp[], result: SyncResult, rest: readonly QueuedTrainingOp[]): Settled {
  const byKey = new Map(batch.map((q) => [q.opKey, q]));
  const out: Settled = { remove: [], rewrite: [], refused: [], applied: 0, residentIds: new Map() };
  for (const r of result.results) {
    const q = byKey.get(r.opKey);
    if (!q) continue;
    out.remove.push(r.opKey);
    if (r.status === 'refused') out.refused.push({ opKey: r.opKey, label: q.label, message: r.message ?? '' });
    else {
      if (r.status === 'applied') out.applied++;
      if (q.op.kind === 'resident' && r.residentId) out.residentIds.set(q.opKey, r.residentId);
    }
  }
  for (const q of rest) {
    if (q.op.kind !== 'mark' || !q.op.residentOpKey) continue;
    const id = out.residentIds.get(q.op.residentOpKey);
    if (id) out.rewrite.push({ ...q, op: { kind: 'mark', opKey: q.op.opKey, sessionId: q.op.sessionId, residentId: id, present: q.op.present } });
  }
  return out;
}
