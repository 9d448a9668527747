/**
 * Text preparation for the plan parser. The *normalised* text (NFC, `\n` line endings) is what
 * spans point into; the *work* text is a cleaned copy (Markdown, table pipes, page numbers, banners
 * removed; hard-wrapped lines joined into paragraphs) with a per-character map back to it.
 */

/** The text every span in `sources` points into: BOM dropped, NFC, `\n` line endings. */
export function normalisePlanText(raw: string): string {
  return raw
    .replace(/^\uFEFF/u, '')
    .normalize('NFC')
    .replace(/\r\n?/gu, '\n');
}

/** One paragraph of the work text: `start` is its offset in the work text. */
export interface Para {
  text: string;
  start: number;
}

/** The cleaned work text, its paragraphs, and the map from work offsets to normalised offsets. */
export interface WorkText {
  norm: string;
  text: string;
  paras: Para[];
  /** map[i] = offset in `norm` of work character i; map[text.length] = norm.length. */
  map: number[];
}

interface Line {
  text: string;
  offs: number[];
  /** Whether the line has capitals and small letters (computed once, when needed). */
  cases?: { upper: boolean; lower: boolean };
}

function casesOf(line: Line): { upper: boolean; lower: boolean } {
  line.cases ??= { upper: /\p{Lu}/u.test(line.text), lower: /\p{Ll}/u.test(line.text) };
  return line.cases;
}

const MARKER = /^(?:[IVX]{1,4}[.)]\s|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s|\(\d{1,2}\)|[a-zđ][.)]\s|[-–—+•]\s|Điều\s+\d)/u;
const STARTER =
  /^(?:Căn cứ|Thực hiện\s+(?:Kế hoạch|Quyết định|Nghị quyết|Công văn|Chỉ thị|Hướng dẫn|Thông tư|Nghị định|Luật)|Theo đề nghị|Xét đề nghị|Nơi nhận|(?:TM|KT|TL|TUQ)\.|[TK]\/[MTL]\s|Số\s*:|Trên đây|KẾ HOẠCH(?:\s|$)|QUYẾT ĐỊNH(?:\s|$))/u;
const CITATION_START = /^(?:Nghị quyết|Quyết định|Nghị định|Thông tư|Chỉ thị|Kế hoạch|Công văn|Hướng dẫn|Kết luận|Luật)\s+(?:số\s+)?\d/u;
const PAGE_NUMBER = /^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang\s+\d{1,3}(?:\s*\/\s*\d{1,3})?$/iu;
const RULE_LINE = /^(?:[-_=*~.]{3,}|\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?)$/u;
const CAPTION = /^\(?(?:Ảnh|Hình ảnh|Hình)(?:\s+minh\s+h[oọ][aạ])?\s*[:.)]/iu;
const BANNER =
  /^(?:Trang chủ|Chia sẻ|Lượt xem|Lượt truy cập|Ngày đăng|Đăng ngày|Đăng lúc|Cập nhật|In bài|In trang|Tải về|Tải xuống|Bài viết liên quan|Tin liên quan|Tin khác|Tin cùng chuyên mục|Xem thêm|Quay lại|Facebook|Zalo|Twitter|Bình luận|Gửi bình luận|Bản quyền|Copyright|Liên hệ)\b/iu;
const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/iu;
const DOC_START =
  /^(?:UBND|[ỦU][ỶYy] BAN|HỘI ĐỒNG|ĐẢNG (?:BỘ|[ỦU][ỶY]|CỘNG SẢN)|(?:TỈNH|THÀNH|HUYỆN|QUẬN) [ỦU][ỶY]|BAN |SỞ |CỘNG H[ÒO]A|Số\s*:|KẾ HOẠCH|QUYẾT ĐỊNH|Căn cứ|Thực hiện)/u;

/** True when the string has letters and none of them is lower-case. */
export function isAllCaps(s: string): boolean {
  return /\p{Lu}/u.test(s) && !/\p{Ll}/u.test(s);
}

/** True when a paragraph starts with a list or heading marker (I., 1., 1.2., (1), a), a., -, +). */
export function startsWithMarker(s: string): boolean {
  return MARKER.test(s);
}

function isSpace(code: number): boolean {
  return code <= 32 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b) || code === 0x3000 || code === 0xfeff;
}

