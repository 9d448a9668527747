import type { PlanDoc } from '@tds/contracts';
import { record, warn, type Ctx, type Found } from './context.js';
import type { Para } from './normalise.js';
import { isWhite, runStart, sentenceHas, Sentences, type Sentence } from './scan.js';
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
  /** The words that set it when they are not at `index` (a "Năm 2025:" label heading the item). */
  source?: { start: number; end: number };
}

const Q = '(trước|chậm nhất(?:\\s+là)?(?:\\s+vào)?|đến|hạn chót(?:\\s+là)?|không quá)';
const DAY_NUM = new RegExp(`${Q}\\s+ngày\\s+(\\d{1,2})\\s*[/.-]\\s*(\\d{1,2})(?:\\s*[/.-]\\s*(\\d{4}))?`, 'giu');
const DAY_WORD = new RegExp(`${Q}\\s+ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(\\d{4}))?`, 'giu');
const MONTH = /(trong|trước|đến hết|hết)\s+tháng\s+(\d{1,2})(?:\s*[/.-]\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\d/])/giu;
const HALF = /(?<![\d\p{L}])(?<!ngày\s)(?:6|sáu)\s+tháng(?:\s+đầu\s+năm)?(\s*(?:,|và|\/)\s*(?:hằng năm|hàng năm|cả năm|năm))?(?![\p{L}\d])/giu;
const RECUR_AFTER = /^\s*(?:hàng năm|hằng năm)/u;
/** A year alone: "ban hành Kế hoạch ... trong năm 2025". */
const IN_YEAR = /(?<![\p{L}])(?:trong|ngay trong|hết|cuối)\s+năm\s+((?:19|20)\d{2})(?![\d/])/giu;
/** An item headed by its year: "- Năm 2025: Các cơ quan, đơn vị ... ban hành Kế hoạch ...". */
const YEAR_LABEL = /^(?:[-–+]\s*)?Năm\s+((?:19|20)\d{2})\s*:\s*/u;
/** What a year-only obligation makes: a document units hand in. */
const YEAR_OBJECT = /(?:ban hành|xây dựng|gửi|nộp|hoàn thành)\s+(?:các\s+)?(?:kế hoạch|báo cáo|đăng ký)/iu;
const YEARLY = /hàng năm|hằng năm|mỗi năm/iu;
const REPORT = /báo cáo/iu;
/**
 * How far around a time expression the clause is read (what is due, who sends it, to whom). Real
 * sentences stay under about 600 characters; the bound keeps a pasted text without full stops linear.
 */
export const MAX_CLAUSE = 1000;
/** At most this many deadlines are read from one plan (a real plan has a few dozen). */
export const MAX_DEADLINES = 300;
const SUBJECT = /^(?:tất cả\s+)?(?:các|những|mọi|UBND|[ỦU][ỷỶy] ban|Phòng|Ban|Hội đồng|Sở|Trung tâm|Tổ|đơn vị|cơ quan|thôn|xóm|tổ dân phố)(?=\s|,|$)/iu;

function qualifierOf(word: string): Deadline['qualifier'] {
  const w = word.toLocaleLowerCase('vi');
  if (w === 'trong') return 'in';
  return w.startsWith('trước') ? 'before' : 'by';
}

