import { and, eq } from 'drizzle-orm';
import type { PlanDoc, RubricInput } from '@tds/contracts';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { loginAs, type TestApp } from '../../testing/harness';
import { PASSWORD } from '../../testing/world';
import { communeOf, provinceOf, unitOf, type Ctx, type Fixture, type MatrixModule, type Side } from '../../testing/matrix-types';
import { storeFile } from '../files';
import { assessment, councilScore, rubric, rubricCriterion, scoringEvidenceFile } from './scoring.table';

/** One rubric per route that changes state, on each side, so the routes do not disturb each other. */
type Slot = 'view' | 'edit' | 'open' | 'close' | 'publish' | 'assess' | 'score';
const made: Record<Side, Partial<Record<Slot, string>> & { plan?: string; unit?: string; file?: string }> = { own: {}, other: {} };

const idOf = (c: Ctx, slot: Slot) => made[c.side][slot]!;
const rubricSide = (slot: Slot) => (c: Ctx) => ({ communeId: communeOf(c), id: idOf(c, slot) });
const unitSide = (slot: Slot) => (c: Ctx) => ({ communeId: communeOf(c), id: idOf(c, slot), unitId: unitOf(c) });
const sys = <T>(c: Ctx, fn: Parameters<typeof inScope<T>>[2]) => inScope(c.t.database.db, SYSTEM_SCOPE, fn);

function input(unitId: string, auto = false): RubricInput {
  return {
    planId: null,
    groupName: 'Đối với các cơ quan, đơn vị',
    title: 'Bảng tiêu chí chấm điểm (ma trận quyền)',
    year: 2026,
    unitIds: [unitId],
    aggregation: 'mean',
    classes: [
      { label: 'Hoàn thành tốt nhiệm vụ', min: 50 },
      { label: 'Không hoàn thành nhiệm vụ', min: 0 },
    ],
    criteria: auto
      ? [
          {
            title: 'Tỷ lệ cán bộ hoàn thành khóa học',
            section: 'main',
            method: 'formula',
            maxPoints: 10,
            indicatorCode: 'CQ.CBCC_HOAN_THANH_KHOA_HOC',
            factor: 0.1,
            evidenceRequired: false,
          },
        ]
      : [{ title: 'Tổ chức phong trào', section: 'main', method: 'judgement', maxPoints: 10, evidenceRequired: false }],
    source: null,
  };
}

/** Put a rubric in a state; returns its version. */
async function ready(c: Ctx, slot: Slot, status: 'draft' | 'open' | 'closed'): Promise<number> {
  const [r] = await sys(c, (tx) =>
    tx
      .update(rubric)
      .set({ status })
      .where(eq(rubric.id, idOf(c, slot)))
      .returning({ version: rubric.version }),
  );
  return r!.version;
}
/** The slot's self-assessment in a state (with a complete claim), or none; returns its version. */
async function assessed(c: Ctx, status: 'draft' | 'submitted'): Promise<number> {
  const id = idOf(c, 'assess');
  return sys(c, async (tx) => {
    const [crit] = await tx.select({ id: rubricCriterion.id }).from(rubricCriterion).where(eq(rubricCriterion.rubricId, id));
    const items = { [crit!.id]: { points: 5, evidence: [] } };
    const cur = await tx
      .update(assessment)
      .set({ status, items })
      .where(and(eq(assessment.rubricId, id), eq(assessment.unitId, unitOf(c))))
      .returning({ version: assessment.version });
    if (cur[0]) return cur[0].version;
    await tx.insert(assessment).values({ communeId: communeOf(c), rubricId: id, unitId: unitOf(c), status, items });
    return 1;
  });
}
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const B = 'scoringboundary';
/** An evidence file of the side's unit for the slot's self-assessment; returns its id. */
const addFile = (t: TestApp, side: Side, communeId: string, unitId: string) =>
  inScope(t.database.db, SYSTEM_SCOPE, async (tx) => {
    const id = await storeFile(tx, {
      communeId,
      name: 'bien-ban.pdf',
      fallbackName: 'bien-ban.pdf',
      mime: 'application/pdf',
      content: PDF,
      purpose: 'scoring_evidence',
      createdBy: null,
    });
    const rubricId = made[side].assess!;
    await tx.insert(scoringEvidenceFile).values({ communeId, id, rubricId, unitId, name: 'bien-ban.pdf', mime: 'application/pdf', size: PDF.length });
    return id;
  });
