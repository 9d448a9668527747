import { clockNow } from '@tds/contracts';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { SyncResult, syncInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { reachesTeam, reachesVillage } from './training.policy';
import { nationalIdHash, residentKeys } from './training.store';
import { attendance, attendanceOp, resident, trainingSession } from './training.table';
import { idKeyOrRefuse } from './create-resident';
import { inTraining, refreshCoverage } from './training-context';

type Result = SyncResult['results'][number];

/**
 * Apply what a phone queued offline, in order, each operation once by its key (a queue sent again,
 * or three times, changes nothing more). A new resident who is already there (the same national ID,
 * or the same name, birth year and village: two members adding the same person offline) is not
 * added twice: the operation resolves to the one there. A mark may name a resident added earlier in
 * the queue by that operation's key. An operation that cannot be applied is refused with its reason
 * and the others still land; the coverage is computed once at the end.
 */
export async function syncOffline(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: z.infer<typeof syncInput>;
  idKey: string | undefined;
  now?: Date;
}) {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const results: Result[] = [];
    const byOpKey = new Map<string, string>();
    const sessions = new Map<string, typeof trainingSession.$inferSelect | null>();
    const days = new Set<string>();
    let applied = 0;
    // Read once for the whole queue what every mark needs: the keys already applied, the sessions,
    // and the residents named (merges followed). The marks then cost no query each; their writes go
    // in bulk at the end, each (session, resident) as its last mark left it.
    const marks = opts.input.ops.flatMap((op) => (op.kind === 'mark' ? [op] : []));
    const seen = new Set(
      marks.length
        ? (
            await tx
              .select({ k: attendanceOp.opKey })
              .from(attendanceOp)
              .where(and(eq(attendanceOp.communeId, communeId), inArray(attendanceOp.opKey, [...new Set(marks.map((m) => m.opKey))])))
          ).map((r) => r.k)
        : [],
    );
    const sessionIds = [...new Set(marks.map((m) => m.sessionId))];
    if (sessionIds.length)
      for (const row of await tx
        .select()
        .from(trainingSession)
        .where(and(eq(trainingSession.communeId, communeId), inArray(trainingSession.id, sessionIds))))
        sessions.set(row.id, row);
    const canonical = await canonicalResidents(
      tx,
      communeId,
      marks.flatMap((m) => (m.residentId ? [m.residentId] : [])),
    );
    const finalMark = new Map<string, { sessionId: string; residentId: string; present: boolean }>();
    const opRows: (typeof attendanceOp.$inferInsert)[] = [];
    const refuse = (opKey: string, message: string) => results.push({ opKey, status: 'refused', residentId: null, message });
    for (const op of opts.input.ops) {
      if (op.kind === 'resident') {
        const v = op.resident;
        if (!reachesVillage(reach, v.villageId)) {
          refuse(op.opKey, 'Bạn không phụ trách thôn, tổ dân phố này.');
          continue;
        }
        const [done] = await tx
          .select({ id: resident.id })
          .from(resident)
          .where(and(eq(resident.communeId, communeId), eq(resident.opKey, op.opKey)));
        if (done) {
          byOpKey.set(op.opKey, done.id);
          results.push({ opKey: op.opKey, status: 'replayed', residentId: done.id, message: null });
          continue;
        }
        const keys = residentKeys(v.fullName);
        let idHash: string | null = null;
        try {
          idHash = v.nationalId ? nationalIdHash(idKeyOrRefuse(opts.idKey), v.nationalId) : null;
        } catch {
          refuse(op.opKey, 'Máy chủ chưa nhận số định danh: thêm người dân không kèm số này.');
          continue;
        }
        const [same] = await tx
          .select({ id: resident.id })
          .from(resident)
          .where(
            and(
              eq(resident.communeId, communeId),
              isNull(resident.mergedIntoId),
              or(
                idHash ? eq(resident.idHash, idHash) : undefined,
                and(eq(resident.nameKey, keys.nameKey), eq(resident.birthYear, v.birthYear), eq(resident.villageId, v.villageId)),
              ),
            ),
          )
          .limit(1);
        if (same) {
          byOpKey.set(op.opKey, same.id);
          results.push({ opKey: op.opKey, status: 'applied', residentId: same.id, message: 'Người dân này đã có trong danh sách: dùng người đã có.' });
          continue;
        }
        const [row] = await tx
          .insert(resident)
          .values({
            communeId,
            villageId: v.villageId,
            ...keys,
            birthYear: v.birthYear,
            gender: v.gender,
            phone: v.phone || null,
            learnerGroup: v.learnerGroup,
            idHash,
            idLast4: v.nationalId ? v.nationalId.slice(-4) : null,
            opKey: op.opKey,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: resident.id });
        byOpKey.set(op.opKey, row!.id);
        applied++;
        results.push({ opKey: op.opKey, status: 'applied', residentId: row!.id, message: null });
        continue;
      }
      // A mark.
      const s = sessions.get(op.sessionId);
      if (!s) {
        refuse(op.opKey, 'Không tìm thấy buổi hướng dẫn.');
        continue;
      }
      if (!reachesVillage(reach, s.villageId) || !reachesTeam(reach, s.teamId)) {
        refuse(op.opKey, 'Bạn chỉ điểm danh các buổi của Tổ công nghệ số cộng đồng mình.');
        continue;
      }
      let residentId = op.residentId ?? (op.residentOpKey ? byOpKey.get(op.residentOpKey) : undefined);
      if (!residentId && op.residentOpKey) {
        // The resident was added by an earlier sync (the queue was sent in batches, or the answer was lost).
        const [earlier] = await tx
          .select({ id: resident.id })
          .from(resident)
          .where(and(eq(resident.communeId, communeId), eq(resident.opKey, op.residentOpKey)));
        if (earlier) byOpKey.set(op.residentOpKey, earlier.id);
        residentId = earlier?.id;
      }
      if (!residentId) {
        refuse(op.opKey, 'Lượt điểm danh không chỉ rõ người dân.');
        continue;
      }
      if (seen.has(op.opKey)) {
        results.push({ opKey: op.opKey, status: 'replayed', residentId, message: null });
        continue;
      }
      // A resident added in this queue is current; one named by id follows its merges.
      const who = op.residentId ? canonical.get(op.residentId) : residentId;
      if (!who) {
        refuse(op.opKey, 'Không tìm thấy người dân.');
        continue;
      }
      seen.add(op.opKey);
      finalMark.set(`${s.id}|${who}`, { sessionId: s.id, residentId: who, present: op.present });
      opRows.push({ communeId, opKey: op.opKey, sessionId: s.id, at: now });
      applied++;
      days.add(s.date);
      results.push({ opKey: op.opKey, status: 'applied', residentId, message: null });
    }
    const present = [...finalMark.values()].filter((m) => m.present);
    const absent = [...finalMark.values()].filter((m) => !m.present);
    for (let i = 0; i < present.length; i += 1000)
      await tx
        .insert(attendance)
        .values(present.slice(i, i + 1000).map((m) => ({ communeId, sessionId: m.sessionId, residentId: m.residentId, markedBy: actor.userId, markedAt: now })))
        .onConflictDoNothing();
    for (let i = 0; i < absent.length; i += 1000) {
      const part = absent.slice(i, i + 1000);
      await tx.execute(sql`
        delete from attendance a using unnest(${uuidArray(part.map((m) => m.sessionId))}::uuid[], ${uuidArray(part.map((m) => m.residentId))}::uuid[]) as x(s, r)
         where a.commune_id = ${communeId} and a.session_id = x.s and a.resident_id = x.r`);
    }
    for (let i = 0; i < opRows.length; i += 1000) await tx.insert(attendanceOp).values(opRows.slice(i, i + 1000));
    if (applied) {
      await writeAudit(tx, actor, opts.meta, {
        action: 'update',
        entityType: 'attendance',
        communeId,
        summary: `Đồng bộ ${applied} thao tác điểm danh ngoại tuyến`,
      });
      await refreshCoverage(tx, communeId, days.size ? [...days] : ['2025-01-01'], now);
    }
    return { results };
  });
}

