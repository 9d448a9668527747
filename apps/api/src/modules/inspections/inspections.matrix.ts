import { and, eq, inArray } from 'drizzle-orm';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { loginAs, type TestApp } from '../../testing/harness';
import { makeUser } from '../../testing/factories';
import { multipartFile, PDF_BYTES } from '../../testing/kits/reports';
import { communeOf, unitOf, type Ctx, type Fixture, type MatrixModule } from '../../testing/matrix-types';
import { PASSWORD, type World } from '../../testing/world';
import { appUser, roleAssignment } from '../users';
import { inspection, inspectionMember, inspectionRecommendation } from './inspections.table';

/** Inspections made in setup, per side: one per route that changes state, so the routes do not disturb each other. */
type Slot = 'view' | 'edit' | 'record' | 'conclude' | 'reopen' | 'close' | 'cancel' | 'upload' | 'review';
const SLOTS: Slot[] = ['view', 'edit', 'record', 'conclude', 'reopen', 'close', 'cancel', 'upload', 'review'];
type RecSlot = 'answer' | 'close' | 'return';
const made = {
  own: { ins: {} as Partial<Record<Slot, string>>, rec: {} as Partial<Record<RecSlot, string>>, file: '', member: '' },
  other: { ins: {} as Partial<Record<Slot, string>>, rec: {} as Partial<Record<RecSlot, string>>, file: '', member: '' },
};
const VISIT = '2025-06-10';

const insOf = (c: Ctx, slot: Slot) => made[c.side].ins[slot]!;
const params = (slot: Slot) => (c: Ctx) => ({ communeId: communeOf(c), id: insOf(c, slot) });
const recParams = (slot: RecSlot) => (c: Ctx) => ({ communeId: communeOf(c), id: insOf(c, 'review'), recId: made[c.side].rec[slot]! });

/** Every council member of the side's commune on the visit (the matrix's users are made after the setup). */
async function onVisit(c: Ctx, slot: Slot): Promise<void> {
  const communeId = communeOf(c);
  await inScope(c.t.database.db, SYSTEM_SCOPE, async (tx) => {
    const held = await tx
      .select({ userId: roleAssignment.userId, fullName: appUser.fullName })
      .from(roleAssignment)
      .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
      .where(and(eq(roleAssignment.communeId, communeId), inArray(roleAssignment.role, ['chairman', 'council_member'])));
    if (held.length)
      await tx
        .insert(inspectionMember)
        .values(held.map((h) => ({ communeId, inspectionId: insOf(c, slot), ...h })))
        .onConflictDoNothing();
  });
}

/** Put an inspection in the status a route needs (the matrix calls each route many times); returns its version. */
async function ready(c: Ctx, slot: Slot, status: 'planned' | 'in_progress' | 'concluded'): Promise<number> {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .update(inspection)
      .set({ status })
      .where(eq(inspection.id, insOf(c, slot)))
      .returning({ version: inspection.version }),
  );
  return r!.version;
}
async function readyRec(c: Ctx, slot: RecSlot, status: 'open' | 'answered'): Promise<number> {
  const [r] = await inScope(c.t.database.db, SYSTEM_SCOPE, (tx) =>
    tx
      .update(inspectionRecommendation)
      .set({ status, answerText: status === 'answered' ? 'Đã khắc phục.' : null, answeredAt: status === 'answered' ? new Date() : null })
      .where(eq(inspectionRecommendation.id, made[c.side].rec[slot]!))
      .returning({ version: inspectionRecommendation.version }),
  );
  return r!.version;
}

const planBody = (c: Ctx) => ({
  title: `Kiểm tra ma trận ${c.n}`,
  visitDate: VISIT,
  unitIds: [unitOf(c)],
  memberIds: [made[c.side].member],
  checklist: ['Việc triển khai phong trào'],
});

