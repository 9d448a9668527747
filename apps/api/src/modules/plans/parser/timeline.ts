import type { PlanDoc } from '@tds/contracts';
import { record, type Ctx } from './context.js';
import type { Para } from './normalise.js';
import type { Range } from './sections.js';

const PHASE =
  /(Giai đoạn\s+(?:\d{1,2}|[IVX]{1,3}|một|hai|ba))\s*[(:,-]?\s*(?:\(?\s*[Tt]ừ\s+)?(?:năm\s+)?((?:19|20)\d{2})\s*(?:-|–|đến|tới)\s*(?:năm\s+)?((?:19|20)\d{2})/gu;
const REVIEW = /sơ kết|tổng kết/giu;
const YEAR_AFTER = /^[^.;]{0,120}?năm\s+((?:19|20)\d{2})/u;
const LABEL_YEAR = /^(?:[-–+]\s*)?Năm\s+((?:19|20)\d{2})\s*:/u;

/** Phases "Giai đoạn 1 (từ năm 2025 đến năm 2027)" in the timeline ranges. */
export function parsePhases(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): PlanDoc['phases'] {
  const out: PlanDoc['phases'] = [];
  for (const r of ranges) {
    for (let i = r.from; i < r.to; i++) {
      const p = paras[i]!;
      PHASE.lastIndex = 0;
      for (let m = PHASE.exec(p.text); m; m = PHASE.exec(p.text)) {
        const fromYear = Number(m[2]);
        const toYear = Number(m[3]);
        if (toYear < fromYear || out.some((x) => x.name === m![1])) continue;
        const path = `${prefix}.phases.${out.length}`;
        record(ctx, `${path}.name`, { start: p.start + m.index, end: p.start + m.index + m[1]!.length }, 0.9);
        const yearsAt = m.index + m[0].indexOf(m[2]!, m[1]!.length);
        record(ctx, `${path}.fromYear`, { start: p.start + yearsAt, end: p.start + yearsAt + 4 }, 0.9);
        const toAt = m.index + m[0].lastIndexOf(m[3]!);
        record(ctx, `${path}.toYear`, { start: p.start + toAt, end: p.start + toAt + 4 }, 0.9);
        out.push({ name: m[1]!, fromYear, toYear });
      }
    }
  }
  return out;
}

/**
 * The year a review keyword at `at` refers to: "sơ kết ... năm 2027", or the item label "Năm 2027: ... sơ kết".
 * Only the words just after the keyword are read (YEAR_AFTER reaches at most about 130 characters).
 */
function reviewYear(text: string, at: number, keyword: string, label: () => RegExpExecArray | null): { year: number; index: number } | null {
  const rest = text.slice(at);
  const m = YEAR_AFTER.exec(rest);
  if (m) {
    const end = m.index + m[0].length;
    // The other keyword counts only when it starts within the match: lower-case just that much (and a margin).
    const lower = rest.slice(0, end + 16).toLowerCase();
    const other = keyword === 'sơ kết' ? lower.indexOf('tổng kết') : lower.indexOf('sơ kết');
    if (other < 0 || other > end) return { year: Number(m[1]), index: at + end - 4 };
  }
  const l = label();
  if (l) return { year: Number(l[1]), index: l[0].indexOf(l[1]!) };
  return null;
}

/** Mid-term (sơ kết) and final (tổng kết) review years named in the timeline ranges. */
export function parseMilestones(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): PlanDoc['milestones'] {
  const out: PlanDoc['milestones'] = [];
  for (const r of ranges) {
    for (let i = r.from; i < r.to; i++) {
      const p = paras[i]!;
      let label: RegExpExecArray | null | undefined;
      const labelOf = () => (label === undefined ? (label = LABEL_YEAR.exec(p.text)) : label);
      REVIEW.lastIndex = 0;
      for (let m = REVIEW.exec(p.text); m; m = REVIEW.exec(p.text)) {
        if (/(?:cơ sở|kết quả)\s+$/u.test(p.text.slice(Math.max(0, m.index - 12), m.index))) continue;
        const keyword = m[0].toLowerCase();
        const kind = keyword === 'sơ kết' ? 'mid-term' : 'final';
        if (out.some((x) => x.kind === kind)) continue;
        const y = reviewYear(p.text, m.index, keyword, labelOf);
        if (!y) continue;
        record(ctx, `${prefix}.milestones.${out.length}.year`, { start: p.start + y.index, end: p.start + y.index + 4 }, 0.85);
        out.push({ kind, year: y.year });
      }
    }
  }
  return out;
}
