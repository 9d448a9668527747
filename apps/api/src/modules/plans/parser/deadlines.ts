import type { PlanDoc } from '@tds/contracts';
import { record, type Ctx, type Found } from './context.js';
import type { Para } from './normalise.js';
import type { Range } from './sections.js';
import { capitalise } from './vi.js';

type Deadline = PlanDoc['deadlines'][number];

interface TimeExpr {
  index: number;
  length: number;
  day: number | null;
  month: number | null;
  year: number | null;
  qualifier: Deadline['qualifier'];
  recurrences: Deadline['recurrence'][] | null;
}

const Q = '(trước|chậm nhất(?:\\s+là)?(?:\\s+vào)?|đến|hạn chót(?:\\s+là)?|không quá)';
const DAY_NUM = new RegExp(`${Q}\\s+ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?`, 'giu');
const DAY_WORD = new RegExp(`${Q}\\s+ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?`, 'giu');
const MONTH = /(trong|trước|đến hết|hết)\s+tháng\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\d/])/giu;
const HALF = /(?<![\d\p{L}])(?<!ngày\s)(?:6|sáu)\s+tháng(?:\s+đầu\s+năm)?(\s*(?:,|và|\/)\s*(?:hằng năm|hàng năm|cả năm|năm))?(?![\p{L}\d])/giu;
const RECUR_AFTER = /^\s*(?:hàng năm|hằng năm)/u;
const YEARLY = /hàng năm|hằng năm|mỗi năm/iu;
const SUBJECT = /^(?:tất cả\s+)?(?:các|những|mọi|UBND|[ỦU][ỷỶy] ban|Phòng|Ban|Hội đồng|Sở|Trung tâm|Tổ|đơn vị|cơ quan|thôn|xóm|tổ dân phố)(?=\s|,|$)/iu;

function qualifierOf(word: string): Deadline['qualifier'] {
  const w = word.toLocaleLowerCase('vi');
  if (w === 'trong') return 'in';
  return w.startsWith('trước') ? 'before' : 'by';
}

