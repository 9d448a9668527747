import { record, warn, type Ctx, type Found, inPara } from './context.js';
import { isAllCaps, type Para } from './normalise.js';
import { runStart } from './scan.js';
import { isoOf, orgCase, readDate, expandAbbreviations } from './vi.js';

/** What the header block and the subject line of a document say. */
export interface Header {
  issuer: { name: string | null; parent: string | null };
  number: string | null;
  numberBlank: boolean;
  date: string | null;
  partialDate: { month: number | null; year: number | null } | null;
  place: string | null;
  title: string | null;
  titleFound: Found<string> | null;
  /** Index of the first paragraph after the title. */
  bodyFrom: number;
}

const NUMBER = /^Số\s*:?\s*(\S*)/u;
const PLACE_DATE = /^([^,\d]{1,40}?),\s*(ngày\b.*)$/u;
/** The state motto, or the Party's name that stands in its place on Party documents. */
const MOTTO = /^CỘNG H[ÒO]A|^Độc lập\s*[-–]\s*Tự do|^ĐẢNG CỘNG SẢN VIỆT NAM$/u;
const BARE_BODY = /^(?:[ỦU][ỶY] BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND|ĐẢNG [ỦU][ỶY]|BAN CHẤP HÀNH|BAN THƯỜNG VỤ)$/u;
const TITLE_STOP = /^(?:Căn cứ|Thực hiện|Theo|Xét|Để|[IVX]{1,4}[.)]\s)/u;
const AUTHORITY = /^(?:PHÓ\s+)?CHỦ TỊCH\s+(.+)$/u;

/** Read the header block (paragraphs [from, typeAt)) and the subject after the document-type line. */
export function parseHeader(ctx: Ctx, paras: Para[], from: number, typeAt: number, prefix: string): Header {
  const h = emptyHeader(typeAt + 1);
  readBlock(ctx, paras, from, typeAt, h, prefix);
  readTitle(ctx, paras, typeAt, h, prefix);
  return h;
}

/** A header with nothing found; the body starts at `bodyFrom`. */
export function emptyHeader(bodyFrom: number): Header {
  return {
    issuer: { name: null, parent: null },
    number: null,
    numberBlank: false,
    date: null,
    partialDate: null,
    place: null,
    title: null,
    titleFound: null,
    bodyFrom,
  };
}

/** Issuer, number, place and date from the header paragraphs [from, to). */
function readBlock(ctx: Ctx, paras: Para[], from: number, to: number, h: Header, prefix: string): void {
  const orgs: Found<string>[] = [];
  for (let i = from; i < to; i++) {
    for (const p of headerCells(paras[i]!)) {
      if (readNumber(ctx, p, h, prefix) || readPlaceDate(ctx, p, h, prefix) || MOTTO.test(p.text)) continue;
      if (isAllCaps(p.text) && p.text.length <= 80) orgs.push(inPara(p, p.text, 0, p.text.length));
    }
  }
  setIssuer(ctx, mergeBareBodies(orgs), h, prefix);
}

/** Where a cell run into the next one starts: the motto after the issuer, the place and date after the number, a number after the date. */
const CELL_BREAK = /\s(?=CỘNG H[ÒO]A XÃ HỘI|Độc lập\s*[-–]\s*Tự do|ĐẢNG CỘNG SẢN VIỆT NAM|Số\s*:)/u;

/**
 * The cells of one header paragraph. A header laid out as a two-column table comes out of a web page
 * or a Word copy as one line per row ("ỦY BAN NHÂN DÂN XÃ A CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
 * "Số: 15/KH-UBND Thanh Hoá, ngày 3 tháng 4 năm 2025"); each cell is read on its own.
 */
