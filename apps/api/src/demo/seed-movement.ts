import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { addDays, defaultReminderOffsets, isUndated, permissions, reviewDate, type PlanDoc, todayVn } from '@tds/contracts';
import type { Db } from '../db/client';
import type { Actor } from '../platform/actor';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { storeFile } from '../modules/files';
import { unit } from '../modules/org';
import { parsePlanText, planYears } from '../modules/plans';
import { createPlan, updatePlan } from '../modules/plans';
import { publishPlan } from '../modules/plans';
import { dueItem } from '../modules/plans';
import { putTargets } from '../modules/indicators';
import { splitTargets } from '../modules/indicators';
import { indicatorMap } from '../modules/indicators';
import { recordReportValues } from '../modules/reporting';
import { checkValues } from '../modules/reporting';
import { report, reportVersion } from '../modules/reporting';
import { saveRegistration } from '../modules/reporting';

const FIXTURES = path.join(import.meta.dirname, '..', 'modules', 'plans', 'fixtures');

/** The demo acts as the system administrator, through the same use-cases as the API. */
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
    sessionId: 'demo',
    csrfToken: 'demo',
  };
}

/** Deadlines a commune officer adds to the imported plan: registration, the half-year report, unit plans, reviews. */
const EXTRA_DEADLINES: PlanDoc['deadlines'] = [
  {
    what: 'Các cơ quan, đơn vị, thôn đăng ký thi đua',
    from: null,
    to: 'UBND xã',
    day: 31,
    month: 3,
    year: null,
    recurrence: 'yearly',
    qualifier: 'by',
    text: 'chậm nhất ngày 31/3 hằng năm',
  },
  {
    what: 'Báo cáo kết quả thực hiện 6 tháng đầu năm',
    from: null,
    to: 'UBND xã',
    day: 15,
    month: 6,
    year: null,
    recurrence: 'half-yearly',
    qualifier: 'before',
    text: 'trước ngày 15/6 hằng năm',
  },
  {
    what: 'Các cơ quan, đơn vị xây dựng kế hoạch thực hiện phong trào',
    from: null,
    to: 'UBND xã',
    day: 30,
    month: 9,
    year: 2025,
    recurrence: 'once',
    qualifier: 'by',
    text: 'chậm nhất ngày 30/9/2025',
  },
];

/**
 * A deadline the officer adds a week after the day the demo is made: the schools' quick report on
 * the parents shown how to use VNeID. Its first reminder (7 days before) falls due the day the demo
 * is made, so a newcomer finds it in the bell, the outbox and, with `npm run mail-sink`, a mailbox.
 * None when that day falls outside the plan's years.
 */
export const DEMO_SOON_DAYS = -Math.min(...defaultReminderOffsets);
export function soonDeadline(today: string, years: { fromYear: number; toYear: number }): PlanDoc['deadlines'] {
  const due = addDays(today, DEMO_SOON_DAYS);
  const [year, month, day] = due.split('-').map(Number) as [number, number, number];
  if (year < years.fromYear || year > years.toYear) return [];
  return [
    {
      what: 'Các trường học báo cáo nhanh số phụ huynh được hướng dẫn cài đặt, kích hoạt định danh điện tử VNeID',
      from: 'Các trường học',
      to: 'UBND xã',
      day,
      month,
      year,
      recurrence: 'once',
      qualifier: 'by',
      text: `chậm nhất ngày ${day}/${month}/${year}`,
    },
  ];
}

/** Figures a unit of each kind reports: [indicator, numerator or value, denominator] (scaled by year). */
type Figure = [code: string, a: number, b?: number];
function figuresFor(kind: string, code: string, seed: number, yearIndex: number): Figure[] {
  const grow = (base: number, step: number) => Math.round(base + step * yearIndex + (seed % 7));
  switch (kind) {
    case 'office':
    case 'public_service':
      return [
        ['CQ.HS_TRUC_TUYEN', grow(180, 60), 300 + (seed % 40)],
        ['CQ.HS_SO_HOA', grow(200, 40), 320],
        ['CQ.CBCC_HOAN_THANH_KHOA_HOC', Math.min(12, grow(7, 3)), 12],
        ...(code === 'VP' ? ([['CQ.HOP_BAN_CHI_DAO', Math.min(4, Math.round(2 + yearIndex))]] as Figure[]) : []),
      ];
    case 'mass_org':
    case 'school':
      return [['CQ.CBCC_HOAN_THANH_KHOA_HOC', Math.min(25, grow(12, 5)), 25]];
    case 'enterprise':
      return [['KT.BAN_HANG_TRUC_TUYEN', grow(3, 4)]];
    case 'village': {
      const adults = 900 + (seed % 5) * 120;
      // The digital-skills figures are computed from the training records (seed-training.ts).
      return [
        ['KT.TAI_KHOAN_THANH_TOAN', Math.min(adults, Math.round(adults * (0.5 + 0.12 * yearIndex))), adults],
        ['XH.HO_CAP_QUANG', Math.round(adults * 0.28 * (0.7 + 0.1 * yearIndex)), Math.round(adults * 0.31)],
      ];
    }
    default:
      return [];
  }
}

