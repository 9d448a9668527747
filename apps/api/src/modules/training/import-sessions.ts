import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { cleanText, parseBirthYear, requiredText, residentPhone, searchKey, todayVn, vietnamYear, type SessionImportResult, clockNow } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import type { WorkerPool } from '../../platform/worker-pool';
import type { ZipLimits } from '../../platform/zip-check';
import type { ParsedImportRow } from './training-excel';
import {
  contentKey,
  dayVi,
  genderOf,
  idHashOf,
  matchResident,
  moduleFinder,
  personKey,
  readImportRows,
  residentIndex,
  rowRef,
  RowErrors,
  unitFinder,
} from './training-import-rows';
import { parseRecordDay } from './import-completions';
import { authorizeRecord, assertMayRecord, reachesTeam, reachesVillage } from './training.policy';
import { modulesOf, residentKeys, villagesOf } from './training.store';
import { attendance, attendanceOp, resident, trainingSession } from './training.table';
import { inTraining, refreshCoverage } from './training-context';

const SESSIONS = 0;
const ATTENDANCE = 1;

/** A start time as people type it (7:30, 07:30, 7h30, 7h, Excel's time of day): HH:mm, or the problem. */
export function parseStartTime(text: string): { hhmm: string } | { problem: string } {
  const t = text.trim().toLowerCase();
  let h: number | null = null;
  let m = 0;
  const typed = /^(\d{1,2})\s*(?::|h|giờ)\s*(\d{2})?\s*(?:phút)?$/u.exec(t);
  if (typed) {
    h = Number(typed[1]);
    m = typed[2] ? Number(typed[2]) : 0;
  } else if (/^0?\.\d+$/u.test(t)) {
    // A time cell of Excel read as a number: a fraction of the day.
    const minutes = Math.round(Number(t) * 24 * 60);
    h = Math.floor(minutes / 60);
    m = minutes % 60;
  }
  if (h === null || h > 23 || m > 59) return { problem: `"${text.slice(0, 20)}" không phải giờ (ghi HH:mm, ví dụ 07:30).` };
  return { hhmm: `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}` };
}

interface PlannedSession {
  r: ParsedImportRow;
  key: string;
  date: string;
  startTime: string | null;
  villageId: string;
  teamId: string;
  place: string;
  moduleCodes: string[];
  trainers: string[];
  /** The session already there (imported before, or entered with the same day, time, village, team and place). */
  existingId: string | null;
}
/** A resident to add: one per person however many rows name them. */
interface NewResident {
  id: string;
  values: typeof resident.$inferInsert;
}
interface PlannedMark {
  r: ParsedImportRow;
  session: PlannedSession;
  residentId: string;
  opKey: string;
}

/**
 * Import sessions with their attendance from .xlsx: a sheet of sessions (each with a code local to
 * the file) and a sheet of attendance naming the session by that code. Every row of both sheets is
 * checked first; a commit writes every session, every new resident and every mark in one
 * transaction, or nothing. A session is found again by a key made of the commune and its content
 * (day, time, village, team, place), a mark by the session's key and the person, so importing the
 * same file twice creates nothing. A person not on the list is added (in the session's village).
 * A team member imports only sessions of the teams and villages they serve.
 */