export function headerCells(p: Para): Para[] {
  if (p.text.length > 200) return [p];
  const out: Para[] = [];
  let rest = p;
  for (let k = 0; k < 4; k++) {
    // After "Số: 15/KH-UBND" (the number is one token) comes the next cell.
    const n = NUMBER.exec(rest.text);
    const after = n && n[1] ? /^\s+(?=\S)/u.exec(rest.text.slice(n[0].length)) : null;
    const m = n ? null : CELL_BREAK.exec(rest.text);
    const cut = n ? (after ? n[0].length + after[0].length : -1) : m ? m.index + 1 : -1;
    if (cut <= 0 || cut >= rest.text.length) break;
    out.push({ text: rest.text.slice(0, cut).trimEnd(), start: rest.start });
    rest = { text: rest.text.slice(cut), start: rest.start + cut };
  }
  out.push(rest);
  return out;
}

/** True for a paragraph of the header block: number, place and date, motto, or an organisation in capitals. */
function isBlockLine(p: Para): boolean {
  return headerCells(p).some((c) => NUMBER.test(c.text) || PLACE_DATE.test(c.text) || MOTTO.test(c.text));
}

/**
 * The header of a document without a type line ("KẾ HOẠCH"): a Party plan, or a plan pasted from a
 * higher level, opens with issuer, motto, number, place and date, then its title as the first line.
 * Reads the block that ends with the last number, date or motto line among the first paragraphs.
 */
export function parseHeaderless(ctx: Ctx, paras: Para[], from: number, to: number, prefix: string): Header {
  let last = -1;
  const limit = Math.min(to, from + 12);
  for (let i = from; i < limit; i++) {
    const t = paras[i]!.text;
    if (TITLE_STOP.test(t) || t.length > 200) break;
    if (isBlockLine(paras[i]!)) last = i;
    else if (!isAllCaps(t)) break;
  }
  if (last < 0) return emptyHeader(from);
  const h = emptyHeader(last + 1);
  readBlock(ctx, paras, from, last + 1, h, prefix);
  const title = paras[last + 1];
  if (title && last + 1 < to && !TITLE_STOP.test(title.text) && !AUTHORITY.test(title.text) && !/^Nơi nhận/iu.test(title.text) && title.text.length <= 400) {
    h.title = title.text;
    h.titleFound = inPara(title, title.text, 0, title.text.length);
    record(ctx, `${prefix}.title`, h.titleFound, 0.8);
    h.bodyFrom = last + 2;
  }
  return h;
}

function readNumber(ctx: Ctx, p: Para, h: Header, prefix: string): boolean {
  const m = NUMBER.exec(p.text);
  if (!m) return false;
  const value = m[1]!.slice(
    0,
    runStart(m[1]!, m[1]!.length, 0, (c) => c === '.' || c === ',' || c === ';'),
  );
  if (/^\d+[/-]/u.test(value)) {
    h.number = value;
    record(ctx, `${prefix}.number`, inPara(p, value, m[0].length - m[1]!.length, m[0].length - m[1]!.length + value.length), 0.95);
  } else h.numberBlank = true;
  return true;
}

function readPlaceDate(ctx: Ctx, p: Para, h: Header, prefix: string): boolean {
  const m = PLACE_DATE.exec(p.text);
  if (!m) return false;
  const d = readDate(m[2]!);
  if (!d) return false;
  h.place = m[1]!.trim();
  record(ctx, `${prefix}.place`, inPara(p, h.place, 0, h.place.length), 0.9);
  const at = m[0].length - m[2]!.length;
  h.date = isoOf(d);
  if (h.date) record(ctx, `${prefix}.date`, inPara(p, h.date, at, at + d.length), 0.95);
  else h.partialDate = { month: d.month, year: d.year };
  return true;
}

/** Join "ỦY BAN NHÂN DÂN" / "PHƯỜNG X" written on two lines into one name. */
function mergeBareBodies(orgs: Found<string>[]): Found<string>[] {
  const out: Found<string>[] = [];
  for (const o of orgs) {
    const prev = out[out.length - 1];
    if (prev && BARE_BODY.test(prev.value)) out[out.length - 1] = { value: `${prev.value} ${o.value}`, start: prev.start, end: o.end };
    else out.push(o);
  }
  return out;
}

