import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makeUnit } from '../../testing/factories';
import type { TestApp } from '../../testing/harness';
import type { Role } from '@tds/contracts';
import { communeOf, provinceOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';

/** Province figures are for province officers and system administrators: commune roles are refused. */
const COMMUNE_ROLES: readonly Role[] = ['commune_admin', 'chairman', 'council_member', 'unit_focal_point', 'digital_team_member', 'viewer'];
import { residentKeys } from './training.store';
import { attendance, completionEvidence, resident, trainingCertificate, trainingSession } from './training.table';
import { trainingRecordFixtures } from './training-records.matrix';
import { trainingImportFixtures } from './training-imports.matrix';

/** Per commune (A, C): a village with its team, a resident and a session. */
const fx: Record<'own' | 'other', { village: string; team: string; resident: string; session: string; certificate: string }> = {
  own: { village: '', team: '', resident: '', session: '', certificate: '' },
  other: { village: '', team: '', resident: '', session: '', certificate: '' },
};

async function addResident(t: TestApp, communeId: string, villageId: string, fullName: string, birthYear = 1970): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const [r] = await tx
      .insert(resident)
      .values({ communeId, villageId, ...residentKeys(fullName), birthYear, gender: 'female', learnerGroup: 'residents' })
      .returning();
    return r!.id;
  });
}

/** Each merge call merges a fresh pair: the one in the path into the one in the body. */
const pairs = new Map<number, string>();