/** A PostgreSQL uuid[] literal (ids from the database or validated as uuids: nothing to escape). */
const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/** Each resident id named, mapped to the resident it is now (merges followed); ids not found are left out. */
async function canonicalResidents(tx: Tx, communeId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // Where each id points: itself when current, the one it was merged into otherwise.
  const next = new Map<string, string | null>();
  let ask = [...new Set(ids)];
  for (let hop = 0; hop < 20 && ask.length; hop++) {
    const rows = await tx
      .select({ id: resident.id, mergedIntoId: resident.mergedIntoId })
      .from(resident)
      .where(and(eq(resident.communeId, communeId), inArray(resident.id, ask)));
    for (const r of rows) next.set(r.id, r.mergedIntoId);
    ask = [...new Set(rows.flatMap((r) => (r.mergedIntoId && !next.has(r.mergedIntoId) ? [r.mergedIntoId] : [])))];
  }
  for (const id of new Set(ids)) {
    let cur: string | null | undefined = id;
    for (let hop = 0; hop < 20 && cur; hop++) {
      const to = next.get(cur);
      if (to === undefined) {
        cur = undefined;
        break;
      }
      if (to === null) break;
      cur = to;
    }
    if (cur && next.get(cur) === null) out.set(id, cur);
  }
  return out;
}
