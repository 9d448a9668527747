import { eq } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { makePlan } from '../../testing/factories';
import { communeOf, unitOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';
import { buildPlanTemplate } from './plan-template';
import { plan as planTable, provincePlan as provincePlanTable } from './plans.table';

const template = () => buildPlanTemplate({ communeName: 'Xã Gia Phúc', provinceName: 'Tỉnh Một', year: 2026 });
const plans = { a: '', c: '' };
const planOf = (c: Ctx) => (c.side === 'own' ? plans.a : plans.c);
const planVersion = async (c: Ctx) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .select({ v: planTable.currentVersion })
      .from(planTable)
      .where(eq(planTable.id, planOf(c))),
  );
  return r!.v;
};
/** A fresh province plan of P1 (own side) or P2 (other side), entered as the system. */
const spareProvincePlan = async (c: Ctx) => {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .insert(provincePlanTable)
      .values({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, title: `Dự phòng ${c.n}` })
      .returning(),
  );
  return r!.id;
};

/** Authorization-matrix fixtures for the plans routes: a plan of A's school (own side) and one of commune C. */
export const plansMatrix: MatrixModule = {
  async setup(t, w) {
    plans.a = (await makePlan(t.database.db, w.a.id, { doc: template(), ownerUnitId: w.aSchool.id })).id;
    plans.c = (await makePlan(t.database.db, w.c.id, { doc: template() })).id;
  },
  globalLists: ['/api/award-kinds'],
  fixtures: {
    'GET /api/plan-template': { query: (c) => `communeId=${communeOf(c)}` },
    'GET /api/communes/:communeId/plans': { params: (c) => ({ communeId: communeOf(c) }) },
    // Importing proposes a commune plan: commune-level plan writers only; a unit's focal point is refused (403 own, 404 other).
    'POST /api/communes/:communeId/plans/import': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: () => ({ text: 'KẾ HOẠCH\nTriển khai phong trào thi đua\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.' }),
      refuse: ['unit_focal_point'],
    },
    'POST /api/communes/:communeId/plans': {
      params: (c) => ({ communeId: communeOf(c) }),
      body: (c) => ({ doc: template(), source: 'template', ownerUnitId: unitOf(c) }),
    },
    'GET /api/communes/:communeId/plans/:id': { params: (c) => ({ communeId: communeOf(c), id: planOf(c) }) },
    'PATCH /api/communes/:communeId/plans/:id': {
      params: (c) => ({ communeId: communeOf(c), id: planOf(c) }),
      body: async (c) => ({ doc: template(), version: await planVersion(c) }),
    },
    'GET /api/communes/:communeId/plans/:id/versions': { params: (c) => ({ communeId: communeOf(c), id: planOf(c) }) },
    'GET /api/communes/:communeId/plans/:id/versions/:version': { params: (c) => ({ communeId: communeOf(c), id: planOf(c), version: '1' }) },
    'POST /api/communes/:communeId/plans/:id/publish': {
      params: (c) => ({ communeId: communeOf(c), id: planOf(c) }),
      body: async (c) => ({ version: await planVersion(c), dryRun: true }),
    },
    'GET /api/communes/:communeId/plans/:id/document.docx': { params: (c) => ({ communeId: communeOf(c), id: planOf(c) }) },
    'GET /api/communes/:communeId/plans/:id/decision.docx': { params: (c) => ({ communeId: communeOf(c), id: planOf(c) }) },
    'GET /api/communes/:communeId/plans/:id/document.html': { params: (c) => ({ communeId: communeOf(c), id: planOf(c) }) },
    'GET /api/communes/:communeId/plans/:id/decision.html': { params: (c) => ({ communeId: communeOf(c), id: planOf(c) }) },
    'GET /api/award-kinds': {},
    'GET /api/province-plans': { query: (c) => `provinceId=${c.side === 'own' ? c.w.p1.id : c.w.p2.id}` },
    // Province plans are written by the province's users (and system administrators) only.
    'POST /api/province-plans': { body: (c) => ({ provinceId: c.side === 'own' ? c.w.p1.id : c.w.p2.id, title: `Kế hoạch của tỉnh ${c.n}` }) },
    'PATCH /api/province-plans/:id': { params: async (c) => ({ id: await spareProvincePlan(c) }), body: (c) => ({ title: `Kế hoạch sửa ${c.n}` }) },
    'DELETE /api/province-plans/:id': { params: async (c) => ({ id: await spareProvincePlan(c) }) },
    'GET /api/communes/:communeId/calendar': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'from=2025-01-01&to=2026-12-31' },
  },
};