async function post(client: Awaited<ReturnType<typeof loginAs>>, url: string, body: unknown) {
  const res = await client.post(url, body);
  if (res.statusCode >= 300) throw new Error(`inspections matrix setup: ${url} ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; version: number; findingList: { recommendations: { id: string }[] }[] };
}

async function setupSide(t: TestApp, w: World, side: 'own' | 'other') {
  const [communeId, unitId, admin] = side === 'own' ? [w.a.id, w.aSchool.id, 'a.admin'] : [w.c.id, w.cOffice.id, 'c.admin'];
  made[side].member =
    side === 'own'
      ? w.users['a.council']!.id
      : (await makeUser(t.database.db, { username: 'mx.insp.c-council', password: PASSWORD, roles: [{ role: 'council_member', communeId }] })).id;
  const client = await loginAs(t, admin, PASSWORD);
  const base = `/api/communes/${communeId}/inspections`;
  for (const slot of SLOTS) {
    made[side].ins[slot] = (
      await post(client, base, { title: `Kiểm tra ${slot}`, visitDate: VISIT, unitIds: [unitId], memberIds: [made[side].member], checklist: ['Nội dung 1'] })
    ).id;
  }
  const view = made[side].ins.view!;
  const up = await client.request('POST', `${base}/${view}/files`, ...multipartFile('bien-ban.pdf', PDF_BYTES));
  if (up.statusCode !== 201) throw new Error(`inspections matrix upload: ${up.body}`);
  made[side].file = (up.json() as { id: string }).id;
  await post(client, `${base}/${view}/findings`, {
    text: 'Đơn vị đã triển khai phong trào.',
    evidence: { number: '12/BC', fileId: made[side].file },
    recommendations: [{ text: 'Bổ sung sổ theo dõi.', dueOn: '2025-07-10' }],
  });
  const review = await post(client, `${base}/${made[side].ins.review!}/findings`, {
    text: 'Còn thiếu hồ sơ.',
    recommendations: ['answer', 'close', 'return'].map((k) => ({ text: `Kiến nghị ${k}`, dueOn: '2025-07-10' })),
  });
  const recs = review.findingList[0]!.recommendations;
  made[side].rec = { answer: recs[0]!.id, close: recs[1]!.id, return: recs[2]!.id };
}

// The upload route is gated by inspection.read; the use-case lets only recorders on the visit and the units inspected upload.
const uploaders = { refuse: ['viewer', 'province_officer', 'digital_team_member'] } as const satisfies Pick<Fixture, 'refuse'>;

/** Authorization-matrix fixtures for the inspections routes: A's school (own side) and C's office (other side). */
export const inspectionsMatrix: MatrixModule = {
  async setup(t, w) {
    await setupSide(t, w, 'own');
    await setupSide(t, w, 'other');
  },
  fixtures: {
    'GET /api/communes/:communeId/inspections': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'year=2025' },
    'POST /api/communes/:communeId/inspections': { params: (c) => ({ communeId: communeOf(c) }), body: planBody },
    'GET /api/communes/:communeId/inspections/export.xlsx': { params: (c) => ({ communeId: communeOf(c) }), query: () => 'status=planned' },
    'GET /api/communes/:communeId/inspections/members': { params: (c) => ({ communeId: communeOf(c) }) },
    'GET /api/communes/:communeId/inspections/:id': { params: params('view') },
    'PATCH /api/communes/:communeId/inspections/:id': {
      params: params('edit'),
      body: async (c) => ({ ...planBody(c), version: await ready(c, 'edit', 'planned') }),
    },
    'POST /api/communes/:communeId/inspections/:id/findings': {
      params: async (c) => {
        await onVisit(c, 'record');
        await ready(c, 'record', 'in_progress');
        return params('record')(c);
      },
      body: (c) => ({ text: `Kết quả ${c.n}`, recommendations: [{ text: 'Khắc phục', dueOn: '2025-08-01' }] }),
    },
    'POST /api/communes/:communeId/inspections/:id/files': {
      params: async (c) => {
        await onVisit(c, 'upload');
        return params('upload')(c);
      },
      ...uploaders,
      raw: () => multipartFile('minh-chung.pdf', PDF_BYTES),
    },
    'GET /api/communes/:communeId/inspections/:id/files/:fileId': {
      params: (c) => ({ communeId: communeOf(c), id: insOf(c, 'view'), fileId: made[c.side].file }),
    },
    'POST /api/communes/:communeId/inspections/:id/conclude': {
      params: params('conclude'),
      body: async (c) => ({ version: await ready(c, 'conclude', 'in_progress'), conclusion: 'Đơn vị thực hiện tốt.', rating: 'good' }),
    },
    'POST /api/communes/:communeId/inspections/:id/reopen': {
      params: params('reopen'),
      body: async (c) => ({ version: await ready(c, 'reopen', 'concluded') }),
    },
    'POST /api/communes/:communeId/inspections/:id/close': {
      params: params('close'),
      body: async (c) => ({ version: await ready(c, 'close', 'concluded') }),
    },
    'POST /api/communes/:communeId/inspections/:id/cancel': {
      params: params('cancel'),
      body: async (c) => ({ version: await ready(c, 'cancel', 'planned'), reason: 'Đơn vị bận tổ chức sự kiện.' }),
    },
    'GET /api/communes/:communeId/inspections/:id/record.xlsx': { params: params('view') },
    'GET /api/communes/:communeId/inspections/:id/minutes.docx': { params: params('view') },
    'POST /api/communes/:communeId/inspections/:id/recommendations/:recId/answer': {
      params: recParams('answer'),
      // A system administrator holds every permission but is no unit's own: the unit answers for itself.
      refuse: ['system_admin'],
      body: async (c) => ({ version: await readyRec(c, 'answer', 'open'), text: 'Đơn vị đã bổ sung.' }),
    },
    'POST /api/communes/:communeId/inspections/:id/recommendations/:recId/close': {
      params: recParams('close'),
      body: async (c) => ({ version: await readyRec(c, 'close', 'answered') }),
    },
    'POST /api/communes/:communeId/inspections/:id/recommendations/:recId/return': {
      params: recParams('return'),
      body: async (c) => ({ version: await readyRec(c, 'return', 'answered'), comment: 'Chưa đủ minh chứng.' }),
    },
  },
};
