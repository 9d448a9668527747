import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import type { TestApp } from '../../testing/harness';
import { communeOf, unitOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';
import { storeFile } from '../files';
import { makePng } from '../../testing/kits/images';
import { exemplaryModel, exemplaryModelPhoto } from './models.table';

/** Per commune (A, C): a published model of the side's unit with a photo. */
const fx: Record<'own' | 'other', { model: string; photo: string }> = { own: { model: '', photo: '' }, other: { model: '', photo: '' } };
const PNG = makePng(4, 3);

async function addModel(t: TestApp, communeId: string, unitId: string, title: string, status: 'draft' | 'published' = 'draft'): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const [r] = await tx
      .insert(exemplaryModel)
      .values({ communeId, kind: 'collective', title, unitId, story: 'Câu chuyện', year: 2026, status, searchKey: title.toLowerCase() })
      .returning();
    return r!.id;
  });
}
async function addPhoto(t: TestApp, communeId: string, modelId: string): Promise<string> {
  return inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const fileId = await storeFile(tx, {
      communeId,
      name: 'a.png',
      fallbackName: 'a.png',
      mime: 'image/png',
      content: PNG,
      purpose: 'model_photo',
      createdBy: null,
    });
    const [r] = await tx.insert(exemplaryModelPhoto).values({ communeId, modelId, fileId, width: 4, height: 3 }).returning();
    return r!.id;
  });
}
const fresh =
  (status: 'draft' | 'published' = 'draft') =>
  async (c: Ctx) => ({
    communeId: communeOf(c),
    id: await addModel(c.t, communeOf(c), unitOf(c), `Mô hình thử ${c.n}`, status),
  });
const B = 'modelboundary';

/** Authorization-matrix fixtures for the models routes. */
export const modelsMatrix: MatrixModule = {
  setup: async (t, w) => {
    for (const [side, communeId, unitId] of [
      ['own', w.a.id, w.aSchool.id],
      ['other', w.c.id, w.cOffice.id],
    ] as const) {
      fx[side].model = await addModel(t, communeId, unitId, 'Mô hình ma trận', 'published');
      fx[side].photo = await addPhoto(t, communeId, fx[side].model);
    }
  },
  fixtures: {
    'GET /api/communes/:communeId/models': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026&status=published' },
    'POST /api/communes/:communeId/models': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ kind: 'collective', title: `Mô hình mới ${c.n}`, unitId: unitOf(c), movementContent: 'Chuyển đổi số', year: 2026 }),
    },
    'GET /api/communes/:communeId/models/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'GET /api/communes/:communeId/models/export.docx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'GET /api/communes/:communeId/models/:id': { params: (c) => ({ communeId: communeOf(c), id: fx[c.side].model }) },
    'PATCH /api/communes/:communeId/models/:id': { params: fresh(), body: (c) => ({ version: 1, title: `Mô hình đã sửa ${c.n}` }) },
    'DELETE /api/communes/:communeId/models/:id': { params: fresh() },
    'POST /api/communes/:communeId/models/:id/publish': { params: fresh(), body: () => ({ version: 1 }) },
    'POST /api/communes/:communeId/models/:id/unpublish': { params: fresh('published'), body: () => ({ version: 1 }) },
    // A fresh model each call: one holds at most MODEL_PHOTO_LIMIT photos.
    'POST /api/communes/:communeId/models/:id/photos': {
      params: fresh(),
      raw: () => [
        Buffer.concat([
          Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="anh.png"\r\nContent-Type: image/png\r\n\r\n`),
          PNG,
          Buffer.from(`\r\n--${B}--\r\n`),
        ]),
        { 'content-type': `multipart/form-data; boundary=${B}` },
      ],
    },
    'GET /api/communes/:communeId/models/:id/photos/:photoId': {
      params: (c) => ({ communeId: communeOf(c), id: fx[c.side].model, photoId: fx[c.side].photo }),
    },
    'DELETE /api/communes/:communeId/models/:id/photos/:photoId': {
      params: async (c) => {
        const { communeId, id } = await fresh()(c);
        return { communeId, id, photoId: await addPhoto(c.t, communeId, id) };
      },
    },
    // Public: anyone reads published models (the matrix skips public routes; the models test checks what they show).
    'GET /api/public/communes/:communeId/models': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/public/communes/:communeId/models/:id/photos/:photoId': {
      params: (c) => ({ communeId: communeOf(c), id: fx[c.side].model, photoId: fx[c.side].photo }),
    },
  },
};
