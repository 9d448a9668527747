import { isAllCaps, type Para } from './normalise.js';

/** What a section (or sub-section) of a plan is about. */
export type Topic = 'purposes' | 'requirements' | 'contents' | 'criteria' | 'awards' | 'solutions' | 'timeline' | 'responsibilities' | 'scope';

/** A run of paragraphs [from, to) (indexes into the paragraph list). */
export interface Range {
  from: number;
  to: number;
}

/** A roman-numbered (or capitalised) section: its heading paragraph, topics and body. */
export interface Section {
  head: number;
  title: string;
  topics: Topic[];
  body: Range;
}

const TOPIC_WORDS: [Topic, RegExp][] = [
  ['awards', /khen thưởng/u],
  ['criteria', /tiêu chí|tiêu chuẩn/u],
  ['contents', /nội dung/u],
  ['timeline', /thời gian|tiến độ|lộ trình/u],
  ['responsibilities', /tổ chức thực hiện|trách nhiệm/u],
  ['solutions', /giải pháp/u],
  ['purposes', /mục đích|mục tiêu/u],
  ['requirements', /yêu cầu/u],
  ['scope', /phạm vi|đối tượng/u],
];

const ROMAN = /^([IVX]{1,4})[.)]\s+(\S.*)$/u;
const PART = /^(?:PHẦN|Phần)\s+([IVX]{1,4}|\d{1,2})[.:]?\s+(\S.*)$/u;
const SUB = /^(\d{1,2})[.)]\s+(\S.*)$/u;

/** Topics named by a heading, most specific first ("Hình thức khen thưởng" → awards). */
export function topicsOf(heading: string): Topic[] {
  const lower = heading.toLocaleLowerCase('vi');
  const found = TOPIC_WORDS.filter(([, re]) => re.test(lower)).map(([t]) => t);
  if (found.includes('awards') && found.includes('scope') && !found.includes('criteria')) return found.filter((t) => t !== 'scope');
  return found;
}

/** Order of the topics as they usually appear in a heading ("TIÊU CHÍ ... VÀ HÌNH THỨC KHEN THƯỞNG"). */
function headingOrder(heading: string, topics: Topic[]): Topic[] {
  const lower = heading.toLocaleLowerCase('vi');
  const pos = (t: Topic) => lower.search(TOPIC_WORDS.find(([x]) => x === t)![1]);
  return [...topics].sort((a, b) => pos(a) - pos(b));
}

/** True for a paragraph that heads a top-level section. */
function sectionHeading(text: string, romanOnly: boolean): { title: string } | null {
  const m = ROMAN.exec(text) ?? PART.exec(text);
  if (m && text.length <= 160) return { title: m[2]! };
  if (romanOnly) return null;
  const n = SUB.exec(text);
  const title = n ? n[2]! : text;
  if (isAllCaps(title) && title.length <= 120 && topicsOf(title).length > 0) return { title };
  return null;
}

/** The top-level sections in paragraphs [from, to). */
export function findSections(paras: Para[], from: number, to: number): Section[] {
  const anyRoman = paras.slice(from, to).some((p) => ROMAN.test(p.text) && p.text.length <= 160);
  const heads: { i: number; title: string }[] = [];
  for (let i = from; i < to; i++) {
    const h = sectionHeading(paras[i]!.text, anyRoman);
    if (h) heads.push({ i, title: h.title });
  }
  return heads.map((h, k) => {
    const topics = topicsOf(h.title);
    return { head: h.i, title: h.title, topics: headingOrder(h.title, topics), body: { from: h.i + 1, to: heads[k + 1]?.i ?? to } };
  });
}

/** A numbered sub-heading naming a topic ("1. Thời gian thực hiện", "3. Hình thức khen thưởng"). */
function subTopic(text: string): Topic | null {
  const m = SUB.exec(text);
  if (!m) return null;
  const head = m[2]!.split(':')[0]!;
  if (head.length > 110) return null;
  return topicsOf(head)[0] ?? null;
}

/** Where each topic is, refining sections that name several topics by their numbered sub-headings. */
export function topicRanges(paras: Para[], sections: Section[]): Map<Topic, Range[]> {
  const out = new Map<Topic, Range[]>();
  const add = (t: Topic, r: Range) => {
    if (r.to <= r.from) return;
    const list = out.get(t);
    if (list) list.push(r);
    else out.set(t, [r]);
  };
  for (const s of sections) {
    if (s.topics.length <= 1) {
      if (s.topics[0]) add(s.topics[0], s.body);
      continue;
    }
    const subs: { i: number; topic: Topic }[] = [];
    for (let i = s.body.from; i < s.body.to; i++) {
      const t = subTopic(paras[i]!.text);
      if (t) subs.push({ i, topic: t });
    }
    if (subs.length === 0) {
      for (const t of s.topics) add(t, s.body);
      continue;
    }
    subs.forEach((sub, k) => add(sub.topic, { from: sub.i, to: subs[k + 1]?.i ?? s.body.to }));
  }
  return out;
}

const PLAN_TYPE = /^KẾ HOẠCH(?:\s|$)|^Kế hoạch$/u;
const DECISION_TYPE = /^QUYẾT ĐỊNH$/u;

/** True for a paragraph of the header block (issuer, motto, number, place and date). */
export function isHeaderLine(text: string): boolean {
  if (/^Số\s*:/u.test(text) || /^CỘNG H[ÒO]A|^Độc lập\s*[-–]\s*Tự do/u.test(text)) return true;
  if (/^[^,]{1,40},\s*ngày\b/u.test(text)) return true;
  return isAllCaps(text) && text.length <= 80 && !PLAN_TYPE.test(text) && !DECISION_TYPE.test(text);
}

/** Index of the document-type paragraph ("KẾ HOẠCH ...") of the plan, or -1. */
export function planTypeIndex(paras: Para[], from = 0): number {
  for (let i = from; i < paras.length; i++) if (PLAN_TYPE.test(paras[i]!.text)) return i;
  return -1;
}

/** The decision and plan parts of a file: a decision that issues a plan comes first. */
export function splitDocuments(paras: Para[]): { decision: Range | null; plan: Range | null; planType: number } {
  const decisionAt = paras.findIndex((p) => DECISION_TYPE.test(p.text));
  const planAt = planTypeIndex(paras, Math.max(0, decisionAt));
  const all = { from: 0, to: paras.length };
  if (decisionAt >= 0 && (planAt < 0 || decisionAt < planAt)) {
    if (planAt < 0) return { decision: all, plan: null, planType: -1 };
    let start = planAt;
    while (start > decisionAt + 1 && isHeaderLine(paras[start - 1]!.text)) start--;
    return { decision: { from: 0, to: start }, plan: { from: start, to: paras.length }, planType: planAt };
  }
  if (planAt >= 0) return { decision: null, plan: all, planType: planAt };
  const sections = findSections(paras, 0, paras.length);
  const topics = new Set(sections.flatMap((s) => s.topics));
  return { decision: null, plan: topics.size >= 2 ? all : null, planType: -1 };
}
