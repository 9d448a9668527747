import { createHash } from 'node:crypto';
import { searchKey, type PlanDoc } from '@tds/contracts';
import { contradictingDates } from './parser/conflicts';

type Deadline = PlanDoc['deadlines'][number];

/** What a deadline asks for. */
export function dueKind(d: Deadline): 'report' | 'unit_plan' | 'registration' {
  const k = searchKey(d.what);
  if (/dang ky thi dua|dang ky/u.test(k)) return 'registration';
  if (/\bke hoach\b/u.test(k) && !/bao cao/u.test(k)) return 'unit_plan';
  return 'report';
}

/** The report cycle a deadline belongs to: mid-term and final reviews, half-yearly, yearly, or once. */
export function dueCadence(d: Deadline): 'yearly' | 'half_yearly' | 'midterm' | 'final' | 'once' {
  const k = searchKey(`${d.what} ${d.text}`);
  if (/\bso ket\b/u.test(k)) return 'midterm';
  if (/\btong ket\b/u.test(k)) return 'final';
  if (d.recurrence === 'half-yearly') return 'half_yearly';
  if (d.recurrence === 'yearly') return 'yearly';
  return 'once';
}

/** A stable key of a deadline, so re-publishing matches the same due items. */
export function deadlineKey(d: Deadline): string {
  const h = createHash('sha1')
    .update(`${searchKey(d.what)}|${d.recurrence}|${d.qualifier}|${d.day}|${d.month}|${d.year}`)
    .digest('hex')
    .slice(0, 12);
  return `${dueKind(d)}:${d.recurrence}:${h}`;
}

export interface Conflict {
  key: string;
  message: string;
  options: { value: string; label: string }[];
}

const dm = (d: Deadline) =>
  `${d.day ? `${String(d.day).padStart(2, '0')}/` : ''}${d.month ? String(d.month).padStart(2, '0') : '?'}${d.year ? `/${d.year}` : ''}`;

/**
 * Conflicts an officer must settle before publishing: several dates for one recurring report, two
 * once-only dates that contradict each other, and a once-only deadline before the plan's own date.
 */
export function planConflicts(doc: PlanDoc): Conflict[] {
  const out: Conflict[] = [];
  const groups = new Map<string, number[]>();
  doc.deadlines.forEach((d, i) => {
    if (d.recurrence === 'once') return;
    const key = `${dueKind(d)}:${d.recurrence}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const [key, idx] of groups) {
    const dates = new Set(idx.map((i) => dm(doc.deadlines[i]!)));
    if (dates.size < 2) continue;
    out.push({
      key: `deadlines:${key}`,
      message: `Kế hoạch nêu ${dates.size} thời hạn khác nhau cho cùng một loại báo cáo định kỳ (${[...dates].join(', ')}). Chọn thời hạn áp dụng.`,
      options: [
        ...idx.map((i) => ({ value: `keep:${i}`, label: `Chỉ áp dụng: ${doc.deadlines[i]!.text}` })),
        { value: 'keep-all', label: 'Áp dụng tất cả các thời hạn' },
      ],
    });
  }
  for (const c of contradictingDates(doc.deadlines)) {
    const a = doc.deadlines[c.early]!;
    const b = doc.deadlines[c.month]!;
    out.push({
      key: `dates:${c.early}:${c.month}`,
      message: `Hai thời hạn mâu thuẫn cho cùng nội dung: "${a.text}" (${a.what}) sớm hơn "${b.text}" (${b.what}). Chọn thời hạn áp dụng.`,
      options: [
        { value: `keep:${c.early}`, label: `Chỉ áp dụng: ${a.text}` },
        { value: `keep:${c.month}`, label: `Chỉ áp dụng: ${b.text}` },
        { value: 'keep-all', label: 'Áp dụng cả hai thời hạn' },
      ],
    });
  }
  if (doc.date) {
    doc.deadlines.forEach((d, i) => {
      if (d.recurrence !== 'once' || !d.year || !d.month) return;
      const due = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day ?? 28).padStart(2, '0')}`;
      if (due >= doc.date!) return;
      out.push({
        key: `past:${i}`,
        message: `Thời hạn "${d.text}" (${d.what}) đã trước ngày ban hành kế hoạch (${doc.date}).`,
        options: [
          { value: 'keep', label: 'Giữ nguyên (đơn vị đã quá hạn)' },
          { value: 'drop', label: 'Bỏ thời hạn này khỏi lịch' },
        ],
      });
    });
  }
  return out;
}

/** The deadlines that remain after the officer's choices; throws the unresolved conflicts. */
export function resolveDeadlines(doc: PlanDoc, resolutions: Record<string, string>): { deadlines: Deadline[]; unresolved: Conflict[] } {
  const conflicts = planConflicts(doc);
  const unresolved = conflicts.filter((c) => !c.options.some((o) => o.value === resolutions[c.key]));
  const dropped = new Set<number>();
  for (const c of conflicts) {
    const choice = resolutions[c.key];
    if ((c.key.startsWith('deadlines:') || c.key.startsWith('dates:')) && choice?.startsWith('keep:')) {
      const keep = Number(choice.slice(5));
      for (const o of c.options) if (o.value.startsWith('keep:') && o.value !== choice) dropped.add(Number(o.value.slice(5)));
      dropped.delete(keep);
    }
    if (c.key.startsWith('past:') && choice === 'drop') dropped.add(Number(c.key.slice(5)));
  }
  return { deadlines: doc.deadlines.filter((_, i) => !dropped.has(i)), unresolved };
}

/** Years a plan runs over: its phases, or 2025-2030. */
export function planYears(doc: PlanDoc): { fromYear: number; toYear: number } {
  if (doc.phases.length === 0) return { fromYear: 2025, toYear: 2030 };
  return { fromYear: Math.min(...doc.phases.map((p) => p.fromYear)), toYear: Math.max(...doc.phases.map((p) => p.toYear)) };
}
