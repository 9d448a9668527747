import { eq } from 'drizzle-orm';
import { report } from './reporting.table';
import { dueItemId, multipartFile, openReportVia, PDF_BYTES, publishTemplatePlan } from '../../testing/kits/reports';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { loginAs } from '../../testing/harness';
import { PASSWORD } from '../../testing/world';
import { communeOf, type Ctx, type Fixture, type MatrixModule } from '../../testing/matrix-types';

/** Reports made in setup, per side: one per route that changes state, so the routes do not disturb each other. */
type Slot = 'view' | 'save' | 'submit' | 'review' | 'accept' | 'reopen' | 'plan';
const YEAR: Record<Exclude<Slot, 'plan'>, number> = { view: 2025, save: 2026, submit: 2027, review: 2028, accept: 2029, reopen: 2030 };
const made = { own: {} as Partial<Record<Slot, string>>, other: {} as Partial<Record<Slot, string>> };
const dueItems = { own: '', other: '' };

const idOf = (c: Ctx, slot: Slot) => made[c.side][slot]!;
const params = (slot: Slot) => (c: Ctx) => ({ communeId: communeOf(c), id: idOf(c, slot) });
const SECTIONS = [{ key: 'ket_qua', title: 'Kết quả triển khai thực hiện phong trào', text: 'Nội dung báo cáo.' }];

/** Put a report in the status a route needs (the matrix calls each route many times); returns its version. */
async function ready(c: Ctx, slot: Slot, status: 'draft' | 'submitted' | 'accepted'): Promise<number> {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .update(report)
      .set({ status, sections: SECTIONS })
      .where(eq(report.id, idOf(c, slot)))
      .returning({ version: report.version }),
  );
  return r!.version;
}

// Unit roles write only in their own subtree: the digital team member (of the village's team) not the school's reports.
const unitWrite = { refuse: ['digital_team_member'] } as const satisfies Pick<Fixture, 'refuse'>;

/** Authorization-matrix fixtures for the reports routes: A's school (own side) and C's office (other side). */
export const reportsMatrix: MatrixModule = {
  async setup(t, w) {
    for (const side of ['own', 'other'] as const) {
      const [communeId, unitId, admin] = side === 'own' ? [w.a.id, w.aSchool.id, 'a.admin'] : [w.c.id, w.cOffice.id, 'c.admin'];
      const client = await loginAs(t, admin, PASSWORD);
      const planId = await publishTemplatePlan(client, communeId);
      for (const [slot, year] of Object.entries(YEAR)) {
        made[side][slot as Slot] = (await openReportVia(client, communeId, await dueItemId(t.database.db, planId, unitId, { kind: 'report', year }))).id;
      }
      dueItems[side] = await dueItemId(t.database.db, planId, unitId, { kind: 'report', year: 2025 });
      const plan = await openReportVia(client, communeId, await dueItemId(t.database.db, planId, unitId, { kind: 'unit_plan' }));
      made[side].plan = plan.id;
      const up = await client.request('POST', `/api/communes/${communeId}/reports/${plan.id}/file`, ...multipartFile('ke-hoach.pdf', PDF_BYTES));
      if (up.statusCode !== 200) throw new Error(`upload: ${up.body}`);
    }
  },
  fixtures: {
    'GET /api/communes/:communeId/due-items': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'kind=report' },
    'POST /api/communes/:communeId/due-items/:dueItemId/report': { params: (c) => ({ communeId: communeOf(c), dueItemId: dueItems[c.side] }), ...unitWrite },
    'GET /api/communes/:communeId/reports': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'status=draft' },
    'GET /api/communes/:communeId/reports/:id': { params: params('view') },
    'GET /api/communes/:communeId/reports/:id/versions': { params: params('view') },
    'PATCH /api/communes/:communeId/reports/:id': {
      params: params('save'),
      ...unitWrite,
      body: async (c) => ({ version: await ready(c, 'save', 'draft'), sections: [{ ...SECTIONS[0]!, text: `Lưu lần ${c.n}.` }] }),
    },
    'POST /api/communes/:communeId/reports/:id/submit': {
      params: params('submit'),
      ...unitWrite,
      body: async (c) => ({ version: await ready(c, 'submit', 'draft') }),
    },
    'POST /api/communes/:communeId/reports/:id/return': {
      params: params('review'),
      body: async (c) => ({ version: await ready(c, 'review', 'submitted'), comment: 'Bổ sung số liệu.' }),
    },
    'POST /api/communes/:communeId/reports/:id/accept': { params: params('accept'), body: async (c) => ({ version: await ready(c, 'accept', 'submitted') }) },
    'POST /api/communes/:communeId/reports/:id/reopen': {
      params: params('reopen'),
      body: async (c) => ({ version: await ready(c, 'reopen', 'accepted'), reason: 'Cần sửa số liệu.' }),
    },
    'POST /api/communes/:communeId/reports/:id/file': { params: params('plan'), ...unitWrite, raw: () => multipartFile('ke-hoach.pdf', PDF_BYTES) },
    'GET /api/communes/:communeId/reports/:id/file': { params: params('plan') },
  },
};