/** Clean one table cell or line: drop Markdown emphasis and headings, collapse white space. */
function cleanCell(text: string, base: number): Line {
  const out: string[] = [];
  const offs: number[] = [];
  let i = 0;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  while (i < text.length && (text[i] === '#' || text[i] === '>' || text[i] === ' ')) i++;
  let lastSpace = true;
  if (text[i] === '*' && text[i + 1] === ' ') {
    out.push('-');
    offs.push(base + i);
    i++;
    lastSpace = false;
  }
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '*' || (c === '_' && (text[i + 1] === '_' || text[i - 1] === '_'))) continue;
    if (c === '\\' && '-.*_#()[]'.includes(text[i + 1] ?? 'x')) continue;
    const ws = isSpace(text.charCodeAt(i));
    if (ws && lastSpace) continue;
    lastSpace = ws;
    out.push(ws ? ' ' : c === '•' ? '-' : c);
    offs.push(base + i);
  }
  if (lastSpace && out.length > 0) {
    out.pop();
    offs.pop();
  }
  return { text: out.join(''), offs };
}

/** Split a normalised line into cleaned cells (a `|` separates table cells copied from a web page). */
function splitLine(norm: string, start: number, end: number): Line[] {
  const raw = norm.slice(start, end);
  if (raw.includes('---') && RULE_LINE.test(raw.trim())) return [];
  if (!raw.includes('|')) {
    const cell = cleanCell(raw, start);
    return cell.text ? [cell] : [];
  }
  const cells: Line[] = [];
  let cellStart = 0;
  for (let i = 0; i <= raw.length; i++) {
    if (i === raw.length || raw[i] === '|') {
      const cell = cleanCell(raw.slice(cellStart, i), start + cellStart);
      if (cell.text) cells.push(cell);
      cellStart = i + 1;
    }
  }
  return cells;
}

/** True for page numbers, rules, captions, banners and bare URLs copied around a document. */
function isNoise(text: string): boolean {
  if (PAGE_NUMBER.test(text) || RULE_LINE.test(text) || URL_LINE.test(text)) return true;
  if (CAPTION.test(text)) return true;
  if (text.length <= 80 && BANNER.test(text)) return true;
  return text.length <= 120 && /[>»›]/u.test(text) && /^[^.;>»›]{1,40}(?:[>»›][^.;>»›]{1,40}){1,6}$/u.test(text);
}

/** The typical width of a hard-wrapped line (0 when lines are whole paragraphs). */
function wrapWidth(lines: Line[]): number {
  const lens = lines
    .map((l) => l.text.length)
    .filter((n) => n > 20)
    .sort((a, b) => a - b);
  if (lens.length < 5) return 0;
  return lens[Math.floor(lens.length * 0.8)] ?? 0;
}

/**
 * A paragraph being built from lines. Only what `joinKind` asks about the paragraph is kept up to
 * date (its first and last characters, whether it has capitals or small letters), so that joining
 * many lines costs linear time instead of rescanning the growing text for every line.
 */
interface Building {
  parts: string[];
  offs: number[];
  length: number;
  /** The first HEAD characters (enough for the numbering tests anchored at the start). */
  head: string;
  /** The last TAIL characters. */
  tail: string;
  /** The character before the trailing run of closing quotes and brackets, or '' when there is none. */
  beforeQuotes: string;
  upper: boolean;
  lower: boolean;
}

const HEAD = 32;
const TAIL = 8;
/** A paragraph ends a sentence when it ends in one of TERMINALS, possibly followed by CLOSERS (`[.;:!?…]["”’)]*$`). */
const CLOSERS = new Set(['"', '”', '’', ')']);
const TERMINALS = new Set(['.', ';', ':', '!', '?', '…']);

function lastNonCloser(s: string): string | null {
  for (let i = s.length - 1; i >= 0; i--) if (!CLOSERS.has(s[i]!)) return s[i]!;
  return null;
}

function startParagraph(line: Line): Building {
  const { upper, lower } = casesOf(line);
  return {
    parts: [line.text],
    offs: [...line.offs],
    length: line.text.length,
    head: line.text.slice(0, HEAD),
    tail: line.text.slice(-TAIL),
    beforeQuotes: lastNonCloser(line.text) ?? '',
    upper,
    lower,
  };
}

function appendLine(p: Building, sep: ' ' | '', line: Line): void {
  if (sep) {
    p.parts.push(sep);
    p.offs.push((p.offs[p.offs.length - 1] ?? 0) + 1);
  }
  p.parts.push(line.text);
  for (const o of line.offs) p.offs.push(o);
  const added = sep + line.text;
  p.length += added.length;
  if (p.head.length < HEAD) p.head = (p.head + added).slice(0, HEAD);
  p.tail = (p.tail + added).slice(-TAIL);
  p.beforeQuotes = lastNonCloser(added) ?? p.beforeQuotes;
  const { upper, lower } = casesOf(line);
  p.upper ||= upper;
  p.lower ||= lower;
}

