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
  const h: Header = {
    issuer: { name: null, parent: null },
    number: null,
    numberBlank: false,
    date: null,
    partialDate: null,
    place: null,
    title: null,
    titleFound: null,
    bodyFrom: typeAt + 1,
  };
  const orgs: Found<string>[] = [];
  for (let i = from; i < typeAt; i++) {
    const p = paras[i]!;
    if (readNumber(ctx, p, h, prefix) || readPlaceDate(ctx, p, h, prefix) || MOTTO.test(p.text)) continue;
    if (isAllCaps(p.text) && p.text.length <= 80) orgs.push(inPara(p, p.text, 0, p.text.length));
  }
  setIssuer(ctx, mergeBareBodies(orgs), h, prefix);
  readTitle(ctx, paras, typeAt, h, prefix);
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
