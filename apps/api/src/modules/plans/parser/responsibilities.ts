import type { PlanDoc } from '@tds/contracts';
import { inner } from './body.js';
import { record, type Ctx, type Found } from './context.js';
import { isHeadingLike, listItems, nodeText, walk, type OutlineNode } from './lists.js';
import type { Para } from './normalise.js';
import type { Range } from './sections.js';
import { capitalise } from './vi.js';

type Responsibility = PlanDoc['responsibilities'][number];

/** A responsible body and the paragraphs its item covers. */
export interface BodyRange {
  body: Found<string>;
  from: number;
  to: number;
}

const VERB =
  /(?<!\s(?:các|những|mọi))\s(?:căn cứ|chủ trì|phối hợp|chủ động|tích cực|có trách nhiệm|chịu trách nhiệm|thực hiện|triển khai|tuyên truyền|vận động|xây dựng|hướng dẫn|tổ chức|tăng cường|ban hành|gửi|báo cáo|thẩm định|tham mưu|định hướng|phân công|theo dõi|đôn đốc|kiểm tra|phát huy|rà soát|bố trí|cung cấp|nghiên cứu|quán triệt|đẩy mạnh|lồng ghép|tiếp tục|khẩn trương)(?=[\s,])/u;
const LEAD = /^(?:Đề nghị|Hàng năm|Hằng năm|Định kỳ(?:\s+hàng năm|\s+hằng năm)?)\s+/u;

/** Split an item into the body it names and the rest (its first task). */
function splitItem(n: OutlineNode): { body: Found<string> | null; task: Found<string> | null } {
  const colon = n.text.indexOf(':');
  if (colon > 0 && colon <= 120) return { body: strip(n, 0, colon), task: nodeText(n, colon + 1) };
  if (isHeadingLike(n.text) && n.text.length <= 120) return { body: strip(n, 0, n.text.length), task: null };
  const m = VERB.exec(n.text);
  if (!m || m.index > 150) return { body: null, task: nodeText(n) };
  // An adverb between the body and its verb belongs to the task ("Hội đồng ... thường phân công" → "Hội đồng ...").
  const adverb = ADVERB.exec(n.text.slice(0, m.index));
  const end = adverb ? m.index - adverb[0].length : m.index;
  return { body: strip(n, 0, end), task: nodeText(n, end + 1) };
}

/** Words that qualify the verb after a body's name: "thường", "thường xuyên", "sẽ", "cần", "phải", "luôn", "cũng". */
const ADVERB = /(?:\s(?:thường xuyên|thường|sẽ|cần|phải|luôn|cũng|đã))+$/u;

/**
 * A plain paragraph under a body's item that states its own subject and a reporting date ("Định kỳ
 * hàng năm tất cả các cơ quan, đơn vị ... gửi báo cáo ... trước ngày 15/12"): an obligation of those
 * units, read as a deadline, not a task of the body above it.
 */
const OWN_REPORT =
  /^(?:Định kỳ\s+)?(?:(?:hàng|hằng) năm|6 tháng|sáu tháng)[,\s]+(?:tất cả\s+)?(?:các|mọi)\s[^.;]{0,200}?\s(?:gửi\s+)?báo cáo\b[^.;]{0,300}?(?:trước|chậm nhất|đến)\s+ngày\s+\d/iu;

function strip(n: OutlineNode, from: number, to: number): Found<string> | null {
  let s = from;
  for (let lead = LEAD.exec(n.text.slice(s, to)); lead; lead = LEAD.exec(n.text.slice(s, to))) s += lead[0].length;
  return nodeText(n, s, to);
}

/** Bodies and their tasks in the responsibilities ranges. */
export function parseResponsibilities(ctx: Ctx, paras: Para[], ranges: Range[], prefix: string): { items: Responsibility[]; bodies: BodyRange[] } {
  const items: Responsibility[] = [];
  const bodies: BodyRange[] = [];
  for (const r of ranges) {
    const nodes = listItems(paras, inner(paras, r)).filter((n) => n.kind !== 'none');
    nodes.forEach((n, k) => {
      const { body, task } = splitItem(n);
      if (!body) return;
      const path = `${prefix}.responsibilities.${items.length}`;
      record(ctx, `${path}.body`, body, 0.8);
      const children = walk(n.children).filter((c) => c.kind !== 'none' || !OWN_REPORT.test(c.text));
      const tasks = [task, ...children.map((c) => nodeText(c))].filter((t): t is Found<string> => t !== null);
      tasks.forEach((t, j) => record(ctx, `${path}.tasks.${j}`, t, 0.75));
      items.push({ body: capitalise(body.value), tasks: tasks.map((t) => capitalise(t.value)) });
      bodies.push({ body, from: n.para, to: nodes[k + 1]?.para ?? r.to });
    });
  }
  return { items, bodies };
}