/** The slot's self-assessment a draft again (its evidence may change), and its path. */
const editableSide = async (c: Ctx) => (await assessed(c, 'draft'), unitSide('assess')(c));

/** No member's scores of the slot yet (each call scores from nothing). */
const noScores = (c: Ctx) => sys(c, (tx) => tx.delete(councilScore).where(eq(councilScore.rubricId, idOf(c, 'score'))));

// A council member's sheet is a council member's: a system administrator is none; a unit's self-assessment is the unit's own.
const membersOnly = { refuse: ['system_admin'] } as const satisfies Pick<Fixture, 'refuse'>;
const assessRead = { refuse: ['province_officer', 'viewer'] } as const satisfies Pick<Fixture, 'refuse'>;
// The province's league is the province's: commune roles of its communes do not read it.
const provinceOnly = { refuse: ['commune_admin', 'chairman', 'council_member', 'unit_focal_point', 'viewer'] } as const satisfies Pick<Fixture, 'refuse'>;

/** Authorization-matrix fixtures of the scoring routes: commune A (province P1) and commune C (province P2). */
export const scoringMatrix: MatrixModule = {
  async setup(t, w) {
    for (const side of ['own', 'other'] as const) {
      const [communeId, adminName, unitId] = side === 'own' ? [w.a.id, 'a.admin', w.aSchool.id] : [w.c.id, 'c.admin', w.cOffice.id];
      const admin = await loginAs(t, adminName, PASSWORD);
      const make = async (auto = false) => {
        const res = await admin.post(`/api/communes/${communeId}/scoring/rubrics`, input(unitId, auto));
        if (res.statusCode !== 201) throw new Error(`rubric: ${res.body}`);
        return res.json() as { id: string; version: number };
      };
      const step = async (r: { id: string; version: number }, to: string) => {
        const res = await admin.post(`/api/communes/${communeId}/scoring/rubrics/${r.id}/${to}`, { version: r.version });
        if (res.statusCode !== 200) throw new Error(`${to}: ${res.body}`);
        return res.json() as { id: string; version: number };
      };
      const m = made[side];
      m.view = (await step(await step(await step(await make(), 'open'), 'close'), 'publish')).id;
      for (const s of ['edit', 'open', 'close', 'publish'] as const) m[s] = (await make()).id;
      m.assess = (await step(await make(), 'open')).id;
      m.score = (await step(await make(true), 'open')).id;
      m.file = await addFile(t, side, communeId, unitId);
      const doc = (await admin.get(`/api/plan-template?communeId=${communeId}`)).json() as PlanDoc;
      const plan = await admin.post(`/api/communes/${communeId}/plans`, { doc, source: 'template' });
      if (plan.statusCode !== 201) throw new Error(`plan: ${plan.body}`);
      m.plan = (plan.json() as { id: string }).id;
    }
  },
  fixtures: {
    'GET /api/communes/:communeId/scoring/rubrics': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2026' },
    'POST /api/communes/:communeId/scoring/rubrics': { params: (c) => ({ communeId: communeOf(c) }), body: (c) => input(unitOf(c)) },
    'GET /api/communes/:communeId/scoring/rubric-draft': {
      params: (c) => ({ communeId: communeOf(c) }),
      query: (c) => `planId=${made[c.side].plan}&group=0&year=2026`,
    },
    'GET /api/communes/:communeId/scoring/templates': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/scoring/rubrics/:id': { params: rubricSide('view') },
    'PUT /api/communes/:communeId/scoring/rubrics/:id': {
      params: rubricSide('edit'),
      body: async (c) => ({ ...input(unitOf(c)), version: await ready(c, 'edit', 'draft') }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/open': { params: rubricSide('open'), body: async (c) => ({ version: await ready(c, 'open', 'draft') }) },
    'POST /api/communes/:communeId/scoring/rubrics/:id/close': {
      params: rubricSide('close'),
      body: async (c) => ({ version: await ready(c, 'close', 'open') }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/publish': {
      params: rubricSide('publish'),
      body: async (c) => ({ version: await ready(c, 'publish', 'closed') }),
    },
    'GET /api/communes/:communeId/scoring/rubrics/:id/progress': { params: rubricSide('view') },
    'GET /api/communes/:communeId/scoring/rubrics/:id/ranking': { params: rubricSide('view') },
    'GET /api/communes/:communeId/scoring/rubrics/:id/scoresheet.xlsx': { params: rubricSide('view') },
    'GET /api/communes/:communeId/scoring/rubrics/:id/scoresheet.docx': { params: rubricSide('view') },
    'GET /api/communes/:communeId/scoring/rubrics/:id/results/:unitId': { params: unitSide('view') },
    'GET /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId': { params: unitSide('assess'), ...assessRead },
    'PUT /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId': {
      params: unitSide('assess'),
      ...membersOnly,
      body: async (c) => ({ version: await assessed(c, 'draft'), items: {} }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId/submit': {
      params: unitSide('assess'),
      ...membersOnly,
      body: async (c) => ({ version: await assessed(c, 'draft') }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId/return': {
      params: unitSide('assess'),
      body: async (c) => ({ version: await assessed(c, 'submitted'), comment: 'Cần bổ sung minh chứng.' }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId/files': {
      params: editableSide,
      ...membersOnly,
      raw: () => [
        Buffer.concat([
          Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="file"; filename="bien-ban.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
          PDF,
          Buffer.from(`\r\n--${B}--\r\n`),
        ]),
        { 'content-type': `multipart/form-data; boundary=${B}` },
      ],
    },
    'GET /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId/files/:fileId': {
      params: (c) => ({ ...unitSide('assess')(c), fileId: made[c.side].file! }),
      ...assessRead,
    },
    'DELETE /api/communes/:communeId/scoring/rubrics/:id/assessments/:unitId/files/:fileId': {
      params: async (c) => ({ ...(await editableSide(c)), fileId: await addFile(c.t, c.side, communeOf(c), unitOf(c)) }),
      ...membersOnly,
    },
    'GET /api/communes/:communeId/scoring/rubrics/:id/scores/:unitId': { params: unitSide('score'), ...membersOnly },
    'PUT /api/communes/:communeId/scoring/rubrics/:id/scores/:unitId': {
      params: unitSide('score'),
      ...membersOnly,
      body: async (c) => (await noScores(c), { version: 0, items: {} }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/scores/:unitId/submit': {
      params: unitSide('score'),
      ...membersOnly,
      body: async (c) => (await noScores(c), { version: 0 }),
    },
    'POST /api/communes/:communeId/scoring/rubrics/:id/scores/:unitId/recuse': {
      params: unitSide('score'),
      ...membersOnly,
      body: async (c) => (await noScores(c), { reason: 'Người thân công tác tại đơn vị' }),
    },
    'GET /api/provinces/:provinceId/scoring/league': { params: (c) => ({ provinceId: provinceOf(c) }), query: () => 'year=2026', ...provinceOnly },
    'GET /api/provinces/:provinceId/scoring/templates': { params: (c) => ({ provinceId: provinceOf(c) }) },
    'POST /api/provinces/:provinceId/scoring/templates': {
      params: (c) => ({ provinceId: provinceOf(c) }),
      body: () => ({
        name: 'Bộ tiêu chí mẫu',
        year: 2026,
        groups: [
          { name: 'Chính quyền số', criteria: [{ title: 'Họp Ban chỉ đạo', section: 'main', method: 'judgement', maxPoints: 10, evidenceRequired: false }] },
        ],
      }),
    },
  },
};
