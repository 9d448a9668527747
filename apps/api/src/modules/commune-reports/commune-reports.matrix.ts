import { and, eq } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { loginAs } from '../../testing/harness';
import { publishTemplatePlan } from '../../testing/kits/reports';
import { PASSWORD } from '../../testing/world';
import { communeOf, provinceOf, type Ctx, type Fixture, type MatrixModule } from '../../testing/matrix-types';
import { communeReport } from './commune-reports.table';

/** One yearly report per route that changes state, on each side (A in P1, C in P2), so the routes do not disturb each other. */
type Slot = 'view' | 'save' | 'prepare' | 'submit' | 'return' | 'accept';
const YEAR: Record<Slot, number> = { view: 2025, save: 2026, prepare: 2027, submit: 2028, return: 2029, accept: 2030 };
const made = { own: {} as Partial<Record<Slot, string>>, other: {} as Partial<Record<Slot, string>> };
const PLAN_ID = '00000000-0000-4000-8000-000000000001';
const SECTIONS = [{ planId: PLAN_ID, planTitle: 'Kế hoạch thi đua', planNumber: null, text: 'Đánh giá của xã.', figures: null }];

const idOf = (c: Ctx, slot: Slot) => made[c.side][slot]!;
const communeSide = (slot: Slot) => (c: Ctx) => ({ communeId: communeOf(c), id: idOf(c, slot) });
const provinceSide = (slot: Slot) => (c: Ctx) => ({ provinceId: provinceOf(c), id: idOf(c, slot) });

/** Put a report in the status a route needs (the matrix calls each route many times); returns its version. */
async function ready(c: Ctx, slot: Slot, status: 'draft' | 'submitted'): Promise<number> {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .update(communeReport)
      .set({ status, content: { sections: SECTIONS } })
      .where(eq(communeReport.id, idOf(c, slot)))
      .returning({ version: communeReport.version }),
  );
  return r!.version;
}

// The commune's report is the commune's own: unit roles that write their unit's reports may not write it.
const communeWrite = { refuse: ['unit_focal_point', 'digital_team_member'] } as const satisfies Pick<Fixture, 'refuse'>;

/** Authorization-matrix fixtures of the commune reports routes: commune A (province P1) and commune C (province P2). */
export const communeReportsMatrix: MatrixModule = {
  async setup(t, w) {
    for (const side of ['own', 'other'] as const) {
      const [communeId, admin] = side === 'own' ? [w.a.id, 'a.admin'] : [w.c.id, 'c.admin'];
      const find = () =>
        inScope(t.database.db, SYSTEM_SCOPE, (tx) =>
          tx
            .select({ id: communeReport.id, year: communeReport.year })
            .from(communeReport)
            .where(and(eq(communeReport.communeId, communeId), eq(communeReport.periodKind, 'year'))),
        );
      let rows = await find();
      if (!rows.length) {
        await publishTemplatePlan(await loginAs(t, admin, PASSWORD), communeId);
        rows = await find();
      }
      for (const [slot, year] of Object.entries(YEAR)) made[side][slot as Slot] = rows.find((r) => r.year === year)!.id;
    }
  },
  fixtures: {
    'GET /api/communes/:communeId/commune-reports': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'period=year' },
    'GET /api/communes/:communeId/commune-reports/:id': { params: communeSide('view') },
    'PATCH /api/communes/:communeId/commune-reports/:id': {
      params: communeSide('save'),
      ...communeWrite,
      body: async (c) => ({ version: await ready(c, 'save', 'draft'), sections: [{ planId: PLAN_ID, text: `Lưu lần ${c.n}.` }] }),
    },
    'POST /api/communes/:communeId/commune-reports/:id/prepare': {
      params: communeSide('prepare'),
      ...communeWrite,
      body: async (c) => ({ version: await ready(c, 'prepare', 'draft') }),
    },
    'POST /api/communes/:communeId/commune-reports/:id/submit': {
      params: communeSide('submit'),
      ...communeWrite,
      body: async (c) => ({ version: await ready(c, 'submit', 'draft') }),
    },
    'GET /api/provinces/:provinceId/commune-reports': { params: (c) => ({ provinceId: provinceOf(c) }), query: () => 'period=year&year=2026' },
    'GET /api/provinces/:provinceId/commune-reports/:id': { params: provinceSide('view') },
    'POST /api/provinces/:provinceId/commune-reports/:id/return': {
      params: provinceSide('return'),
      body: async (c) => ({ version: await ready(c, 'return', 'submitted'), comment: 'Bổ sung số liệu của các thôn.' }),
    },
    'POST /api/provinces/:provinceId/commune-reports/:id/accept': {
      params: provinceSide('accept'),
      body: async (c) => ({ version: await ready(c, 'accept', 'submitted') }),
    },
  },
};