/** Every time expression of a paragraph that sets a deadline. */
function timeExprs(text: string, sentences: Sentences): TimeExpr[] {
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
    out.push({
      index: m.index,
      length: m[0].length,
      day: null,
      month: Number(m[2]),
      year: y ? Number(y) : null,
      qualifier: qualifierOf(m[1]!),
      recurrences: null,
    });
  }
  HALF.lastIndex = 0;
  for (let m = HALF.exec(text); m; m = HALF.exec(text)) {
    if (!sentenceHas(sentences.around(m.index), REPORT)) continue;
    out.push({
      index: m.index,
      length: m[0].length,
      day: null,
      month: null,
      year: null,
      qualifier: 'in',
      recurrences: m[1] ? ['half-yearly', 'yearly'] : ['half-yearly'],
    });
  }
  // Most paragraphs name no year: skip the year patterns unless one could match.
  if (!/[nN]ăm\s+(?:19|20)\d\d/u.test(text)) return out.sort((a, b) => a.index - b.index);
  IN_YEAR.lastIndex = 0;
  for (let m = IN_YEAR.exec(text); m; m = IN_YEAR.exec(text)) {
    if (!YEAR_OBJECT.test(text.slice(sentences.around(m.index).start, m.index))) continue;
    if (out.some((e) => e.index <= m!.index && m!.index < e.index + e.length)) continue;
    out.push({ index: m.index, length: m[0].length, day: null, month: null, year: Number(m[1]), qualifier: 'in', recurrences: ['once'] });
  }
  const label = YEAR_LABEL.exec(text);
  if (label) {
    // The clause is the item's first sentence after the label: the expression sits at its end.
    const first = sentences.around(label[0].length);
    const end = text.slice(0, first.end).replace(/[.;\s]+$/u, '').length;
    const item = text.slice(label[0].length, end);
    if (YEAR_OBJECT.test(item) && !out.some((e) => e.index < end)) {
      const namAt = label[0].indexOf('Năm');
      const at = text.indexOf(label[1]!, namAt);
      out.push({
        index: end,
        length: 0,
        day: null,
        month: null,
        year: Number(label[1]),
        qualifier: 'in',
        recurrences: ['once'],
        source: { start: namAt, end: at + 4 },
      });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const TO_MARK = /\s(?:gửi\s+)?(?:về|lên|tới)\s+(?=(?:UBND|[ỦU][ỷỶy] ban|[Pp]hòng|Ban|Hội đồng|Sở|Văn phòng|Trung tâm|Đảng|Chủ tịch|cấp trên|Thường trực))/gu;
const SEND = /(?:^|\s)(gửi|nộp)\s/gu;
const DO = /(?:^|\s)(báo cáo|xây dựng|ban hành|hoàn thành|tổng hợp|tổ chức|đăng ký)\s/iu;
const LEAD = /^(?:[-+–]\s*|\d{1,2}[.)]\s+|[a-zđ][.)]\s+)?(?:(?:Định kỳ|Hàng năm|Hằng năm)(?:\s+(?:hàng năm|hằng năm))?\s*,?\s*)?/u;

const TAIL_WORDS = ['hàng năm', 'hằng năm', 'định kỳ'];
const inTail = (c: string) => c === ',' || c === '(' || c === ':' || isWhite(c);

/**
 * text[s, e) without leading spaces, commas and brackets, and without a trailing
 * `(?:\s*(?:hàng năm|hằng năm|định kỳ))?[\s,(:]*` (found by scanning back, as that regex would match).
 */
