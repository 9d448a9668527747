import { and, asc, eq, inArray } from 'drizzle-orm';
import type { SessionPhoto } from '@tds/contracts';
import { SESSION_PHOTO_LIMIT } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { fileMeta, readFile } from '../files';
import { appUser } from '../users';
import { unit } from '../org';
import { assertVillage, mayManage, reachesVillage, type TrainingReach } from './training.policy';
import { trainingSession, trainingSessionPhoto } from './training.table';
import { inTraining } from './training-context';

type PhotoRow = typeof trainingSessionPhoto.$inferSelect;

/**
 * The session of a photo request, seen as its attendance is (the teams serving its village and the
 * commune admin): 404 when the commune has no such session, 403 outside the actor's villages.
 */
export async function photoSession(tx: Tx, communeId: string, sessionId: string, reach: TrainingReach, opts: { lock?: boolean } = {}) {
  const q = tx
    .select({ s: trainingSession, village: unit.name })
    .from(trainingSession)
    .innerJoin(unit, and(eq(unit.communeId, trainingSession.communeId), eq(unit.id, trainingSession.villageId)))
    .where(and(eq(trainingSession.communeId, communeId), eq(trainingSession.id, sessionId)));
  const [row] = opts.lock ? await q.for('update', { of: trainingSession }) : await q;
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy buổi hướng dẫn.');
  assertVillage(reach, row.s.villageId);
  return row;
}

/** A photo of the session, or 404. */
export async function photoOf(tx: Tx, communeId: string, sessionId: string, photoId: string): Promise<PhotoRow> {
  const [p] = await tx
    .select()
    .from(trainingSessionPhoto)
    .where(and(eq(trainingSessionPhoto.communeId, communeId), eq(trainingSessionPhoto.sessionId, sessionId), eq(trainingSessionPhoto.id, photoId)));
  if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh của buổi hướng dẫn.');
  return p;
}

/** Whether the actor may delete a photo: the one who added it (still serving the village), or who manages the commune's training. */
export const mayDeletePhoto = (actor: Actor, communeId: string, reach: TrainingReach, villageId: string, p: Pick<PhotoRow, 'uploadedBy'>) =>
  mayManage(actor, communeId) || (p.uploadedBy === actor.userId && reachesVillage(reach, villageId));

/** Photo rows as the wire has them (type and size from the stored file, the uploader's name). */
export async function mapPhotos(
  tx: Tx,
  actor: Actor,
  communeId: string,
  reach: TrainingReach,
  villageId: string,
  rows: readonly PhotoRow[],
): Promise<SessionPhoto[]> {
  const ids = [...new Set(rows.map((r) => r.uploadedBy).filter((x): x is string => !!x))];
  const names = new Map(
    ids.length
      ? (await tx.select({ id: appUser.id, fullName: appUser.fullName }).from(appUser).where(inArray(appUser.id, ids))).map((u) => [u.id, u.fullName])
      : [],
  );
  const out: SessionPhoto[] = [];
  for (const r of rows) {
    const f = await fileMeta(tx, communeId, r.fileId);
    out.push({
      id: r.id,
      sessionId: r.sessionId,
      mime: f?.mime ?? 'application/octet-stream',
      size: f?.size ?? 0,
      width: r.width,
      height: r.height,
      caption: r.caption,
      uploadedBy: r.uploadedBy,
      uploadedByName: r.uploadedBy ? (names.get(r.uploadedBy) ?? null) : null,
      createdAt: r.createdAt.toISOString(),
      can: { delete: mayDeletePhoto(actor, communeId, reach, villageId, r) },
    });
  }
  return out;
}

/** The photos of a session, oldest first, with whether the actor may add more. */
export async function listSessionPhotos(opts: { db: Db; actor: Actor; communeId: string; sessionId: string }) {
  const { actor, communeId, sessionId } = opts;
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const { s } = await photoSession(tx, communeId, sessionId, reach);
    const rows = await tx
      .select()
      .from(trainingSessionPhoto)
      .where(and(eq(trainingSessionPhoto.communeId, communeId), eq(trainingSessionPhoto.sessionId, sessionId)))
      .orderBy(asc(trainingSessionPhoto.createdAt), asc(trainingSessionPhoto.id));
    return {
      items: await mapPhotos(tx, actor, communeId, reach, s.villageId, rows),
      limit: SESSION_PHOTO_LIMIT,
      can: { add: rows.length < SESSION_PHOTO_LIMIT },
    };
  });
}

/** A photo's bytes, for whoever may see the session. */
export async function readSessionPhoto(opts: { db: Db; actor: Actor; communeId: string; sessionId: string; photoId: string }) {
  const { communeId, sessionId, photoId } = opts;
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    await photoSession(tx, communeId, sessionId, reach);
    const p = await photoOf(tx, communeId, sessionId, photoId);
    const f = await readFile(tx, communeId, p.fileId);
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy ảnh của buổi hướng dẫn.');
    return f;
  });
}