export async function importSessions(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  file: { filename: string; buffer: Buffer };
  dryRun: boolean;
  workers: WorkerPool;
  zip: ZipLimits;
  idKey: string | undefined;
  now?: Date;
}): Promise<SessionImportResult> {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  const today = todayVn(now);
  authorizeRecord(actor, communeId);
  const rows = await readImportRows('sessions', opts.file.buffer, opts.workers, opts.zip);
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach, teams }) => {
    assertMayRecord(reach);
    const errors = new RowErrors('sessions');
    const villages = await villagesOf(tx, communeId);
    const sessions = await planSessions(tx, communeId, {
      rows: rows.filter((r) => r.sheet === SESSIONS),
      errors,
      reach,
      teams,
      villages,
      modules: await modulesOf(tx, communeId),
      latest: new Date(now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10),
    });
    const villageName = new Map(villages.map((v) => [v.id, v.name]));
    const index = await residentIndex(tx, communeId);
    const newById = new Map<string, NewResident>();
    const newByPerson = new Map<string, NewResident>();
    const marks: PlannedMark[] = [];
    const markSeen = new Map<string, ParsedImportRow>();
    for (const r of rows.filter((x) => x.sheet === ATTENDANCE)) {
      if (errors.control(r)) continue;
      const before = errors.count;
      const c = r.cells;
      const code = c.code ? searchKey(c.code) : null;
      const session = code ? sessions.byCode.get(code) : undefined;
      if (!code) errors.add(r, 'code', 'Chưa ghi mã buổi.');
      else if (session === undefined) errors.add(r, 'code', `"${c.code!.slice(0, 20)}" không có ở trang Buổi học.`);
      const name = requiredText(120).safeParse(c.fullName ?? '');
      if (!name.success) errors.add(r, 'fullName', name.error.issues[0]!.message);
      const by = parseBirthYear(c.birthYear ?? '', vietnamYear(now));
      if ('problem' in by) errors.add(r, 'birthYear', by.problem);
      const gender = genderOf(c.gender);
      if (c.gender && !gender) errors.add(r, 'gender', `"${c.gender.slice(0, 30)}" không phải Nam, Nữ hoặc Khác.`);
      let idHash: string | null = null;
      if (c.nationalId) {
        const id = idHashOf(c.nationalId, opts.idKey);
        if ('problem' in id) errors.add(r, 'nationalId', id.problem);
        else idHash = id.hash;
      }
      const phone = c.phone ? residentPhone.safeParse(c.phone.replace(/[\s.]/gu, '')) : null;
      if (phone && !phone.success) errors.add(r, 'phone', phone.error.issues[0]!.message);
      // A session row with problems has its own errors; its marks wait for it.
      if (errors.count > before || !session) continue;
      if (session.date > today) {
        errors.add(r, 'code', `buổi ${c.code} ngày ${dayVi(session.date)} chưa diễn ra nên chưa điểm danh được.`);
        continue;
      }
      const birthYear = (by as { year: number }).year;
      const keys = residentKeys(name.data!);
      const person = personKey(keys.nameKey, birthYear, session.villageId);
      let residentId: string;
      const match = matchResident(index, { idHash, nameKey: keys.nameKey, birthYear, villageId: session.villageId });
      if ('found' in match) residentId = match.found.id;
      else if ('ambiguous' in match) {
        errors.add(
          r,
          'nationalId',
          `có ${match.ambiguous} người cùng họ tên, năm sinh ở ${villageName.get(session.villageId)}: ghi số định danh để chỉ rõ người.`,
        );
        continue;
      } else {
        const pending = (idHash ? newById.get(idHash) : undefined) ?? newByPerson.get(person);
        if (pending && (!idHash || !pending.values.idHash || pending.values.idHash === idHash)) residentId = pending.id;
        else if (!gender) {
          errors.add(r, 'gender', `${name.data} chưa có trong danh sách người dân: ghi giới tính để thêm mới.`);
          continue;
        } else {
          const id = randomUUID();
          const added: NewResident = {
            id,
            values: {
              communeId,
              id,
              villageId: session.villageId,
              ...keys,
              birthYear,
              gender,
              phone: phone?.success ? phone.data : null,
              learnerGroup: 'residents',
              idHash,
              idLast4: idHash ? c.nationalId!.slice(-4) : null,
              createdBy: actor.userId,
              createdAt: now,
              updatedAt: now,
            },
          };
          if (idHash) newById.set(idHash, added);
          if (!newByPerson.has(person)) newByPerson.set(person, added);
          residentId = id;
        }
      }
      const markKey = `${session.key}|${residentId}`;
      const earlier = markSeen.get(markKey);
      if (earlier) {
        errors.add(r, 'fullName', `người này đã được điểm danh ở buổi ${c.code} tại ${rowRef('sessions', earlier)}.`);
        continue;
      }
      markSeen.set(markKey, r);
      marks.push({ r, session, residentId, opKey: contentKey('xlsx-mark', [communeId, session.key, idHash ?? `${keys.nameKey}|${birthYear}`]) });
    }

    // Marks already there: present now, or applied once before (a mark taken back since stays taken back).
    const existingSessionIds = [...new Set(sessions.list.flatMap((s) => (s.existingId ? [s.existingId] : [])))];
    const present = new Set<string>();
    for (let i = 0; i < existingSessionIds.length; i += 500)
      for (const a of await tx
        .select({ s: attendance.sessionId, r: attendance.residentId })
        .from(attendance)
        .where(and(eq(attendance.communeId, communeId), inArray(attendance.sessionId, existingSessionIds.slice(i, i + 500)))))
        present.add(`${a.s}|${a.r}`);
    const applied = new Set<string>();
    const opKeys = marks.map((m) => m.opKey);
    for (let i = 0; i < opKeys.length; i += 1000)
      for (const o of await tx
        .select({ k: attendanceOp.opKey })
        .from(attendanceOp)
        .where(and(eq(attendanceOp.communeId, communeId), inArray(attendanceOp.opKey, opKeys.slice(i, i + 1000)))))
        applied.add(o.k);
    const newMarks = marks.filter((m) => !applied.has(m.opKey) && !(m.session.existingId && present.has(`${m.session.existingId}|${m.residentId}`)));
    const newSessions = sessions.list.filter((s) => !s.existingId);
    const newResidents = [...new Set([...newById.values(), ...newByPerson.values()])];
    const result: SessionImportResult = {
      dryRun: opts.dryRun,
      rows: rows.length,
      sessions: { created: newSessions.length, unchanged: sessions.list.length - newSessions.length },
      marks: { created: newMarks.length, unchanged: marks.length - newMarks.length },
      newResidents: newResidents.length,
      errors: errors.sorted().slice(0, 500),
      errorCount: errors.count,
    };
    if (opts.dryRun) return result;
    if (errors.count) throw errors.refusal();

    const sessionIds = new Map(sessions.list.flatMap((s) => (s.existingId ? [[s.key, s.existingId] as const] : [])));
    for (const s of newSessions) {
      const [row] = await tx
        .insert(trainingSession)
        .values({
          communeId,
          teamId: s.teamId,
          villageId: s.villageId,
          date: s.date,
          startTime: s.startTime,
          place: s.place,
          moduleCodes: s.moduleCodes,
          trainers: s.trainers,
          opKey: s.key,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: trainingSession.id });
      sessionIds.set(s.key, row!.id);
    }
    for (let i = 0; i < newResidents.length; i += 500) await tx.insert(resident).values(newResidents.slice(i, i + 500).map((n) => n.values));
    for (let i = 0; i < newMarks.length; i += 500) {
      const part = newMarks.slice(i, i + 500);
      await tx
        .insert(attendance)
        .values(part.map((m) => ({ communeId, sessionId: sessionIds.get(m.session.key)!, residentId: m.residentId, markedBy: actor.userId, markedAt: now })))
        .onConflictDoNothing();
      await tx
        .insert(attendanceOp)
        .values(part.map((m) => ({ communeId, opKey: m.opKey, sessionId: sessionIds.get(m.session.key)!, at: now })))
        .onConflictDoNothing();
    }
    await writeAudit(tx, actor, opts.meta, {
      action: 'import',
      entityType: 'training_session',
      communeId,
      summary: `Nhập buổi hướng dẫn từ tệp "${cleanText(opts.file.filename).slice(0, 120)}": ${newSessions.length} buổi mới, ${newMarks.length} lượt điểm danh, ${newResidents.length} người dân mới`,
      after: { rows: rows.length, sessions: result.sessions, marks: result.marks, newResidents: newResidents.length },
    });
    const days = new Set([...newSessions.map((s) => s.date), ...newMarks.map((m) => m.session.date)]);
    if (days.size || newResidents.length) await refreshCoverage(tx, communeId, days.size ? [...days] : ['2025-01-01'], now);
    return result;
  });
}

