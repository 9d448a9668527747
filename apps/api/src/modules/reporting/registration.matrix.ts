import { and, eq } from 'drizzle-orm';
import type { PlanDoc } from '@tds/contracts';
import { buildPlanTemplate } from '../plans/plan-template';
import { registration } from './reporting.table';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { loginAs, type Client, type TestApp } from '../../testing/harness';
import { PASSWORD } from '../../testing/world';
import { confirmReviews } from '../../testing/kits/reports';
import { communeOf, unitOf, type Ctx, type MatrixModule } from '../../testing/matrix-types';

/** The national template with a yearly registration deadline ("Đăng ký thi đua trước ngày 31/3 hằng năm"). */
export function planDocWithRegistration(communeName = 'Xã Gia Phúc'): PlanDoc {
  const doc = buildPlanTemplate({ communeName, provinceName: 'Tỉnh Một', year: 2026 });
  return confirmReviews({
    ...doc,
    deadlines: [
      ...doc.deadlines,
      {
        what: 'Đăng ký thi đua',
        from: 'các cơ quan, đơn vị, thôn, tổ dân phố và Tổ công nghệ số cộng đồng',
        to: 'Ủy ban nhân dân (qua Phòng Văn hóa - Xã hội)',
        day: 31,
        month: 3,
        year: null,
        recurrence: 'yearly',
        qualifier: 'before',
        text: 'trước ngày 31/3 hằng năm',
      },
    ],
  });
}

/** Create a commune plan through the API and publish it (its due items include each unit's registration deadline). */
export async function publishedPlan(client: Client, communeId: string, doc: PlanDoc = planDocWithRegistration()): Promise<string> {
  const created = await client.post(`/api/communes/${communeId}/plans`, { doc, source: 'template' });
  if (created.statusCode !== 201) throw new Error(`create plan: ${created.statusCode} ${created.body}`);
  const p = created.json() as { id: string; version: number };
  const published = await client.post(`/api/communes/${communeId}/plans/${p.id}/publish`, { version: p.version, dryRun: false });
  if (published.statusCode !== 200) throw new Error(`publish plan: ${published.statusCode} ${published.body}`);
  return p.id;
}

const plans = { a: '', c: '' };
const planOf = (c: Ctx) => (c.side === 'own' ? plans.a : plans.c);
const YEAR = 2030;

/** The saved version of a unit's registration, for the optimistic lock. */
async function versionOf(c: Ctx): Promise<number | undefined> {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .select({ v: registration.version })
      .from(registration)
      .where(and(eq(registration.planId, planOf(c)), eq(registration.unitId, unitOf(c)), eq(registration.year, YEAR))),
  );
  return r?.v;
}

/** Authorization-matrix fixtures for the registration routes. */
export const registrationMatrix: MatrixModule = {
  setup: async (t: TestApp, w) => {
    const sys = await loginAs(t, 'sysadmin', PASSWORD);
    plans.a = await publishedPlan(sys, w.a.id);
    plans.c = await publishedPlan(sys, w.c.id, planDocWithRegistration('Phường Bàn Thạch'));
  },
  fixtures: {
    'GET /api/communes/:communeId/plans/:planId/registrations': {
      params: (c) => ({ communeId: communeOf(c), planId: planOf(c) }),
      query: () => `year=${YEAR}`,
    },
    'GET /api/communes/:communeId/plans/:planId/registrations/:unitId': {
      params: (c) => ({ communeId: communeOf(c), planId: planOf(c), unitId: unitOf(c) }),
      query: () => `year=${YEAR}`,
    },
    // The digital team member writes only in its team's subtree, not the school's registration.
    'PUT /api/communes/:communeId/plans/:planId/registrations/:unitId': {
      params: (c) => ({ communeId: communeOf(c), planId: planOf(c), unitId: unitOf(c) }),
      body: async (c) => ({ year: YEAR, version: await versionOf(c), commitments: `Cam kết ${c.n}`, submit: false }),
      refuse: ['digital_team_member'],
    },
    'POST /api/communes/:communeId/plans/:planId/registration-window': {
      params: (c) => ({ communeId: communeOf(c), planId: planOf(c) }),
      body: () => ({ open: true }),
    },
  },
};