/**
 * Whether `next` continues the paragraph `prev` (whose last physical line is `last` characters long);
 * "" joins without a space. A line as long as the typical line was wrapped by the page, not ended
 * by the writer — also when the next line starts with a capital or "(" (a name, "(Qua phòng ...)"),
 * and also after a numbered first line ("7. Hàng năm ... thực hiện" / "Phong trào thi đua về ...").
 */
function joinKind(prev: Building, line: Line, width: number, last: number): ' ' | '' | null {
  const next = line.text;
  const prevCaps = prev.upper && !prev.lower;
  const prevTerminal = TERMINALS.has(prev.beforeQuotes);
  if (/[\p{L}\d][-/]$/u.test(prev.tail) && /^[\p{L}\d]/u.test(next)) return '';
  if (/[\p{L}\d]$/u.test(prev.tail) && /^[-/][\p{Lu}\d]/u.test(next)) return '';
  if (/^[-–]\s\p{Ll}/u.test(next) && !prevTerminal && !prevCaps) return ' ';
  if (MARKER.test(next) || STARTER.test(next)) return null;
  const nextCases = casesOf(line);
  if (nextCases.upper && !nextCases.lower && next.length > 3) return /^[IVX]{1,4}[.)]\s/u.test(prev.head) && prevCaps ? ' ' : null;
  if (prevCaps) return null;
  const lowerStart = /^["“‘(]?[\p{Ll}\d]/u.test(next);
  // A list of citations wrapped by the page ("...Nghị quyết số 71/NQ-CP;" / "Nghị quyết số 193/2025/QH15 và ...") goes on.
  if (/[;,]$/u.test(prev.tail) && width > 0 && width < 160 && last >= width * 0.7 && CITATION_START.test(next)) return ' ';
  if (prevTerminal) return lowerStart && !prev.tail.endsWith(':') ? ' ' : null;
  if (lowerStart) return ' ';
  if (width <= 0 || width >= 160) return null;
  const numberedHead = last === prev.length && /^(?:[IVX]{1,4}[.)]|\d{1,2}(?:\.\d{1,2}){0,3}[.)]?|\(\d{1,2}\)|[a-zđ][.)])\s/u.test(prev.head);
  if (numberedHead) return last >= width * 0.9 ? ' ' : null;
  return prev.length >= width * 0.7 && last >= width * 0.7 ? ' ' : null;
}

/** Index of the first line that looks like the start of an official document (skips web banners). */
function documentStart(lines: Line[]): number {
  const limit = Math.max(3, Math.floor(lines.length * 0.4));
  for (let i = 0; i < Math.min(lines.length, limit); i++) {
    if (DOC_START.test(lines[i]!.text)) return i;
  }
  return 0;
}

/** Build the work text: cleaned lines, noise dropped, hard-wrapped lines joined into paragraphs. */
export function buildWorkText(norm: string): WorkText {
  const lines: Line[] = [];
  let pos = 0;
  while (pos <= norm.length) {
    let end = norm.indexOf('\n', pos);
    if (end < 0) end = norm.length;
    for (const cell of splitLine(norm, pos, end)) if (!isNoise(cell.text)) lines.push(cell);
    pos = end + 1;
  }
  const kept = lines.slice(documentStart(lines));
  const width = wrapWidth(kept);
  const merged: Building[] = [];
  let last = 0;
  for (const line of kept) {
    const prev = merged[merged.length - 1];
    const kind = prev ? joinKind(prev, line, width, last) : null;
    last = line.text.length;
    if (prev && kind !== null) appendLine(prev, kind, line);
    else merged.push(startParagraph(line));
  }
  return assemble(
    norm,
    merged.map((p) => ({ text: p.parts.join(''), offs: p.offs })),
  );
}

function assemble(norm: string, merged: Line[]): WorkText {
  const paras: Para[] = [];
  const map: number[] = [];
  let text = '';
  for (const [i, line] of merged.entries()) {
    if (i > 0) {
      text += '\n';
      map.push((map[map.length - 1] ?? 0) + 1);
    }
    paras.push({ text: line.text, start: text.length });
    text += line.text;
    for (const o of line.offs) map.push(o);
  }
  map.push(norm.length);
  return { norm, text, paras, map };
}

/** Map a [start, end) range of the work text to the normalised text. */
export function toNormSpan(work: WorkText, start: number, end: number): { start: number; end: number } {
  const s = work.map[start] ?? work.norm.length;
  const e = end > start ? (work.map[end - 1] ?? s) + 1 : s;
  return { start: s, end: Math.max(s, e) };
}
