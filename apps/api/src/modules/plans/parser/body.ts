import type { PlanDoc } from '@tds/contracts';
import { matchKey } from '@tds/contracts';
import { AWARD_PHRASE, awardCode } from './awards.js';
import { record, type Ctx, type Found } from './context.js';
import { isHeadingLike, listItems, nodeText, outline, walk, type OutlineNode } from './lists.js';
import type { Para } from './normalise.js';
import { topicsOf, type Range } from './sections.js';
import { capitalise } from './vi.js';

type Group = PlanDoc['participantGroups'][number];

/** Skip a first paragraph that only names the topic ("1. Nội dung thi đua"). */
export function inner(paras: Para[], r: Range): Range {
  const first = paras[r.from];
  if (first && /^\d{1,2}[.)]\s/u.test(first.text) && topicsOf(first.text.split(':')[0]!).length > 0 && isHeadingLike(first.text.split(':')[0]!)) {
    return { from: r.from + 1, to: r.to };
  }
  return r;
}

/** Numbered items of the given ranges as texts, recorded at `path.i[.text]`. */
export function itemTexts(ctx: Ctx, paras: Para[], ranges: Range[], path: string, withText: boolean): Found<string>[] {
  const out: Found<string>[] = [];
  for (const r of ranges) {
    for (const n of listItems(paras, inner(paras, r))) {
      const t = nodeText(n);
      if (!t || /^(?:Trên đây|Trong quá trình)/u.test(t.value)) continue;
      record(ctx, `${path}.${out.length}${withText ? '.text' : ''}`, t, 0.85);
      out.push(t);
    }
  }
  return out;
}

const GROUP_HEAD = /^(?:(?:Tiêu chí|Tiêu chuẩn)(?:\s+thi đua)?\s+)?(đối với\s.+|Đối tượng khác.*)$/iu;

/** A node that names a participant group; returns the group name as found. */
function groupName(n: OutlineNode): Found<string> | null {
  const colon = n.text.indexOf(':');
  const head = colon > 0 && colon < 120 ? n.text.slice(0, colon) : n.text;
  if (head.length > 160 || (colon < 0 && !isHeadingLike(n.text) && !/^Đối tượng khác/iu.test(n.text))) return null;
  const m = GROUP_HEAD.exec(head);
  if (!m) return null;
  const at = head.length - m[1]!.length;
  return nodeText(n, at, head.length);
}

/** Participant groups with their criteria, from the criteria ranges. */
export function parseGroups(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): Group[] {
  const groups: Group[] = [];
  const visit = (nodes: OutlineNode[]) => {
    for (const n of nodes) {
      const name = groupName(n);
      if (!name) {
        visit(n.children);
        continue;
      }
      const g = groups.length;
      const path = `${prefix}.participantGroups.${g}`;
      record(ctx, `${path}.name`, name, 0.85);
      const group: Group = { name: capitalise(name.value), criteria: [] };
      groups.push(group);
      const colon = n.text.indexOf(':');
      const inline = colon > 0 && colon < 120 ? nodeText(n, colon + 1) : null;
      const crit = [inline, ...n.children.filter((c) => !groupName(c)).flatMap((c) => walk([c]).map((x) => nodeText(x)))];
      for (const c of crit) {
        if (!c) continue;
        record(ctx, `${path}.criteria.${group.criteria.length}`, c, 0.8);
        group.criteria.push(c.value);
      }
      visit(n.children.filter((c) => groupName(c)));
    }
  };
  for (const r of ranges) visit(outline(paras, r));
  return groups;
}

/** Award forms named in the awards ranges, each once, with catalogue codes. */
export function parseAwardForms(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): PlanDoc['awardForms'] {
  const out: PlanDoc['awardForms'] = [];
  const seen = new Set<string>();
  for (const r of ranges) {
    for (let i = r.from; i < r.to; i++) {
      const p = paras[i]!;
      if (/^[-+–]?\s*(?:Hồ sơ|Báo cáo thành tích|Tờ trình|Biên bản)/iu.test(p.text)) continue;
      AWARD_PHRASE.lastIndex = 0;
      for (let m = AWARD_PHRASE.exec(p.text); m; m = AWARD_PHRASE.exec(p.text)) {
        const name = m[0].trim();
        if (name.split(' ').length < 3 || seen.has(matchKey(name))) continue;
        seen.add(matchKey(name));
        record(ctx, `${prefix}.awardForms.${out.length}.name`, { start: p.start + m.index, end: p.start + m.index + name.length }, 0.85);
        out.push({ name, code: awardCode(name) });
      }
    }
  }
  return out;
}

const OCCASIONS: [RegExp, PlanDoc['occasions'][number]][] = [
  [/hàng năm|hằng năm|thường xuyên/u, 'yearly'],
  [/sơ kết/u, 'mid-term'],
  [/tổng kết/u, 'final'],
  [/chuyên đề|đột xuất|theo đợt/u, 'thematic'],
];

/** Award occasions declared by items such as "a) Khen thưởng hằng năm và khen thưởng sơ kết". */
export function parseOccasions(paras: Para[], ranges: Range[]): PlanDoc['occasions'] {
  const out = new Set<PlanDoc['occasions'][number]>();
  for (const r of ranges) {
    for (const n of walk(outline(paras, r))) {
      if (!/^Khen thưởng\s/iu.test(n.text)) continue;
      const head = n.text.split(':')[0]!.toLocaleLowerCase('vi');
      for (const [re, o] of OCCASIONS) if (re.test(head)) out.add(o);
    }
  }
  return [...out];
}

/** Dossier items: the children of a "Hồ sơ" item in the awards ranges. */
export function parseDossier(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): string[] {
  const out: string[] = [];
  for (const r of ranges) {
    const holder = walk(outline(paras, r)).find(
      (n) => /^(?:Thành phần\s+)?Hồ sơ(?:\s+đề nghị)?(?:\s+khen thưởng)?\s*:?$/iu.test(n.text.trim()) && n.children.length > 0,
    );
    for (const c of holder?.children ?? []) {
      const t = nodeText(c);
      if (!t) continue;
      record(ctx, `${prefix}.dossier.${out.length}`, t, 0.85);
      out.push(t.value);
    }
  }
  return out;
}
