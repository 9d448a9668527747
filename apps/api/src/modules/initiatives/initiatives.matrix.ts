import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import type { TestApp } from '../../testing/harness';
import { communeOf, unitOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';
import { storeFile } from '../files';
import { initiative, initiativeAuthor, initiativeFile, initiativeRecognition } from './initiatives.table';

/** Per commune (A, C): an initiative of the side's unit, with a recognition and an attachment. */
const fx: Record<'own' | 'other', { initiative: string; file: string }> = { own: { initiative: '', file: '' }, other: { initiative: '', file: '' } };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

async function addInitiative(t: TestApp, communeId: string, unitId: string, title: string): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const [r] = await tx
      .insert(initiative)
      .values({ communeId, unitId, title, domain: 'digital_transformation', firstAppliedOn: '2025-03-01', year: 2025, searchKey: title.toLowerCase() })
      .returning();
    await tx.insert(initiativeAuthor).values({ communeId, initiativeId: r!.id, ord: 0, fullName: 'Tác Giả Ma Trận' });
    return r!.id;
  });
}
async function addRecognition(t: TestApp, communeId: string, initiativeId: string, number: string): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const [r] = await tx
      .insert(initiativeRecognition)
      .values({
        communeId,
        initiativeId,
        kind: 'decision',
        number,
        numberKey: number.toLowerCase(),
        date: '2025-12-01',
        body: 'UBND xã',
        level: 'commune',
        levelRank: 2,
      })
      .returning();
    return r!.id;
  });
}
async function addFile(t: TestApp, communeId: string, initiativeId: string): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const fileId = await storeFile(tx, {
      communeId,
      name: 'mo-ta.pdf',
      fallbackName: 'mo-ta.pdf',
      mime: 'application/pdf',
      content: PDF,
      purpose: 'initiative_file',
      createdBy: null,
    });
    const [r] = await tx.insert(initiativeFile).values({ communeId, initiativeId, fileId }).returning();
    return r!.id;
  });
}

const B = 'initiativeboundary';
const fresh = async (c: Ctx) => ({ communeId: communeOf(c), id: await addInitiative(c.t, communeOf(c), unitOf(c), `Sáng kiến thử ${c.n}`) });

/** Authorization-matrix fixtures for the initiatives routes. */
export const initiativesMatrix: MatrixModule = {
  setup: async (t, w) => {
    for (const [side, communeId, unitId] of [
      ['own', w.a.id, w.aSchool.id],
      ['other', w.c.id, w.cOffice.id],
    ] as const) {
      fx[side].initiative = await addInitiative(t, communeId, unitId, 'Sáng kiến ma trận');
      await addRecognition(t, communeId, fx[side].initiative, 'MX-0/QĐ');
      fx[side].file = await addFile(t, communeId, fx[side].initiative);
    }
  },
  fixtures: {
    'GET /api/communes/:communeId/initiatives': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'q=ma%20tran&recognized=true' },
    'POST /api/communes/:communeId/initiatives': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ title: `Sáng kiến mới ${c.n}`, unitId: unitOf(c), domain: 'education', authors: [{ fullName: 'Nguyễn Văn Ma Trận' }] }),
    },
    'GET /api/communes/:communeId/initiatives/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2025' },
    'GET /api/communes/:communeId/initiatives/:id': { params: (c) => ({ communeId: communeOf(c), id: fx[c.side].initiative }) },
    'PATCH /api/communes/:communeId/initiatives/:id': { params: fresh, body: (c) => ({ version: 1, title: `Sáng kiến đã sửa ${c.n}` }) },
    'DELETE /api/communes/:communeId/initiatives/:id': { params: fresh },
    'POST /api/communes/:communeId/initiatives/:id/recognitions': {
      params: (c) => ({ communeId: communeOf(c), id: fx[c.side].initiative }),
      body: (c) => ({ kind: 'decision', number: `MX-${c.n}/QĐ-UBND`, date: '2025-12-20', body: 'UBND xã', level: 'commune' }),
    },
    'DELETE /api/communes/:communeId/initiatives/:id/recognitions/:recognitionId': {
      params: async (c) => ({
        communeId: communeOf(c),
        id: fx[c.side].initiative,
        recognitionId: await addRecognition(c.t, communeOf(c), fx[c.side].initiative, `MX-DEL-${c.n}`),
      }),
    },
    // A fresh initiative each call: one holds at most INITIATIVE_FILE_LIMIT files.
    'POST /api/communes/:communeId/initiatives/:id/files': {
      params: fresh,
      raw: () => [
        Buffer.concat([
          Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="quyet-dinh.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
          PDF,
          Buffer.from(`\r\n--${B}--\r\n`),
        ]),
        { 'content-type': `multipart/form-data; boundary=${B}` },
      ],
    },
    'GET /api/communes/:communeId/initiatives/:id/files/:fileId': {
      params: (c) => ({ communeId: communeOf(c), id: fx[c.side].initiative, fileId: fx[c.side].file }),
    },
    'DELETE /api/communes/:communeId/initiatives/:id/files/:fileId': {
      params: async (c) => ({ communeId: communeOf(c), id: fx[c.side].initiative, fileId: await addFile(c.t, communeOf(c), fx[c.side].initiative) }),
    },
  },
};
