import { and, eq } from 'drizzle-orm';
import { permissions, type PlanDoc } from '@tds/contracts';
import type { Db } from '@tds/api/src/db/client';
import type { Actor } from '@tds/api/src/platform/actor';
import { inScope, SYSTEM_SCOPE } from '@tds/api/src/platform/tenancy';
import { childPath } from '@tds/api/src/modules/org/org.rules';
import { unit } from '@tds/api/src/modules/org/org.table';
import { unitKeys } from '@tds/api/src/modules/org/unit-store';
import { buildPlanTemplate } from '@tds/api/src/modules/plans/plan-template';
import { createPlan } from '@tds/api/src/modules/plans/create-plan';
import { publishPlan } from '@tds/api/src/modules/plans/publish-plan';
import { dueItem } from '@tds/api/src/modules/plans/plans.table';
import { report, reportVersion } from '@tds/api/src/modules/reporting/reporting.table';
import { makeCommune, makeProvince, makeUser } from '@tds/api/src/testing/factories';

/** The bench's officer: commune admin of every bench commune. */
export const USERNAME = 'crash.admin';
export const PASSWORD = 'MatKhau@2025crash';

/** Sizes of what the scenarios use up; every trial may use a few units of work. */
export interface SetupSizes {
  /** Communes to import units into, one after the other (each takes the whole import once). */
  importCommunes: number;
  /** Draft reports ready to submit. */
  drafts: number;
  /** Draft plans ready to publish, and the units each publishes to. */
  plans: number;
  publishUnits: number;
}

/** What the scenarios act on. */
export interface World {
  importCommuneIds: string[];
  reportCommuneId: string;
  /** Drafts in the report commune (id, version 1), in order of use. */
  draftIds: string[];
  publishCommuneId: string;
  /** Draft plans in the publish commune (version 1), in order of use, and the due items each gives. */
  planIds: string[];
  dueItemsPerPlan: number;
  tornCommuneId: string;
}

/** The deadlines every bench plan carries: a yearly and a half-yearly report (18 due items per unit, 2025-2030). */
function benchDoc(communeName: string): PlanDoc {
  const doc = buildPlanTemplate({ communeName, provinceName: 'Thành phố Hải Phòng', year: 2025 });
  return {
    ...doc,
    number: '01/KH-UBND',
    date: '2025-06-01',
    participantGroups: [{ name: 'Đối với các cơ quan, đơn vị', criteria: ['Hoàn thành kế hoạch.'] }],
    // A bench plan without reviews: its reports are the yearly and half-yearly ones only.
    milestones: [],
    deadlines: [
      doc.deadlines.find((d) => d.recurrence === 'yearly')!,
      {
        what: 'Báo cáo kết quả thực hiện 6 tháng',
        from: null,
        to: 'UBND xã',
        day: 15,
        month: 6,
        year: null,
        recurrence: 'half-yearly',
        qualifier: 'before',
        text: 'trước ngày 15/6 hằng năm',
      },
    ],
  };
}
/** Report due items per unit of a bench plan (yearly and half-yearly, 2025-2030), to size the offices. */
const ITEMS_PER_UNIT = 12;

function systemActor(userId: string): Actor {
  return {
    userId,
    username: 'admin',
    fullName: 'Quản trị hệ thống',
    roles: [{ role: 'system_admin', provinceId: null, communeId: null, unitId: null, unitPath: null }],
    permissions: new Set(permissions),
    scope: SYSTEM_SCOPE,
    communeProvince: new Map(),
    mustChangePassword: false,
    sessionId: 'bench',
    csrfToken: 'bench',
  };
}

/** `n` offices directly under the commune, in one statement. */
async function addOffices(db: Db, communeId: string, prefix: string, n: number): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    for (let from = 0; from < n; from += 500) {
      const values = Array.from({ length: Math.min(500, n - from) }, (_, i) => {
        const id = crypto.randomUUID();
        const v = { code: `${prefix}-${from + i + 1}`, name: `Cơ quan thử ${prefix} ${from + i + 1}`, kind: 'office' as const };
        return { communeId, id, ...v, parentId: null, path: childPath(null, id), ...unitKeys(v) };
      });
      await tx.insert(unit).values(values);
    }
  });
}

