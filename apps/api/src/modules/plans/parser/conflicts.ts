import type { PlanDoc } from '@tds/contracts';
import { addresseeReadable, formatDateVi, isUndated, reviewDate, searchKey } from '@tds/contracts';
import { warn, type Ctx } from './context.js';
import type { Topic } from './sections.js';

type Deadline = PlanDoc['deadlines'][number];

const dm = (d: Deadline) => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}`;

/** Two or more different fixed dates for the same recurring report: DEADLINE_CONFLICT. */
export function checkDeadlineConflicts(ctx: Ctx, deadlines: Deadline[]): void {
  for (const recurrence of ['yearly', 'half-yearly'] as const) {
    const reports = deadlines.filter((d) => d.recurrence === recurrence && d.day !== null && d.month !== null && /bao cao/u.test(searchKey(d.what)));
    const dates = [...new Set(reports.map(dm))];
    if (dates.length < 2) continue;
    const every = recurrence === 'yearly' ? 'hằng năm' : '6 tháng';
    warn(
      ctx,
      'DEADLINE_CONFLICT',
      `Kế hoạch nêu nhiều hạn gửi báo cáo ${every} khác nhau (${dates.join(', ')}); cần chọn một hạn trước khi ban hành.`,
      'plan.deadlines',
    );
  }
}

/** Last day (as yyyymmdd) a once-only deadline allows, or null. */
function limit(d: Deadline): number | null {
  if (d.recurrence !== 'once' || d.year === null || d.month === null) return null;
  const day = d.day ?? new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return d.year * 10000 + d.month * 100 + day;
}

/** The thing a deadline is about (kế hoạch, báo cáo, hồ sơ …). */
function objectOf(d: Deadline): string | null {
  return /ke hoach|bao cao|ho so|danh sach/u.exec(searchKey(d.what))?.[0] ?? null;
}

/** At most this many DATE_CONFLICT warnings per plan (each names two deadlines; more would only repeat the point). */
export const MAX_DATE_CONFLICTS = 20;

/**
 * Once-only deadlines whose dates contradict each other: a document due before the month in which it
 * is to be made (003: plans built in 9/2025 but due before 18/7/2025). Pairs of indices: the earlier
 * limit first, then the "trong tháng" one.
 */
export function contradictingDates(deadlines: Deadline[]): { early: number; month: number; object: string }[] {
  const once = deadlines.map((d, i) => ({ d, i, limit: limit(d), object: objectOf(d) })).filter((x) => x.limit !== null);
  const out: { early: number; month: number; object: string }[] = [];
  for (const a of once) {
    for (const b of once) {
      if (a === b || a.d.qualifier === 'in' || b.d.qualifier !== 'in' || a.object === null || a.object !== b.object) continue;
      const monthStart = b.d.year! * 10000 + b.d.month! * 100 + 1;
      if (a.limit! < monthStart) out.push({ early: a.i, month: b.i, object: a.object });
    }
  }
  return out;
}

const OBJECT_NAMES: Record<string, string> = { 'ke hoach': 'kế hoạch', 'bao cao': 'báo cáo', 'ho so': 'hồ sơ', 'danh sach': 'danh sách' };

/** Dates that contradict each other (see `contradictingDates`), or a one-off deadline before the plan's own date. */
export function checkDateConflicts(ctx: Ctx, deadlines: Deadline[], planDate: string | null): void {
  const once = deadlines.filter((d) => limit(d) !== null).map((d) => ({ d, limit: limit(d)! }));
  let left = MAX_DATE_CONFLICTS;
  const say = (message: string) => {
    if (left > 0 && warn(ctx, 'DATE_CONFLICT', message, 'plan.deadlines')) left--;
  };
  for (const c of contradictingDates(deadlines)) {
    say(
      `Thời hạn "${deadlines[c.early]!.text}" sớm hơn thời gian thực hiện "${deadlines[c.month]!.text}" của cùng nội dung (${OBJECT_NAMES[c.object] ?? c.object}); cần thống nhất lại.`,
    );
  }
  if (!planDate) return;
  const issued = Number(planDate.replaceAll('-', ''));
  for (const { d, limit: l } of once) {
    if (l < issued) say(`Thời hạn "${d.text}" trước ngày ban hành kế hoạch (${planDate}).`);
  }
}

const TOPIC_NAMES: [Topic[], string][] = [
  [['purposes', 'requirements'], 'Mục đích, yêu cầu'],
  [['contents'], 'Nội dung thi đua'],
  [['criteria', 'awards'], 'Tiêu chí thi đua và hình thức khen thưởng'],
  [['timeline'], 'Thời gian thực hiện'],
  [['responsibilities'], 'Tổ chức thực hiện'],
];

/** SECTION_MISSING for each usual part of a plan that was not found; TRUNCATED when the document has no ending. */
export function checkCompleteness(ctx: Ctx, found: Set<Topic>, hasEnding: boolean): void {
  for (const [topics, name] of TOPIC_NAMES) {
    if (!topics.some((t) => found.has(t))) warn(ctx, 'SECTION_MISSING', `Không tìm thấy phần "${name}" của kế hoạch.`, `plan.sections.${topics[0]}`);
  }
  if (!hasEnding) warn(ctx, 'TRUNCATED', 'Văn bản có vẻ bị cắt ngắn: không thấy phần kết (Nơi nhận, chữ ký). Đã trích xuất phần hiện có.');
}

/**
 * Dates the officer must choose before publishing: a deadline that names no day (DEADLINE_UNDATED),
 * and each review whose report day the plan does not give (REVIEW_DATE_DEFAULT, with the default offered).
 */
export function checkMissingDates(ctx: Ctx, plan: Pick<PlanDoc, 'deadlines' | 'milestones'>): void {
  plan.deadlines.forEach((d, i) => {
    if (!isUndated(d)) return;
    warn(ctx, 'DEADLINE_UNDATED', `Thời hạn "${d.text}" (${d.what}) không nêu ngày cụ thể; cần chọn ngày trước khi ban hành.`, `plan.deadlines.${i}`);
  });
  plan.deadlines.forEach((d, i) => {
    if (addresseeReadable(d)) return;
    warn(
      ctx,
      'DEADLINE_ADDRESSEE_UNREAD',
      `Không nhận ra đơn vị nào phải thực hiện thời hạn "${d.text}" trong dòng "${d.from}"; nếu không sửa, thời hạn sẽ giao cho tất cả đơn vị tham gia.`,
      `plan.deadlines.${i}.from`,
    );
  });
  plan.milestones.forEach((m, i) => {
    const r = reviewDate(plan, m);
    if (!r.isDefault) return;
    const what = m.kind === 'mid-term' ? 'sơ kết' : 'tổng kết';
    warn(
      ctx,
      'REVIEW_DATE_DEFAULT',
      `Kế hoạch không nêu ngày nộp báo cáo ${what} năm ${m.year}; đề xuất ngày ${formatDateVi(r.date)} (mặc định), cần xác nhận trước khi ban hành.`,
      `plan.milestones.${i}.dueDate`,
    );
  });
}
