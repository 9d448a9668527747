import type { PlanDoc } from '@tds/contracts';
import { record, type Ctx } from './context.js';
import type { Para } from './normalise.js';
import type { Range } from './sections.js';
import { expandAbbreviations, isoOf, readDate } from './vi.js';

type LegalBasis = PlanDoc['legalBases'][number];

interface Span {
  start: number;
  end: number;
}

interface Citation {
  at: number;
  key: string;
  value: LegalBasis;
  spans: Partial<Record<keyof LegalBasis, Span>>;
}

const TYPES = [
  'Kế hoạch',
  'Nghị quyết',
  'Quyết định',
  'Công văn',
  'Hướng dẫn',
  'Nghị định',
  'Thông tư',
  'Chỉ thị',
  'Bộ luật',
  'Luật',
  'Thông báo',
  'Chương trình',
  'Đề án',
  'Kết luận',
  'Quy định',
  'Thông tri',
  'Văn bản',
];
const TYPE_BEFORE = new RegExp(`(${TYPES.join('|')})\\s+(?:số\\s*)?$`, 'iu');
const REF = /(?<![\p{L}\d/-])(\d{1,5})([-/])((?:\d{4}\/)?\p{Lu}[\p{L}\d&]*(?:[-/][\p{Lu}\d&][\p{L}\d&]*)*)/gu;
const LAW = /(?<![\p{L}])(Bộ luật|Luật)\s+(\p{Lu}[^;.\d]{1,120}?)(?=\s+ngày\s|\s+năm\s+\d|\s+số\s|,\s*\p{Lu}|,\s*(?:ngày|năm)\s|[;.]|$)/gu;
const SYMBOL_TYPES: [RegExp, string][] = [
  [/^KH(?![\p{L}\d])|[-/]KH(?![\p{L}\d])/u, 'Kế hoạch'],
  [/^NQ(?![\p{L}\d])|[-/]NQ(?![\p{L}\d])/u, 'Nghị quyết'],
  [/^QĐ(?![\p{L}\d])|[-/]QĐ(?![\p{L}\d])/u, 'Quyết định'],
  [/^HD(?![\p{L}\d])|[-/]HD(?![\p{L}\d])/u, 'Hướng dẫn'],
  [/^NĐ(?![\p{L}\d])|[-/]NĐ(?![\p{L}\d])/u, 'Nghị định'],
  [/^TT(?![\p{L}\d])|[-/]TT(?![\p{L}\d])/u, 'Thông tư'],
  [/^CT(?![\p{L}\d])|[-/]CT(?![\p{L}\d])/u, 'Chỉ thị'],
  [/^TB(?![\p{L}\d])|[-/]TB(?![\p{L}\d])/u, 'Thông báo'],
  [/^QH\d*$/u, 'Luật'],
];
/** Longest issuer name read after "của" (real ones are under 150 characters). */
const MAX_ISSUER = 300;
const ISSUER_STOP = /\s+(?:về|ban hành|phát động|sửa đổi|triển khai|thực hiện|hướng dẫn|quy định|tại|trên|đối với|V\/v)(?=[\s,;.]|$)|[,;.:(“"]|$/u;

/** The type of a cited document: the word before its number, else guessed from the symbol ("KH" → Kế hoạch). */
function typeOf(before: string, symbol: string): { type: string | null; length: number } {
  const m = TYPE_BEFORE.exec(before);
  if (m) {
    const word = TYPES.find((t) => t.toLocaleLowerCase('vi') === m[1]!.toLocaleLowerCase('vi')) ?? m[1]!;
    return { type: word, length: m[0].length };
  }
  const guess = SYMBOL_TYPES.find(([re]) => re.test(symbol));
  if (guess) return { type: guess[1], length: 0 };
  return { type: /^\p{Lu}+-\p{Lu}/u.test(symbol) ? 'Công văn' : null, length: 0 };
}

/** Date and issuer that follow a citation ("ngày 16/6/2025 của UBND thành phố X"). */
function tail(text: string, from: number, c: Citation): void {
  let pos = from;
  const dateAt = /^\s*,?\s*/u.exec(text.slice(pos))![0].length + pos;
  const d = readDate(text.slice(dateAt));
  if (d) {
    c.value.date = isoOf(d);
    c.spans.date = { start: dateAt, end: dateAt + d.length };
    pos = dateAt + d.length;
  }
  const of = /^\s*,?\s*của\s+/u.exec(text.slice(pos));
  if (!of) return;
  const at = pos + of[0].length;
  // The issuer ends at the first stop; one longer than MAX_ISSUER is not an issuer (the margin keeps the window's end from faking a stop).
  const stop = ISSUER_STOP.exec(text.slice(at, at + MAX_ISSUER + 32));
  if (!stop || stop.index > MAX_ISSUER) return;
  const end = at + stop.index;
  if (end <= at) return;
  c.value.issuer = expandAbbreviations(text.slice(at, end).trim());
  c.spans.issuer = { start: at, end };
}

/** Every numbered citation in a paragraph. */
function refCitations(text: string): Citation[] {
  const out: Citation[] = [];
  REF.lastIndex = 0;
  for (let m = REF.exec(text); m; m = REF.exec(text)) {
    const ref = m[0];
    const t = typeOf(text.slice(Math.max(0, m.index - 40), m.index), m[3]!);
    const c: Citation = {
      at: m.index,
      key: ref,
      value: { ref, type: t.type, date: null, issuer: null },
      spans: { ref: { start: m.index, end: m.index + ref.length } },
    };
    if (t.length > 0) {
      const typeStart = m.index - t.length;
      c.spans.type = { start: typeStart, end: typeStart + t.type!.length };
    }
    tail(text, m.index + ref.length, c);
    out.push(c);
  }
  return out;
}

/** Laws cited by name without a number ("Luật Tổ chức chính quyền địa phương ngày 16/6/2025"). */
function lawCitations(text: string): Citation[] {
  const out: Citation[] = [];
  LAW.lastIndex = 0;
  for (let m = LAW.exec(text); m; m = LAW.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
    if (/^\s*số\s/u.test(after)) continue;
    const title = m[2]!.trim();
    const c: Citation = {
      at: m.index,
      key: `law:${title.toLocaleLowerCase('vi')}`,
      value: { ref: null, type: m[1]!, date: null, issuer: null, title },
      spans: {},
    };
    c.spans.type = { start: m.index, end: m.index + m[1]!.length };
    const titleAt = m.index + m[0].indexOf(m[2]!);
    c.spans.title = { start: titleAt, end: titleAt + title.length };
    tail(text, m.index + m[0].length, c);
    out.push(c);
  }
  return out;
}

/** Every document cited in the preamble, each once, in order of first appearance. */
export function parseLegalBases(ctx: Ctx, paras: Para[], range: Range, prefix: string): LegalBasis[] {
  const seen = new Set<string>();
  const out: LegalBasis[] = [];
  for (let i = range.from; i < range.to; i++) {
    const p = paras[i]!;
    const found = [...refCitations(p.text), ...lawCitations(p.text)].sort((a, b) => a.at - b.at);
    for (const c of found) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      const path = `${prefix}.legalBases.${out.length}`;
      for (const [field, span] of Object.entries(c.spans)) {
        record(ctx, `${path}.${field}`, { start: p.start + span.start, end: p.start + span.end }, field === 'ref' ? 0.95 : 0.85);
      }
      out.push(c.value);
    }
  }
  return out;
}
