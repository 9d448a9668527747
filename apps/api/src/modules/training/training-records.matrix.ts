import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makeUnit } from '../../testing/factories';
import type { TestApp } from '../../testing/harness';
import { communeOf, type Ctx, type Fixture, type Side } from '../../testing/matrix-types';
import type { World } from '../../testing/world';
import { storeFile } from '../files';
import { trainingSession, trainingSessionPhoto } from './training.table';

/** The smallest PNG (1 × 1): a real header the upload reads. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

interface PhotoFx {
  village: string;
  session: string;
  /** Photos to delete live on their own session, so the many the matrix adds never reach a session's limit. */
  spare: string;
  photo: string;
}
const made = new Map<Side, Promise<PhotoFx>>();

async function addPhoto(t: TestApp, communeId: string, sessionId: string): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const fileId = await storeFile(tx, {
      communeId,
      name: 'anh.png',
      fallbackName: 'anh.png',
      mime: 'image/png',
      content: TINY_PNG,
      purpose: 'session_photo',
      createdBy: null,
    });
    // Added by nobody in particular: a team member may not delete it (only its uploader or a manager).
    const [p] = await tx.insert(trainingSessionPhoto).values({ communeId, sessionId, fileId, width: 1, height: 1, uploadedBy: null }).returning();
    return p!.id;
  });
}

/** Per side, made once: a village (A's own, or one of C), a session there with a photo, and a spare session. */
function photoFx(c: Ctx): Promise<PhotoFx> {
  let p = made.get(c.side);
  if (!p) {
    p = (async () => {
      const { t, w } = c;
      const communeId = communeOf(c);
      const [village, team] = c.side === 'own' ? [w.aVillage.id, w.aTeam.id] : await otherVillage(t, w);
      const session = async () =>
        inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
          const [s] = await tx
            .insert(trainingSession)
            .values({ communeId, teamId: team, villageId: village, date: '2026-03-12', place: 'Nhà văn hóa', moduleCodes: ['KNS.THIET_BI'], trainers: [] })
            .returning();
          return s!.id;
        });
      const s = await session();
      return { village, session: s, spare: await session(), photo: await addPhoto(t, communeId, s) };
    })();
    made.set(c.side, p);
  }
  return p;
}

async function otherVillage(t: TestApp, w: World): Promise<[string, string]> {
  const v = await makeUnit(t.database.db, w.c.id, { code: 'MX-ANH', name: 'Thôn Ảnh', kind: 'village' });
  const team = await makeUnit(t.database.db, w.c.id, { code: 'MX-ANH-CNS', name: 'Tổ CNSCĐ thôn Ảnh', kind: 'digital_team', parentId: v.id });
  return [v.id, team.id];
}

const b = 'matrixphoto';
/** Authorization-matrix fixtures of the routes in training-records.routes.ts (spread into the training matrix). */
export const trainingRecordFixtures: Record<string, Fixture> = {
  'GET /api/communes/:communeId/training/sessions/:id/photos': { params: async (c) => ({ communeId: communeOf(c), id: (await photoFx(c)).session }) },
  'POST /api/communes/:communeId/training/sessions/:id/photos': {
    params: async (c) => ({ communeId: communeOf(c), id: (await photoFx(c)).session }),
    raw: () => [
      Buffer.concat([
        Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: image/png\r\n\r\n`),
        TINY_PNG,
        Buffer.from(`\r\n--${b}--\r\n`),
      ]),
      { 'content-type': `multipart/form-data; boundary=${b}` },
    ],
  },
  'GET /api/communes/:communeId/training/sessions/:id/photos/:photoId/image': {
    params: async (c) => {
      const f = await photoFx(c);
      return { communeId: communeOf(c), id: f.session, photoId: f.photo };
    },
  },
  'DELETE /api/communes/:communeId/training/sessions/:id/photos/:photoId': {
    params: async (c) => {
      const f = await photoFx(c);
      return { communeId: communeOf(c), id: f.spare, photoId: await addPhoto(c.t, communeOf(c), f.spare) };
    },
    // A team member deletes only the photos it added; these were added by no one of the matrix.
    refuse: ['digital_team_member'],
  },
  'GET /api/communes/:communeId/training/coverage/breakdown': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
  'GET /api/communes/:communeId/training/sessions/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
  'GET /api/communes/:communeId/training/help/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
  'GET /api/communes/:communeId/training/teams/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }) },
  'GET /api/communes/:communeId/training/coverage/villages.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
  'GET /api/communes/:communeId/training/coverage/breakdown.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
};