function cut(text: string, s: number, e: number): Found<string> | null {
  while (s < e && /[\s,(]/u.test(text[s]!)) s++;
  let tail = runStart(text, e, s, inTail);
  const word = TAIL_WORDS.find((w) => tail - w.length >= s && text.startsWith(w, tail - w.length));
  if (word) tail = runStart(text, tail - word.length, s, isWhite);
  e = tail;
  return e > s ? { value: text.slice(s, e), start: s, end: e } : null;
}

/** What is due, who sends it and to whom, from the clause before a time expression (and after it for "to"). */
function analyse(text: string, sent: Sentence, expr: TimeExpr) {
  const lead = leadOf(text, sent);
  let ce = expr.index;
  const floor = Math.max(sent.start + lead, ce - MAX_CLAUSE);
  // The last ":" and "(" before the expression that lie inside the clause (searched only there).
  const from = Math.max(0, floor - 1);
  const colonAt = text.slice(from, ce + 1).lastIndexOf(':');
  const cs = Math.max(floor, colonAt < 0 ? -1 : from + colonAt + 1);
  const openAt = text.slice(cs, ce + 1).lastIndexOf('(');
  if (openAt >= 0 && !text.slice(cs + openAt, ce).includes(')')) ce = cs + openAt;
  let whatEnd = ce;
  let to: Found<string> | null = null;
  let lastTo: RegExpExecArray | null = null;
  // A match starting before `ce` ends within a few characters of it: search no further.
  const near = text.slice(0, ce + 32);
  TO_MARK.lastIndex = cs;
  for (let m = TO_MARK.exec(near); m && m.index < ce; m = TO_MARK.exec(near)) lastTo = m;
  if (lastTo) {
    to = cut(text, lastTo.index + lastTo[0].length, ce);
    whatEnd = lastTo.index;
  } else {
    const afterAt = expr.index + expr.length;
    const after = text.slice(afterAt, Math.max(afterAt, Math.min(sent.end, afterAt + MAX_CLAUSE)));
    const m = /(?:gửi\s+)?(?:về|lên)\s+((?:UBND|[ỦU][ỷỶy] ban|[Pp]hòng|Ban|Hội đồng|Sở|Văn phòng)[^.;]*?)(?=\s+(?:để|nhằm|theo|trước)\s|[.;,]|$)/u.exec(after);
    if (m) to = cut(text, afterAt + m.index + m[0].length - m[1]!.length, afterAt + m.index + m[0].length);
  }
  let verbAt = -1;
  let whatStart = cs;
  const upToWhat = text.slice(0, whatEnd + 8);
  SEND.lastIndex = cs;
  for (let m = SEND.exec(upToWhat); m && m.index < whatEnd; m = SEND.exec(upToWhat)) {
    verbAt = m.index;
    whatStart = m.index + m[0].length;
  }
  if (verbAt < 0) {
    const m = DO.exec(text.slice(cs, whatEnd));
    if (m) verbAt = whatStart = cs + m.index + (m[0].length - m[0].trimStart().length);
  }
  const what = cut(text, whatStart, whatEnd);
  const subject = verbAt > cs ? cut(text, cs, verbAt) : null;
  const sender = subject && subject.value.length <= 100 && SUBJECT.test(subject.value) ? subject : null;
  return { what, from: sender, to };
}

const leads = new WeakMap<Sentence, number>();

/** Length of the list marker and "Hàng năm," that open a sentence (computed once per sentence). */
function leadOf(text: string, sent: Sentence): number {
  let n = leads.get(sent);
  if (n === undefined) {
    n = LEAD.exec(text.slice(sent.start))![0].length;
    leads.set(sent, n);
  }
  return n;
}

/** The sentence's text, or the clause window around the expression when the sentence is longer than a real one. */
function sentenceText(text: string, sent: Sentence, e: TimeExpr): string {
  if (sent.end - sent.start <= 2 * MAX_CLAUSE) return sent.text;
  return text.slice(Math.max(sent.start, e.index - MAX_CLAUSE), Math.min(sent.end, e.index + e.length + MAX_CLAUSE));
}

/** The source text of a deadline: the time expression and a following "hàng năm". */
function exprText(text: string, e: TimeExpr): { start: number; end: number } {
  if (e.source) return e.source;
  const after = RECUR_AFTER.exec(text.slice(e.index + e.length));
  return { start: e.index, end: e.index + e.length + (after ? after[0].length : 0) };
}

/** Deadlines in paragraphs of `ranges` (at most MAX_DEADLINES); `bodyOf` names the responsible body of a paragraph (the sender). */
export function parseDeadlines(ctx: Ctx, paras: Para[], ranges: Range[], bodyOf: (i: number) => Found<string> | null, prefix: string): Deadline[] {
  const out: Deadline[] = [];
  for (const r of ranges) {
    for (let i = r.from; i < r.to; i++) {
      const p = paras[i]!;
      const sentences = new Sentences(p.text);
      for (const e of timeExprs(p.text, sentences)) {
        const sent = sentences.around(e.index);
        const a = analyse(p.text, sent, e);
        const src = exprText(p.text, e);
        // A date without a year recurs (a one-off deadline names its year: "trước ngày 18/7/2025").
        const recurs = e.recurrences ?? [sentenceHas(sent, YEARLY) || (e.year === null && e.month !== null) ? 'yearly' : 'once'];
        for (const recurrence of recurs) {
          if (out.length >= MAX_DEADLINES) {
            warn(ctx, 'TOO_MANY_DEADLINES', `Văn bản có hơn ${MAX_DEADLINES} thời hạn; chỉ đọc ${MAX_DEADLINES} thời hạn đầu tiên.`, `${prefix}.deadlines`);
            return out;
          }
          const path = `${prefix}.deadlines.${out.length}`;
          const from = a.from ? { ...a.from, start: p.start + a.from.start, end: p.start + a.from.end } : bodyOf(i);
          const shift = (f: Found<string> | null) => (f ? { start: p.start + f.start, end: p.start + f.end } : null);
          record(ctx, `${path}.text`, shift({ value: '', ...src }), 0.9);
          record(ctx, `${path}.what`, shift(a.what), 0.7);
          record(ctx, `${path}.from`, from, a.from ? 0.7 : 0.5);
          record(ctx, `${path}.to`, shift(a.to), 0.7);
          out.push({
            what: capitalise(a.what?.value ?? sentenceText(p.text, sent, e).trim()),
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