/**
 * The bench's world, written in-process before the first server start: a province, the communes of
 * each scenario, one officer for all of them, the report commune's published plan with `drafts`
 * draft reports, and `plans` draft plans in the publish commune.
 */
export async function buildWorld(db: Db, sizes: SetupSizes): Promise<World> {
  const p = await makeProvince(db, { code: 'CRASH', name: 'Thành phố Thử Nghiệm' });
  const mk = (code: string, name: string) => makeCommune(db, { provinceId: p.id, code, name });
  const imports = [];
  for (let i = 1; i <= sizes.importCommunes; i++) imports.push(await mk(`CR-IMP-${i}`, `Xã Nhập Thử ${i}`));
  const rep = await mk('CR-REP', 'Xã Báo Cáo');
  const pub = await mk('CR-PUB', 'Xã Ban Hành');
  const torn = await mk('CR-TORN', 'Xã Mất Điện');
  const all = [...imports, rep, pub, torn];
  const admin = await makeUser(db, {
    username: USERNAME,
    fullName: 'Cán bộ thử nghiệm',
    password: PASSWORD,
    roles: all.map((c) => ({ role: 'commune_admin' as const, communeId: c.id })),
  });
  const actor = systemActor(admin.id);
  const meta = { requestId: 'bench-crash' };

  // Reports: a published plan over enough offices, and its first due items opened as drafts with text.
  const repUnits = Math.ceil(sizes.drafts / ITEMS_PER_UNIT);
  await addOffices(db, rep.id, 'BC', repUnits);
  const repPlan = await createPlan({ db, actor, meta, communeId: rep.id, input: { doc: benchDoc(rep.name), source: 'template' } });
  await publishPlan({
    db,
    actor,
    meta,
    communeId: rep.id,
    id: repPlan.id,
    input: { version: repPlan.version, resolutions: {}, dryRun: false, acceptUnreached: false },
  });
  const draftIds = await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const items = await tx
      .select()
      .from(dueItem)
      .where(and(eq(dueItem.communeId, rep.id), eq(dueItem.planId, repPlan.id), eq(dueItem.kind, 'report')))
      .orderBy(dueItem.dueDate, dueItem.id)
      .limit(sizes.drafts);
    const ids: string[] = [];
    for (let i = 0; i < items.length; i += 200) {
      const rows = await tx
        .insert(report)
        .values(
          items.slice(i, i + 200).map((it) => ({
            communeId: rep.id,
            dueItemId: it.id,
            planId: it.planId,
            unitId: it.unitId,
            kind: it.kind,
            cadence: it.cadence,
            year: it.year,
            period: it.period,
            status: 'draft',
            sections: [{ key: 'ket-qua', title: 'Kết quả', text: `Kết quả thực hiện ${it.title}.` }],
            values: [],
            version: 1,
          })),
        )
        .returning();
      await tx.insert(reportVersion).values(
        rows.map((r) => ({
          communeId: rep.id,
          reportId: r.id,
          version: 1,
          action: 'save',
          status: 'draft',
          sections: r.sections,
          values: r.values,
          createdByName: 'bench',
        })),
      );
      ids.push(...rows.map((r) => r.id));
    }
    return ids;
  });
  if (draftIds.length < sizes.drafts) throw new Error(`only ${draftIds.length} due items for ${sizes.drafts} drafts`);

  // Publishing: draft plans over `publishUnits` offices.
  await addOffices(db, pub.id, 'BH', sizes.publishUnits);
  const planIds: string[] = [];
  for (let i = 0; i < sizes.plans; i++) {
    const doc = { ...benchDoc(pub.name), title: `Kế hoạch thử ban hành số ${i + 1}` };
    planIds.push((await createPlan({ db, actor, meta, communeId: pub.id, input: { doc, source: 'template' } })).id);
  }
  // What one publish gives, measured on the report commune's plan (the same deadlines).
  const perUnit = (await inScope(db, SYSTEM_SCOPE, (tx) => tx.$count(dueItem, eq(dueItem.planId, repPlan.id)))) / repUnits;
  return {
    importCommuneIds: imports.map((c) => c.id),
    reportCommuneId: rep.id,
    draftIds,
    publishCommuneId: pub.id,
    planIds,
    dueItemsPerPlan: sizes.publishUnits * perUnit,
    tornCommuneId: torn.id,
  };
}
