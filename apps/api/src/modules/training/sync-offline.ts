import { and, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { SyncResult, syncInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { reachesTeam, reachesVillage } from './training.policy';
import { nationalIdHash, residentKeys } from './training.store';
import { resident, trainingSession } from './training.table';
import { idKeyOrRefuse } from './create-resident';
import { applyMark } from './mark-attendance';
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
  const now = opts.now ?? new Date();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const results: Result[] = [];
    const byOpKey = new Map<string, string>();
    const sessions = new Map<string, typeof trainingSession.$inferSelect | null>();
    const days = new Set<string>();
    let applied = 0;
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
      if (!sessions.has(op.sessionId)) {
        const [s] = await tx
          .select()
          .from(trainingSession)
          .where(and(eq(trainingSession.communeId, communeId), eq(trainingSession.id, op.sessionId)));
        sessions.set(op.sessionId, s ?? null);
      }
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
      const outcome = await applyMark(tx, communeId, s.id, { residentId, present: op.present, opKey: op.opKey }, actor.userId, now);
      if (outcome === 'missing') refuse(op.opKey, 'Không tìm thấy người dân.');
      else {
        if (outcome === 'applied') {
          applied++;
          days.add(s.date);
        }
        results.push({ opKey: op.opKey, status: outcome, residentId, message: null });
      }
    }
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