function setIssuer(ctx: Ctx, orgs: Found<string>[], h: Header, prefix: string): void {
  const issuer = orgs[orgs.length - 1];
  const parent = orgs.length >= 2 ? orgs[orgs.length - 2] : undefined;
  if (issuer) {
    h.issuer.name = orgCase(issuer.value);
    record(ctx, `${prefix}.issuer.name`, issuer, 0.9);
  }
  if (parent) {
    h.issuer.parent = orgCase(parent.value);
    record(ctx, `${prefix}.issuer.parent`, parent, 0.85);
  }
}

/** The subject: the rest of the type line, or the paragraphs after it up to the legal bases. */
function readTitle(ctx: Ctx, paras: Para[], typeAt: number, h: Header, prefix: string): void {
  const typePara = paras[typeAt];
  if (!typePara) return;
  const rest = /^(?:KẾ HOẠCH|QUYẾT ĐỊNH|Kế hoạch)\s+(\S.*)$/u.exec(typePara.text);
  if (rest) {
    const at = typePara.text.length - rest[1]!.length;
    h.title = rest[1]!;
    h.titleFound = inPara(typePara, h.title, at, typePara.text.length);
    record(ctx, `${prefix}.title`, h.titleFound, 0.9);
    return;
  }
  const next = paras[typeAt + 1];
  if (!next || TITLE_STOP.test(next.text) || AUTHORITY.test(next.text) || next.text.length > 400) return;
  h.title = next.text;
  h.titleFound = inPara(next, next.text, 0, next.text.length);
  record(ctx, `${prefix}.title`, h.titleFound, 0.9);
  h.bodyFrom = typeAt + 2;
}

/** The quoted movement names in a title: “Cả nước thi đua ...”, “Bình dân học vụ số”. */
export function movementsOf(ctx: Ctx, title: Found<string> | null, prefix: string): string[] {
  if (!title) return [];
  const out: string[] = [];
  const re = /[“"]([^”"]{3,200})[”"]/gu;
  for (let m = re.exec(title.value); m; m = re.exec(title.value)) {
    const value = m[1]!.trim();
    if (out.includes(value)) continue;
    record(ctx, `${prefix}.movements.${out.length}`, { start: title.start + m.index + 1, end: title.start + m.index + 1 + m[1]!.length }, 0.85);
    out.push(value);
  }
  return out;
}

/** Fallback issuer: "<body> ban hành / xây dựng Kế hoạch" in the preamble. */
export function issuerFromPreamble(ctx: Ctx, paras: Para[], from: number, to: number, prefix: string): string | null {
  const re =
    /((?:[ỦU][ỷỶy] ban nhân dân|UBND|Đảng ủy|Ban Chỉ đạo|Hội đồng nhân dân)\s+(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố)(?:\s+[\p{Lu}\d][\p{L}\d-]*){1,5})\s+(?:ban hành|xây dựng)\s+(?:Kế hoạch|kế hoạch)/u;
  for (let i = from; i < to; i++) {
    const p = paras[i]!;
    const m = re.exec(p.text);
    if (!m) continue;
    record(ctx, `${prefix}.issuer.name`, inPara(p, m[1]!, m.index, m.index + m[1]!.length), 0.7);
    return expandAbbreviations(m[1]!);
  }
  return null;
}

/** Issuer from a decision's authority line: "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG X" → "Ủy ban nhân dân phường X". */
export function issuerFromAuthority(ctx: Ctx, paras: Para[], from: number, to: number, prefix: string | null): { index: number; name: string } | null {
  for (let i = from; i < to; i++) {
    const p = paras[i]!;
    const m = AUTHORITY.exec(p.text);
    if (!m || !isAllCaps(p.text)) continue;
    if (prefix) record(ctx, `${prefix}.issuer.name`, inPara(p, m[1]!, p.text.length - m[1]!.length, p.text.length), 0.8);
    return { index: i, name: orgCase(m[1]!) };
  }
  return null;
}