const SECTIONS = (unitName: string, year: number) => [
  {
    key: 'ket-qua',
    title: 'Kết quả triển khai',
    text: `${unitName} đã quán triệt kế hoạch của UBND xã, tổ chức hướng dẫn kỹ năng số cho cán bộ và nhân dân; các chỉ tiêu năm ${year} cơ bản đạt theo đăng ký.`,
  },
  {
    key: 'kho-khan',
    title: 'Khó khăn, vướng mắc',
    text: 'Một bộ phận người cao tuổi chưa sử dụng điện thoại thông minh; đường truyền ở một số nơi chưa ổn định.',
  },
  { key: 'phuong-huong', title: 'Phương hướng, kiến nghị', text: 'Tiếp tục duy trì Tổ công nghệ số cộng đồng, đẩy mạnh thanh toán không dùng tiền mặt.' },
];

const UNIT_PLAN_SUMMARY = (unitName: string) =>
  `${unitName} ban hành kế hoạch hưởng ứng phong trào: phân công cán bộ phụ trách, đăng ký chỉ tiêu chuyển đổi số và Bình dân học vụ số, lịch kiểm tra hằng quý.`;

/** A unit's plan as the Word file it uploads: a heading and a few lines, enough to open and read. */
async function unitPlanDocx(unitName: string, year: number): Promise<Buffer> {
  const line = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, font: 'Times New Roman', size: 28 })] });
  const doc = new Document({
    sections: [
      {
        children: [
          line(unitName.toLocaleUpperCase('vi'), true),
          line('KẾ HOẠCH', true),
          line(`Thực hiện phong trào thi đua "Cả nước thi đua đổi mới sáng tạo và chuyển đổi số" và "Bình dân học vụ số" năm ${year}`),
          line(UNIT_PLAN_SUMMARY(unitName)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The latest cycle, unit by unit: most on time, some waiting for review, one late, one missing. */
const LATEST_OUTCOMES = ['on_time', 'submitted', 'on_time', 'late', 'on_time', 'submitted', 'on_time', 'missing'] as const;

/** A deterministic spread of outcomes: most on time, some late, a few missing. */
function outcome(seed: number, latest: boolean): 'on_time' | 'late' | 'missing' | 'submitted' {
  const r = seed % 10;
  if (latest) return LATEST_OUTCOMES[r % LATEST_OUTCOMES.length]!;
  return r < 8 ? 'on_time' : r < 9 ? 'late' : 'missing';
}

/**
 * The movement in the demo commune: the plan imported from the commune's own text (seed 000) with a
 * few deadlines added, published into due items; commune targets split to villages; registrations for
 * the current year; and the reports of every cycle already due, most accepted (so dashboards show
 * figures), a few late or missing. The focal point's school keeps its latest report open for the tour.
 */
export async function seedMovement(db: Db, opts: { adminUserId: string; communeId: string; keepOpenUnitCode: string }): Promise<void> {
  const actor = systemActor(opts.adminUserId);
  const meta = { requestId: 'demo-seed' };
  const { communeId } = opts;
  const parsed = parsePlanText(fs.readFileSync(path.join(FIXTURES, '000_d8b7d3d9952b7702.txt'), 'utf8')).plan;
  if (!parsed) throw new Error('Không đọc được kế hoạch mẫu của xã Gia Phúc.');
  // As an officer would: the text imported as it reads (version 1), then the number and date the
  // signed copy bears (version 2), then the participants, the dates the text leaves out ("trong năm
  // 2025" becomes 30/9/2025) and the review days confirmed (version 3).
  const created = await createPlan({ db, actor, meta, communeId, input: { doc: parsed, source: 'import', note: 'Nhập từ văn bản của xã' } });
  // Not 27/KH-UBND nor any number the plan cites: those are other plans.
  const numbered: PlanDoc = { ...parsed, number: parsed.number ?? '35/KH-UBND', date: parsed.date ?? '2025-08-21' };
  const v2 = await updatePlan({
    db,
    actor,
    meta,
    communeId,
    id: created.id,
    input: { doc: numbered, version: created.version, note: 'Bổ sung số, ngày văn bản' },
  });
  const doc: PlanDoc = {
    ...numbered,
    participantGroups: [
      ...parsed.participantGroups,
      { name: 'Các trường học, thôn và Tổ công nghệ số cộng đồng', criteria: ['Hoàn thành chỉ tiêu Bình dân học vụ số được giao'] },
    ],
    deadlines: [...parsed.deadlines.filter((d) => !isUndated(d)), ...EXTRA_DEADLINES, ...soonDeadline(todayVn(), planYears(numbered))],
    milestones: parsed.milestones.map((m) => ({ ...m, dueDate: reviewDate(parsed, m).date, confirmed: true })),
  };
  const v3 = await updatePlan({
    db,
    actor,
    meta,
    communeId,
    id: created.id,
    input: { doc, version: v2.version, note: 'Bổ sung đối tượng, thời hạn; xác nhận ngày sơ kết, tổng kết' },
  });
  await publishPlan({
    db,
    actor,
    meta,
    communeId,
    id: created.id,
    input: { version: v3.version, resolutions: {}, dryRun: false, acceptUnreached: false },
  });

  const year = Number(todayVn().slice(0, 4));
  await seedTargets(db, actor, communeId, year);
  // Most participating units have registered for this year; a few have not yet.
  const participants = await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx
      .selectDistinct({ id: unit.id, name: unit.name, code: unit.code })
      .from(unit)
      .innerJoin(dueItem, and(eq(dueItem.communeId, unit.communeId), eq(dueItem.unitId, unit.id)))
      .where(and(eq(unit.communeId, communeId), eq(dueItem.planId, created.id), eq(dueItem.kind, 'registration'), eq(dueItem.year, year))),
  );
  for (const u of participants) {
    // The tour's school has registered (its open item is the latest report).
    if (hash(u.code) % 6 === 5 && u.code !== opts.keepOpenUnitCode) continue;
    await saveRegistration({
      db,
      actor,
      meta,
      communeId,
      planId: created.id,
      unitId: u.id,
      now: new Date(`${year}-03-20T09:00:00+07:00`),
      input: {
        year,
        commitments: `${u.name} đăng ký hoàn thành các chỉ tiêu chuyển đổi số và Bình dân học vụ số năm ${year}.`,
        awardCodes: [],
        indicators: [],
        people: [],
        submit: true,
      },
    });
  }

  await seedReports(db, { communeId, planId: created.id, keepOpenUnitCode: opts.keepOpenUnitCode, reviewerId: opts.adminUserId });
}

/**
 * The reports of every cycle already due, written in one transaction (the demo's history, with
 * submission dates around each deadline). Figures go through the same checks as a typed report, and
 * accepted ones through the same roll-up as the accept use-case.
 */
async function seedReports(db: Db, opts: { communeId: string; planId: string; keepOpenUnitCode: string; reviewerId: string }) {
  const { communeId } = opts;
  const today = todayVn();
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const units = new Map(
      (await tx.select({ id: unit.id, code: unit.code, name: unit.name, kind: unit.kind }).from(unit).where(eq(unit.communeId, communeId))).map((u) => [
        u.id,
        u,
      ]),
    );
    const defs = await indicatorMap(tx, communeId);
    const items = await tx
      .select()
      .from(dueItem)
      .where(
        and(
          eq(dueItem.communeId, communeId),
          eq(dueItem.planId, opts.planId),
          inArray(dueItem.kind, ['report', 'unit_plan']),
          sql`${dueItem.dueDate} < ${today}`,
        ),
      );
    const latestDue = items.filter((it) => it.kind === 'report').reduce((m, it) => (it.dueDate > m ? it.dueDate : m), '');
    const rows: (typeof report.$inferInsert)[] = [];
    const authors = new Map<string, { name: string; submittedAt: string }>();
    /** One submitted report of a due item (accepted by the commune's officer, or waiting), and who wrote it. */
    const push = (
      it: (typeof items)[number],
      author: string,
      how: { accepted: boolean; submittedAt: string; late: boolean },
      content: Pick<typeof report.$inferInsert, 'sections' | 'values' | 'summary' | 'fileId'>,
    ) => {
      const { accepted, submittedAt, late } = how;
      rows.push({
        communeId,
        dueItemId: it.id,
        planId: it.planId,
        unitId: it.unitId,
        kind: it.kind,
        cadence: it.cadence,
        year: it.year,
        period: it.period,
        status: accepted ? 'accepted' : 'submitted',
        ...content,
        version: accepted ? 3 : 2,
        submittedAt,
        late,
        reviewedAt: accepted ? submittedAt : null,
        reviewedBy: accepted ? opts.reviewerId : null,
      });
      authors.set(it.id, { name: author, submittedAt });
    };
    // The latest cycle's outcomes go by the units' order, so some reports always wait for review
    // however many units owe that cycle.
    const latestOrder = items
      .filter((it) => it.kind === 'report' && it.dueDate === latestDue)
      .map((it) => units.get(it.unitId)!.code)
      .sort();
    for (const it of items) {
      const u = units.get(it.unitId)!;
      const seed = hash(`${u.code}|${it.year}|${it.period}`);
      if (it.kind === 'unit_plan') {
        // Each unit's own plan: its summary and the Word file it uploaded, most before the day, a few after.
        if (seed % 10 === 9) continue;
        const late = seed % 10 === 8;
        const submittedAt = new Date(new Date(it.lateAfter).getTime() + (late ? 5 : -6) * 86_400_000).toISOString();
        const fileId = await storeFile(tx, {
          communeId,
          name: `Kế hoạch thực hiện phong trào - ${u.name}.docx`,
          fallbackName: 'ke-hoach.docx',
          mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          content: await unitPlanDocx(u.name, it.year),
          purpose: 'unit_plan',
          createdBy: null,
        });
        push(it, u.name, { accepted: true, submittedAt, late }, { sections: [], values: [], summary: UNIT_PLAN_SUMMARY(u.name), fileId });
        continue;
      }
      const latest = it.dueDate === latestDue;
      const how = latest ? LATEST_OUTCOMES[latestOrder.indexOf(u.code) % LATEST_OUTCOMES.length]! : outcome(seed, false);
      if (how === 'missing' || (latest && u.code === opts.keepOpenUnitCode)) continue;
      const yearIndex = Math.max(0, it.year - 2025 + (it.period === 1 ? -0.5 : 0));
      const typed = figuresFor(u.kind, u.code, seed, yearIndex).map(([code, a, b]) =>
        b === undefined ? { code, value: a, numerator: null, denominator: null } : { code, value: null, numerator: a, denominator: b },
      );
      const { values, errors } = checkValues(defs, typed);
      if (errors.length) throw new Error(`Dữ liệu mẫu không hợp lệ (${u.name}): ${errors[0]!.message}`);
      const late = how === 'late';
      const submittedAt = new Date(new Date(it.lateAfter).getTime() + (late ? 3 : -4) * 86_400_000).toISOString();
      push(it, u.name, { accepted: how !== 'submitted', submittedAt, late }, { sections: SECTIONS(u.name, it.year), values });
    }
    if (!rows.length) return;
    // All reports in one statement, all their versions in another; accepted figures then roll up
    // one report at a time, through the same code as the accept use-case.
    const made = await tx.insert(report).values(rows).returning();
    await tx.insert(reportVersion).values(
      made.flatMap((row) => {
        const accepted = row.status === 'accepted';
        const author = authors.get(row.dueItemId)!;
        const version = (v: number, action: string, status: string) => ({
          communeId,
          reportId: row.id,
          version: v,
          action,
          status,
          sections: row.sections,
          values: row.values,
          summary: row.summary,
          fileId: row.fileId,
          createdByName: v < 3 ? author.name : 'Phòng Văn hóa - Xã hội',
          createdAt: new Date(author.submittedAt),
        });
        return [version(1, 'save', 'draft'), version(2, 'submit', 'submitted'), ...(accepted ? [version(3, 'accept', 'accepted')] : [])];
      }),
    );
    for (const row of made) if (row.status === 'accepted') await recordReportValues(tx, row, new Date(row.reviewedAt!));
  });
}

/** Commune targets for the current year, split down to the villages. */
async function seedTargets(db: Db, actor: Actor, communeId: string, year: number) {
  const meta = { requestId: 'demo-seed' };
  const targets: [string, number][] = [
    ['XH.KNS_CO_BAN', 80],
    ['XH.VNEID_MUC_2', 90],
    ['KT.TAI_KHOAN_THANH_TOAN', 75],
    ['XH.HO_CAP_QUANG', 85],
    ['CQ.HS_TRUC_TUYEN', 80],
    ['CQ.HS_SO_HOA', 70],
    ['CQ.CBCC_HOAN_THANH_KHOA_HOC', 100],
    ['CQ.HOP_BAN_CHI_DAO', 4],
    ['XH.BUOI_HUONG_DAN', 96],
    ['XH.NGUOI_DAN_DUOC_HO_TRO', 2400],
    ['KT.BAN_HANG_TRUC_TUYEN', 20],
  ];
  await putTargets({
    db,
    actor,
    meta,
    communeId,
    input: { items: [year - 1, year].flatMap((y) => targets.map(([code, value]) => ({ unitId: null, indicatorCode: code, year: y, value }))) },
  });
  for (const code of ['XH.KNS_CO_BAN', 'XH.VNEID_MUC_2'])
    await splitTargets({ db, actor, meta, communeId, input: { indicatorCode: code, year, method: 'equal' } });
}

function hash(s: string): number {
  let h = 7;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