/** Authorization-matrix fixtures for the training routes. */
export const trainingMatrix: MatrixModule = {
  setup: async (t, w) => {
    fx.own.village = w.aVillage.id;
    fx.own.team = w.aTeam.id;
    const cVillage = await makeUnit(t.database.db, w.c.id, { code: 'MX-THON', name: 'Thôn Ma Trận', kind: 'village' });
    const cTeam = await makeUnit(t.database.db, w.c.id, { code: 'MX-THON-CNS', name: 'Tổ CNSCĐ thôn Ma Trận', kind: 'digital_team', parentId: cVillage.id });
    fx.other.village = cVillage.id;
    fx.other.team = cTeam.id;
    for (const [side, communeId] of [
      ['own', w.a.id],
      ['other', w.c.id],
    ] as const) {
      fx[side].resident = await addResident(t, communeId, fx[side].village, 'Đỗ Thị Ma Trận');
      fx[side].session = await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
        const [s] = await tx
          .insert(trainingSession)
          .values({
            communeId,
            teamId: fx[side].team,
            villageId: fx[side].village,
            date: '2026-03-10',
            place: 'Nhà văn hóa',
            moduleCodes: ['KNS.THIET_BI'],
            trainers: [],
          })
          .returning();
        return s!.id;
      });
      // The resident attended it, and holds a certificate.
      fx[side].certificate = `MX${side === 'own' ? 'A' : 'C'}CERT01`;
      await inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
        await tx.insert(attendance).values({ communeId, sessionId: fx[side].session, residentId: fx[side].resident, markedAt: new Date() });
        // Evidence too, so that the marks the matrix takes back leave something completed.
        await tx
          .insert(completionEvidence)
          .values({ communeId, residentId: fx[side].resident, moduleCode: 'KNS.AI', certificateNo: 'MX-1', completedOn: '2026-01-05' });
        await tx
          .insert(trainingCertificate)
          .values({ communeId, code: fx[side].certificate, residentId: fx[side].resident, modules: ['KNS.THIET_BI'], issuedOn: '2026-03-10' });
      });
    }
  },
  fixtures: {
    'GET /api/communes/:communeId/training/modules': { params: (c) => ({ communeId: communeOf(c) }) },
    'POST /api/communes/:communeId/training/modules': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ code: `MX.N${c.n}`, groupName: 'Nhóm thử', name: `Học phần thử ${c.n}`, learnerGroups: ['residents'] }),
    },
    'GET /api/communes/:communeId/training/settings': { params: (c) => ({ communeId: communeOf(c) }) },
    'PUT /api/communes/:communeId/training/settings': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ adultAge: c.n % 2 ? 15 : 16, basicModules: ['KNS.THIET_BI', 'KNS.DVC_VNEID'] }),
    },
    'GET /api/communes/:communeId/training/residents': { params: (c) => ({ communeId: communeOf(c) }) },
    'POST /api/communes/:communeId/training/residents': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ villageId: fx[c.side].village, fullName: `Người Dân Số ${c.n}`, birthYear: 1980, gender: 'male' }),
    },
    'GET /api/communes/:communeId/training/residents/import-template.xlsx': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/training/residents/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }) },
    'POST /api/communes/:communeId/training/residents/import': {
      params: (c) => ({ communeId: communeOf(c) }),
      raw: () => {
        const b = 'matrixboundary';
        return [
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nnot excel\r\n--${b}--\r\n`,
          { 'content-type': `multipart/form-data; boundary=${b}` },
        ];
      },
    },
    'POST /api/communes/:communeId/training/residents/duplicates': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ villageId: fx[c.side].village, fullName: 'Đỗ Thị Ma Trận', birthYear: 1970 }),
    },
    'PATCH /api/communes/:communeId/training/residents/:id': {
      params: async (c: Ctx) => ({ communeId: communeOf(c), id: await addResident(c.t, communeOf(c), fx[c.side].village, `Người Sửa ${c.n}`) }),
      body: () => ({ version: 1, birthYear: 1981 }),
    },
    'POST /api/communes/:communeId/training/residents/:id/merge': {
      params: async (c: Ctx) => {
        const communeId = communeOf(c);
        pairs.set(c.n, await addResident(c.t, communeId, fx[c.side].village, `Người Giữ ${c.n}`));
        return { communeId, id: await addResident(c.t, communeId, fx[c.side].village, `Người Trùng ${c.n}`) };
      },
      body: (c) => ({ intoId: pairs.get(c.n)! }),
    },
    'POST /api/communes/:communeId/training/residents/:id/completions': {
      params: (c) => ({ communeId: communeOf(c), id: fx[c.side].resident }),
      body: (c) => ({ moduleCode: 'KNS.AN_TOAN', certificateNo: `BDHVS-${c.n}`, completedOn: '2026-02-01' }),
    },
    'GET /api/communes/:communeId/training/population': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'PUT /api/communes/:communeId/training/population': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ year: 2026, items: [{ villageId: fx[c.side].village, adults: 400 + c.n }] }),
    },
    'GET /api/communes/:communeId/training/teams': { params: (c) => ({ communeId: communeOf(c) }) },
    'PUT /api/communes/:communeId/training/teams/:unitId': {
      params: (c) => ({ communeId: communeOf(c), unitId: fx[c.side].team }),
      body: (c) => ({ decisionNo: `${c.n}/QĐ-UBND`, decisionDate: '2025-09-01' }),
    },
    'GET /api/communes/:communeId/training/sessions': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'POST /api/communes/:communeId/training/sessions': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ teamId: fx[c.side].team, villageId: fx[c.side].village, date: '2026-04-02', place: `Nhà văn hóa ${c.n}`, moduleCodes: ['KNS.THIET_BI'] }),
    },
    'GET /api/communes/:communeId/training/sessions/:id': { params: (c) => ({ communeId: communeOf(c), id: fx[c.side].session }) },
    'PUT /api/communes/:communeId/training/sessions/:id/attendance': {
      params: (c) => ({ communeId: communeOf(c), id: fx[c.side].session }),
      body: (c) => ({ marks: [{ residentId: fx[c.side].resident, present: c.n % 2 === 0, opKey: `mx-mark-${c.n}` }] }),
    },
    'GET /api/communes/:communeId/training/sessions/:id/sheet.pdf': { params: (c) => ({ communeId: communeOf(c), id: fx[c.side].session }) },
    'POST /api/communes/:communeId/training/residents/:id/certificates': { params: (c) => ({ communeId: communeOf(c), id: fx[c.side].resident }) },
    'GET /api/communes/:communeId/training/certificates/:code/certificate.pdf': { params: (c) => ({ communeId: communeOf(c), code: fx[c.side].certificate }) },
    // Public: anyone may check a code (the matrix skips public routes; the training test checks what it shows).
    'GET /api/public/certificates/:code': { params: (c) => ({ code: fx[c.side].certificate }) },
    'GET /api/communes/:communeId/training/villages/:villageId/roster': { params: (c) => ({ communeId: communeOf(c), villageId: fx[c.side].village }) },
    'POST /api/communes/:communeId/training/sync': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ ops: [{ kind: 'mark', opKey: `mx-sync-${c.n}`, sessionId: fx[c.side].session, residentId: fx[c.side].resident, present: true }] }),
    },
    'POST /api/communes/:communeId/training/help': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ teamId: fx[c.side].team, villageId: fx[c.side].village, date: '2026-03-11', type: 'other', count: 1 + (c.n % 5) }),
    },
    'GET /api/communes/:communeId/training/coverage': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'GET /api/provinces/:provinceId/training/coverage': { params: (c) => ({ provinceId: provinceOf(c) }), query: () => 'year=2026', refuse: COMMUNE_ROLES },
    ...trainingRecordFixtures,
    ...trainingImportFixtures,
  },
};