/** Warnings for a number or date that is missing or left blank. */
export function warnBlanks(ctx: Ctx, h: Header, prefix: string): void {
  if (!h.number) {
    const msg = h.numberBlank ? 'Số văn bản để trống (ví dụ "Số: /KH-UBND"); cần bổ sung số khi ban hành.' : 'Không tìm thấy số, ký hiệu văn bản.';
    warn(ctx, 'NUMBER_MISSING', msg, `${prefix}.number`);
  }
  if (!h.date) {
    const msg = h.partialDate ? 'Ngày ban hành để trống (chỉ có tháng/năm); cần bổ sung ngày.' : 'Không tìm thấy ngày ban hành văn bản.';
    warn(ctx, 'DATE_MISSING', msg, `${prefix}.date`);
  }
}

const ORG_OF =
  /(?:của|do)\s+((?:Ban Thường vụ\s+)?(?:[ỦU][ỷỶy] ban nhân dân|UBND|Đảng (?:ủy|uỷ)|Hội đồng nhân dân|HĐND)\s+(?:xã|phường|thị trấn|đặc khu|tỉnh|thành phố)(?:\s+[\p{Lu}\d][\p{L}\d-]*){1,5})/u;
const LEVEL_WORDS = '(xã|phường|thị trấn|đặc khu)';
const GENERIC_LEVEL = new RegExp(`(?:UBND|[ỦU][ỷỶy] ban nhân dân)\\s+${LEVEL_WORDS}(?![\\p{L}])`, 'u');
/** The body a number's symbol names: "15/KH-UBND" → Ủy ban nhân dân; "05-KH/ĐU" → Đảng ủy. */
const SYMBOL_BODY: [RegExp, string][] = [
  [/[-/]UBND$/u, 'Ủy ban nhân dân'],
  [/[-/]ĐU$/u, 'Đảng ủy'],
];

/**
 * When the header names no issuer: the body named in the title ("... của Ủy ban nhân dân xã X"),
 * else the place joined to the body the number's symbol names and the level the text uses
 * ("Đông Tây" + "15/KH-UBND" + "xã Đông Tây" → "Ủy ban nhân dân xã Đông Tây"). Either way with a warning.
 */
export function inferIssuer(ctx: Ctx, paras: Para[], h: Header, range: { from: number; to: number }, prefix: string): void {
  if (h.issuer.name) return;
  const t = h.titleFound;
  const m = t ? ORG_OF.exec(t.value) : null;
  if (t && m) {
    const at = m.index + m[0].length - m[1]!.length;
    h.issuer.name = expandAbbreviations(m[1]!);
    record(ctx, `${prefix}.issuer.name`, { start: t.start + at, end: t.start + at + m[1]!.length }, 0.6);
    warn(
      ctx,
      'ISSUER_INFERRED',
      `Không thấy tên cơ quan ban hành ở đầu văn bản; đã suy ra "${h.issuer.name}" từ tiêu đề. Cần kiểm tra lại.`,
      `${prefix}.issuer.name`,
    );
    return;
  }
  if (!h.place) return;
  const body = h.number ? SYMBOL_BODY.find(([re]) => re.test(h.number!))?.[1] : 'Ủy ban nhân dân';
  if (!body) return;
  const named = new RegExp(`(?<![\\p{L}])${LEVEL_WORDS}\\s+${h.place.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'iu');
  let level: string | null = null;
  for (let i = range.from; i < range.to && !level; i++) level = named.exec(paras[i]!.text)?.[1]?.toLocaleLowerCase('vi') ?? null;
  for (let i = range.from; i < range.to && !level && body === 'Ủy ban nhân dân'; i++) level = GENERIC_LEVEL.exec(paras[i]!.text)?.[1] ?? null;
  if (!level) return;
  h.issuer.name = `${body} ${level} ${h.place}`;
  const s = ctx.sources[`${prefix}.place`];
  if (s) ctx.sources[`${prefix}.issuer.name`] = { ...s, confidence: 0.5 };
  warn(
    ctx,
    'ISSUER_INFERRED',
    `Không thấy tên cơ quan ban hành ở đầu văn bản; đã suy ra "${h.issuer.name}" từ địa danh "${h.place}" và số, ký hiệu văn bản. Cần kiểm tra lại.`,
    `${prefix}.issuer.name`,
  );
}