/** Check the sessions sheet row by row and find the sessions already there; by the file's code (normalised). */
async function planSessions(
  tx: Tx,
  communeId: string,
  o: {
    rows: ParsedImportRow[];
    errors: RowErrors;
    reach: Parameters<typeof reachesVillage>[0];
    teams: { unit: { id: string; name: string; code: string }; villageIds: string[] }[];
    villages: { id: string; name: string; code: string }[];
    modules: { code: string; name: string; groupName: string }[];
    latest: string;
  },
) {
  const { errors } = o;
  const villageOf = unitFinder(o.villages);
  const teamOf = unitFinder(o.teams.map((t) => t.unit));
  const moduleOf = moduleFinder(o.modules);
  const byCode = new Map<string, PlannedSession | null>();
  const codeRow = new Map<string, ParsedImportRow>();
  const byKey = new Map<string, ParsedImportRow>();
  const list: PlannedSession[] = [];
  for (const r of o.rows) {
    const c = r.cells;
    const code = c.code ? searchKey(c.code) : null;
    if (code) {
      const earlier = codeRow.get(code);
      if (earlier) {
        errors.add(r, 'code', `mã buổi "${c.code!.slice(0, 20)}" đã dùng ở ${rowRef('sessions', earlier)}.`);
        continue;
      }
      codeRow.set(code, r);
      byCode.set(code, null);
    }
    if (errors.control(r)) continue;
    const before = errors.count;
    if (!code) errors.add(r, 'code', 'Chưa ghi mã buổi.');
    else if (c.code!.length > 20) errors.add(r, 'code', 'Mã buổi tối đa 20 ký tự.');
    const day = parseRecordDay(c.date ?? null, { latest: o.latest, latestText: 'một năm tới' });
    if ('problem' in day) errors.add(r, 'date', day.problem);
    let startTime: string | null = null;
    if (c.startTime) {
      const t = parseStartTime(c.startTime);
      if ('problem' in t) errors.add(r, 'startTime', t.problem);
      else startTime = t.hhmm;
    }
    const villageId = villageOf(c.village);
    if (!villageId) errors.add(r, 'village', c.village ? `"${c.village.slice(0, 60)}" không phải thôn, tổ dân phố của xã.` : 'Chưa ghi thôn, tổ dân phố.');
    else if (!reachesVillage(o.reach, villageId)) errors.add(r, 'village', 'Bạn không phụ trách thôn, tổ dân phố này.');
    const teamId = teamOf(c.team);
    const team = o.teams.find((t) => t.unit.id === teamId);
    if (!team) errors.add(r, 'team', c.team ? `"${c.team.slice(0, 60)}" không phải Tổ công nghệ số cộng đồng của xã.` : 'Chưa ghi tổ.');
    else if (!reachesTeam(o.reach, team.unit.id)) errors.add(r, 'team', 'Bạn chỉ nhập buổi của Tổ công nghệ số cộng đồng mình.');
    else if (villageId && team.villageIds.length && !team.villageIds.includes(villageId))
      errors.add(r, 'team', `${team.unit.name} không phụ trách ${o.villages.find((v) => v.id === villageId)!.name}.`);
    const place = requiredText(200).safeParse(c.place ?? '');
    if (!place.success) errors.add(r, 'place', place.error.issues[0]!.message);
    const moduleCodes: string[] = [];
    const written = (c.modules ?? '')
      .split(';')
      .map((m) => m.trim())
      .filter(Boolean);
    if (!written.length) errors.add(r, 'modules', 'Chưa ghi học phần.');
    else if (written.length > 20) errors.add(r, 'modules', 'Tối đa 20 học phần một buổi.');
    for (const m of written) {
      const found = moduleOf(m);
      if (!found) errors.add(r, 'modules', `"${m.slice(0, 60)}" không có trong danh mục học phần của xã.`);
      else if (!moduleCodes.includes(found)) moduleCodes.push(found);
    }
    const trainers = (c.trainers ?? '').split(';').map(cleanText).filter(Boolean);
    if (trainers.length > 10) errors.add(r, 'trainers', 'Tối đa 10 người hướng dẫn.');
    if (trainers.some((t) => t.length > 120)) errors.add(r, 'trainers', 'Mỗi tên tối đa 120 ký tự.');
    if (errors.count > before) continue;
    const date = (day as { iso: string }).iso;
    const key = contentKey('xlsx-session', [communeId, date, startTime, villageId!, teamId!, searchKey(place.data!)]);
    const same = byKey.get(key);
    if (same) {
      errors.add(r, 'date', `buổi này (cùng ngày, giờ, thôn, tổ và địa điểm) đã có ở ${rowRef('sessions', same)}.`);
      continue;
    }
    byKey.set(key, r);
    const s: PlannedSession = {
      r,
      key,
      date,
      startTime,
      villageId: villageId!,
      teamId: teamId!,
      place: cleanText(place.data!),
      moduleCodes,
      trainers,
      existingId: null,
    };
    list.push(s);
    byCode.set(code!, s);
  }
  // The sessions already there: imported before (their key), or entered on the same day with the same time, village, team and place.
  const dates = [...new Set(list.map((s) => s.date))];
  const existing: (typeof trainingSession.$inferSelect)[] = [];
  for (let i = 0; i < dates.length; i += 500)
    existing.push(
      ...(await tx
        .select()
        .from(trainingSession)
        .where(and(eq(trainingSession.communeId, communeId), inArray(trainingSession.date, dates.slice(i, i + 500))))),
    );
  for (const s of list) {
    const found =
      existing.find((e) => e.opKey === s.key) ??
      existing.find(
        (e) =>
          e.date === s.date &&
          (e.startTime ?? null) === s.startTime &&
          e.villageId === s.villageId &&
          e.teamId === s.teamId &&
          searchKey(e.place) === searchKey(s.place),
      );
    if (!found) continue;
    const sameModules = found.moduleCodes.length === s.moduleCodes.length && s.moduleCodes.every((m) => found.moduleCodes.includes(m));
    if (!sameModules) {
      errors.add(
        s.r,
        'modules',
        `buổi ngày ${dayVi(s.date)} tại ${found.place} đã có trong hệ thống với học phần khác (${found.moduleCodes.map((m) => o.modules.find((x) => x.code === m)?.name ?? m).join('; ')}); hệ thống không ghi đè. Sửa tệp hoặc sửa buổi đã có.`,
      );
      byCode.set(searchKey(s.r.cells.code!), null);
      continue;
    }
    s.existingId = found.id;
  }
  return { byCode, list: list.filter((s) => byCode.get(searchKey(s.r.cells.code!)) === s) };
}