/** Every time expression of a paragraph that sets a deadline. */
function timeExprs(text: string): TimeExpr[] {
  const out: TimeExpr[] = [];
  for (const re of [DAY_NUM, DAY_WORD]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[1]!.toLocaleLowerCase('vi') === 'đến' && /từ\s+(?:ngày\s+)?[\d/]+\s*$/u.test(text.slice(Math.max(0, m.index - 25), m.index))) continue;
      const y = m[4] ? Number(m[4]) : null;
      out.push({ index: m.index, length: m[0].length, day: Number(m[2]), month: Number(m[3]), year: y, qualifier: qualifierOf(m[1]!), recurrences: null });
    }
  }
  MONTH.lastIndex = 0;
  for (let m = MONTH.exec(text); m; m = MONTH.exec(text)) {
    const y = m[3] ?? m[4];
    out.push({ index: m.index, length: m[0].length, day: null, month: Number(m[2]), year: y ? Number(y) : null, qualifier: qualifierOf(m[1]!), recurrences: null });
  }
  HALF.lastIndex = 0;
  for (let m = HALF.exec(text); m; m = HALF.exec(text)) {
    if (!/báo cáo/iu.test(sentenceAround(text, m.index).text)) continue;
    out.push({ index: m.index, length: m[0].length, day: null, month: null, year: null, qualifier: 'in', recurrences: m[1] ? ['half-yearly', 'yearly'] : ['half-yearly'] });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** The sentence (between ". " or "; " boundaries) around an index. */
function sentenceAround(text: string, at: number): { start: number; end: number; text: string } {
  let start = 0;
  const re = /[.;!?]\s+(?=\S)/gu;
  for (let m = re.exec(text); m && m.index < at; m = re.exec(text)) start = m.index + m[0].length;
  const after = /[.;!?](?:\s|$)/u.exec(text.slice(at));
  const end = after ? at + after.index : text.length;
  return { start, end, text: text.slice(start, end) };
}

const TO_MARK = /\s(?:gửi\s+)?(?:về|lên|tới)\s+(?=(?:UBND|[ỦU][ỷỶy] ban|[Pp]hòng|Ban|Hội đồng|Sở|Văn phòng|Trung tâm|Đảng|Chủ tịch|cấp trên|Thường trực))/gu;
const SEND = /(?:^|\s)(gửi|nộp)\s/gu;
const DO = /(?:^|\s)(báo cáo|xây dựng|ban hành|hoàn thành|tổng hợp|tổ chức|đăng ký)\s/iu;
const LEAD = /^(?:[-+–]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)?(?:(?:Định kỳ|Hàng năm|Hằng năm)(?:\s+(?:hàng năm|hằng năm))?\s*,?\s*)?/u;

function cut(text: string, s: number, e: number): Found<string> | null {
  while (s < e && /[\s,(]/u.test(text[s]!)) s++;
  const tail = /(?:\s*(?:hàng năm|hằng năm|định kỳ))?[\s,(:]*$/u.exec(text.slice(s, e));
  if (tail) e -= tail[0].length;
  return e > s ? { value: text.slice(s, e), start: s, end: e } : null;
}

/** What is due, who sends it and to whom, from the clause before a time expression (and after it for "to"). */
function analyse(text: string, sent: { start: number; end: number }, expr: TimeExpr) {
  const lead = LEAD.exec(text.slice(sent.start))![0].length;
  let ce = expr.index;
  const colon = text.lastIndexOf(':', ce);
  const cs = Math.max(sent.start + lead, colon + 1);
  const open = text.lastIndexOf('(', ce);
  const close = text.indexOf(')', open);
  if (open >= cs && (close < 0 || close >= ce)) ce = open;
  let whatEnd = ce;
  let to: Found<string> | null = null;
  let lastTo: RegExpExecArray | null = null;
  TO_MARK.lastIndex = cs;
  for (let m = TO_MARK.exec(text); m && m.index < ce; m = TO_MARK.exec(text)) lastTo = m;
  if (lastTo) {
    to = cut(text, lastTo.index + lastTo[0].length, ce);
    whatEnd = lastTo.index;
  } else {
    const after = text.slice(expr.index + expr.length, sent.end);
    const m = /(?:gửi\s+)?(?:về|lên)\s+((?:UBND|[ỦU][ỷỶy] ban|[Pp]hòng|Ban|Hội đồng|Sở|Văn phòng)[^.;]*?)(?=\s+(?:để|nhằm|theo|trước)\s|[.;,]|$)/u.exec(after);
    if (m) to = cut(text, expr.index + expr.length + m.index + m[0].length - m[1]!.length, expr.index + expr.length + m.index + m[0].length);
  }
  let verbAt = -1;
  let whatStart = cs;
  SEND.lastIndex = cs;
  for (let m = SEND.exec(text); m && m.index < whatEnd; m = SEND.exec(text)) {
    verbAt = m.index;
    whatStart = m.index + m[0].length;
  }
  if (verbAt < 0) {
    const m = DO.exec(text.slice(cs, whatEnd));
    if (m) verbAt = whatStart = cs + m.index + (m[0].length - m[0].trimStart().length);
  }
  const what = cut(text, whatStart, whatEnd);
  const subject = verbAt > cs ? cut(text, cs, verbAt) : null;
  const from = subject && subject.value.length <= 100 && SUBJECT.test(subject.value) ? subject : null;
  return { what, from, to };
}

/** The source text of a deadline: the time expression and a following "hàng năm". */
function exprText(text: string, e: TimeExpr): { start: number; end: number } {
  const after = RECUR_AFTER.exec(text.slice(e.index + e.length));
  return { start: e.index, end: e.index + e.length + (after ? after[0].length : 0) };
}

/** Deadlines in paragraphs of `ranges`; `bodyOf` names the responsible body of a paragraph (the sender). */
export function parseDeadlines(ctx: Ctx, paras: Para[], ranges: Range[], bodyOf: (i: number) => Found<string> | null, prefix: string): Deadline[] {
  const out: Deadline[] = [];
  for (const r of ranges) {
    for (let i = r.from; i < r.to; i++) {
      const p = paras[i]!;
      for (const e of timeExprs(p.text)) {
        const sent = sentenceAround(p.text, e.index);
        const a = analyse(p.text, sent, e);
        const src = exprText(p.text, e);
        // A date without a year recurs (a one-off deadline names its year: "trước ngày 18/7/2025").
        const recurs = e.recurrences ?? [YEARLY.test(sent.text) || (e.year === null && e.month !== null) ? 'yearly' : 'once'];
        for (const recurrence of recurs) {
          const path = `${prefix}.deadlines.${out.length}`;
          const from = a.from ? { ...a.from, start: p.start + a.from.start, end: p.start + a.from.end } : bodyOf(i);
          const shift = (f: Found<string> | null) => (f ? { start: p.start + f.start, end: p.start + f.end } : null);
          record(ctx, `${path}.text`, shift({ value: '', ...src }), 0.9);
          record(ctx, `${path}.what`, shift(a.what), 0.7);
          record(ctx, `${path}.from`, from, a.from ? 0.7 : 0.5);
          record(ctx, `${path}.to`, shift(a.to), 0.7);
          out.push({
            what: capitalise(a.what?.value ?? sent.text.trim()),
            from: from?.value ?? null,
            to: a.to?.value ?? null,
            day: e.day,
            month: e.month,
            year: recurrence === 'once' ? e.year : null,
            recurrence,
            qualifier: e.qualifier,
            text: p.text.slice(src.start, src.end),
          });
        }
      }
    }
  }
  return out;
}
