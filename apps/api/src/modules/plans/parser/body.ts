import type { PlanDoc } from '@tds/contracts';
import { matchKey, proposeKinds } from '@tds/contracts';
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
      const t = withLeadIn(ctx, paras, n);
      if (!t || /^(?:Trên đây|Trong quá trình)/u.test(t.value)) continue;
      record(ctx, `${path}.${out.length}${withText ? '.text' : ''}`, t, 0.85);
      out.push(t);
    }
  }
  return out;
}

/**
 * An item that introduces a list ("h. Chú trọng ... ở một số lĩnh vực:" and its bullets) is one item
 * with its list: the text from the item to the end of its last sub-item, lines as written.
 */
function withLeadIn(ctx: Ctx, paras: Para[], n: OutlineNode): Found<string> | null {
  const sub = walk(n.children);
  const last = sub[sub.length - 1];
  if (!last || !n.text.trimEnd().endsWith(':')) return nodeText(n);
  const p = paras[last.para]!;
  let e = p.start + p.text.length;
  while (e > n.start && /[\s.;,:]/u.test(ctx.work.text[e - 1]!)) e--;
  return e > n.start ? { value: ctx.work.text.slice(n.start, e), start: n.start, end: e } : nodeText(n);
}

const SCOPE_HEAD = /^(?:\d{1,2}[.)]\s+)?([^:]{1,110}?)\s*:\s*(\S.*)?$|^(?:\d{1,2}[.)]\s+)(.{1,110})$/u;

/**
 * Scope ("1. Phạm vi: ... toàn xã") and participants ("2. Đối tượng thi đua" then "- Tập thể: ...",
 * "- Cá nhân: ...") from the scope ranges: the text after a heading's colon, then its items.
 */
export function parseScope(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): { scope: string[]; participants: string[] } {
  const out = { scope: [] as string[], participants: [] as string[] };
  for (const r of ranges) {
    const first = paras[r.from];
    if (!first) continue;
    const m = SCOPE_HEAD.exec(first.text);
    const head = m ? (m[1] ?? m[3]!) : first.text;
    const isHead = m !== null && topicsOf(head).includes('scope');
    const key = /đối tượng/iu.test(isHead ? head : first.text) && !/phạm vi/iu.test(isHead ? head : first.text) ? 'participants' : 'scope';
    const add = (t: Found<string> | null) => {
      if (!t) return;
      record(ctx, `${prefix}.${key}.${out[key].length}`, t, 0.8);
      out[key].push(t.value);
    };
    if (isHead && m[2]) {
      const at = first.text.length - m[2].length;
      add(nodeText({ kind: 'none', marker: '', text: first.text, start: first.start, para: r.from, children: [] }, at));
    }
    for (const n of listItems(paras, { from: isHead ? r.from + 1 : r.from, to: r.to })) add(withLeadIn(ctx, paras, n));
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

/** A sentence that only leads in to a list ("..., cụ thể như sau:"): not a criterion. */
const LEAD_IN = /(?:như sau|sau đây|bao gồm|gồm|cụ thể)\s*:\s*$/u;

/**
 * Participant groups with their criteria, from the criteria ranges. A heading whose items include
 * groups ("1. Tiêu chuẩn đối với tập thể ..." then "a. Đối với ...", "b. Đối với ...") is not a group
 * itself: its own criteria are shared, and come first in each of its groups.
 */
export function parseGroups(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): Group[] {
  const groups: Group[] = [];
  const visit = (nodes: OutlineNode[], shared: Found<string>[]) => {
    for (const n of nodes) {
      const name = groupName(n);
      if (!name) {
        visit(n.children, shared);
        continue;
      }
      const colon = n.text.indexOf(':');
      const inline = colon > 0 && colon < 120 ? nodeText(n, colon + 1) : null;
      const items = n.children.filter((c) => !groupName(c));
      const own = [inline, ...items.flatMap((c) => walk([c]).map((x) => (LEAD_IN.test(x.text) ? null : nodeText(x))))];
      const criteria = [...shared, ...own.filter((c): c is Found<string> => c !== null)];
      const subgroups = n.children.filter((c) => groupName(c));
      // Groups numbered apart from the heading's own items are its parts; a group written as one more
      // item of the same list ("- Đối tượng khác: ...") is a group beside it.
      if (subgroups.length > 0 && subgroups.every((g) => items.every((c) => c.kind !== g.kind))) {
        visit(subgroups, criteria);
        continue;
      }
      const path = `${prefix}.participantGroups.${groups.length}`;
      record(ctx, `${path}.name`, name, 0.85);
      criteria.forEach((c, k) => record(ctx, `${path}.criteria.${k}`, c, 0.8));
      const title = capitalise(name.value);
      // The units the group covers, as proposed from its name; the officer confirms them in the review.
      const proposal = proposeKinds(title);
      groups.push({ name: title, criteria: criteria.map((c) => c.value), kinds: proposal.kinds, reason: proposal.reason });
      visit(subgroups, []);
    }
  };
  for (const r of ranges) visit(outline(paras, r), []);
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

/** A review named where awards are given: "khen thưởng ... khi sơ kết, tổng kết", "tôn vinh ... tại Hội nghị sơ kết". */
const REVIEW_WORD = /(?<!(?:cơ sở|kết quả)\s)(sơ kết|tổng kết)/giu;
const AWARD_WORD = /khen thưởng|tôn vinh|biểu dương/iu;
/** The council's name holds "khen thưởng" without speaking of an award. */
const COUNCIL = /Hội đồng\s+thi đua\s*[,-–]?\s*khen thưởng/giu;
/** At most this many characters of the body are read for review occasions (a real plan has well under 100,000). */
const OCCASION_SCAN = 400_000;

/**
 * Award occasions: items such as "a) Khen thưởng hằng năm và khen thưởng sơ kết" in the awards part,
 * and anywhere in `body`, a sentence that gives awards at the reviews ("khen thưởng cho các tập thể
 * ... khi sơ kết, tổng kết Phong trào"; "thẩm định hồ sơ ... khen thưởng ... tại Hội nghị sơ kết,
 * tổng kết"): mid-term and final occasions.
 */
export function parseOccasions(paras: Para[], ranges: Range[], body?: Range): PlanDoc['occasions'] {
  const out = new Set<PlanDoc['occasions'][number]>();
  let budget = OCCASION_SCAN;
  for (let i = body?.from ?? 0; body && i < body.to && budget > 0; i++) {
    const text = paras[i]!.text;
    budget -= text.length;
    if (!text.includes('kết') || !/sơ kết|tổng kết/iu.test(text)) continue;
    for (const sentence of text.split(/[.;!?](?:\s+|$)/u)) {
      if (!AWARD_WORD.test(sentence.replace(COUNCIL, ''))) continue;
      REVIEW_WORD.lastIndex = 0;
      for (let m = REVIEW_WORD.exec(sentence); m; m = REVIEW_WORD.exec(sentence)) out.add(m[1]!.toLocaleLowerCase('vi') === 'sơ kết' ? 'mid-term' : 'final');
    }
  }
  for (const r of ranges) {
    for (const n of walk(outline(paras, r))) {
      if (!/^Khen thưởng\s/iu.test(n.text)) continue;
      const head = n.text.split(':')[0]!.toLocaleLowerCase('vi');
      for (const [re, o] of OCCASIONS) if (re.test(head)) out.add(o);
    }
  }
  const order: PlanDoc['occasions'] = ['yearly', 'mid-term', 'final', 'thematic'];
  return order.filter((o) => out.has(o));
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
