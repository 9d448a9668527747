import { eq } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { communeOf, unitOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';
import { unit } from './org.table';

const versionOf = async (c: Ctx, id: string) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) => tx.select({ v: unit.version }).from(unit).where(eq(unit.id, id)));
  return r!.v;
};

/** Authorization-matrix fixtures for the organisation routes (territory, units, their Excel). */
export const orgMatrix: MatrixModule = {
  globalLists: ['/api/provinces', '/api/communes'],
  fixtures: {
    'GET /api/provinces': {},
    'POST /api/provinces': { body: (c) => ({ code: `PX${c.n}`, name: `Tỉnh thử ${c.n}` }) },
    'PATCH /api/provinces/:id': {
      params: (c) => ({ id: c.side === 'own' ? c.w.p1.id : c.w.p2.id }),
      body: (c) => ({ code: c.side === 'own' ? 'P1' : 'P2', name: `Tỉnh đổi tên ${c.n}` }),
    },
    'GET /api/communes': {},
    'POST /api/communes': { body: (c) => ({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, code: `CX${c.n}`, name: `Xã thử ${c.n}`, kind: 'xa' }) },
    'PATCH /api/communes/:id': {
      params: (c) => ({ id: communeOf(c) }),
      body: (c) => ({
        provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id,
        code: c.side === 'own' ? 'A' : 'C',
        name: c.side === 'own' ? 'Xã Gia Phúc' : 'Phường Bàn Thạch',
        kind: c.side === 'own' ? 'xa' : 'phuong',
      }),
    },
    'GET /api/communes/:communeId/units': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/units/tree': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/units/:id': { params: (c) => ({ communeId: communeOf(c), id: unitOf(c) }) },
    'POST /api/communes/:communeId/units': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ code: `U${c.n}`, name: `Đơn vị thử ${c.n}`, kind: 'office' }),
    },
    'PATCH /api/communes/:communeId/units/:id': {
      params: (c) => ({ communeId: communeOf(c), id: unitOf(c) }),
      body: async (c) => ({ contactName: `Người liên hệ ${c.n}`, version: await versionOf(c, unitOf(c)) }),
    },
    'GET /api/communes/:communeId/units/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/units/import-template.xlsx': { params: (c) => ({ communeId: communeOf(c) }) },
    'POST /api/communes/:communeId/units/import': {
      params: (c) => ({ communeId: communeOf(c) }),
      raw: () => {
        const b = 'matrixboundary';
        return [
          `--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\nnot excel\r\n--${b}--\r\n`,
          { 'content-type': `multipart/form-data; boundary=${b}` },
        ];
      },
    },
  },
};
