/**
 * The neutral model of an administrative document (Decree 30/2020/NĐ-CP). Every document type
 * (plan, decision, proposal, minutes, report) is mapped to this model; the .docx and HTML
 * renderers read only this model, so they lay out every type the same way.
 */

/** A piece of text with its own emphasis, inside a paragraph. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Plain text, or spans with their own emphasis. */
export type RichText = string | readonly Span[];

/** One block of the body, in reading order. */
export type Block =
  /** A numbered heading: level 1 "I. MỤC ĐÍCH", level 2 "1. Mục đích", level 3 "a) Đối với ...". */
  | { kind: 'heading'; level: 1 | 2 | 3; label?: string; text: string }
  /** A justified paragraph with a first-line indent; italic for the legal bases (căn cứ). */
  | { kind: 'paragraph'; text: RichText; italic?: boolean }
  /** A list item "- text" (level 1) or "+ text" (level 2). */
  | { kind: 'item'; level: 1 | 2; text: RichText; marker?: string }
  /** A centred line, e.g. "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ ..." or "QUYẾT ĐỊNH:". */
  | { kind: 'center'; text: string; bold?: boolean };

/** The top-left and top-right blocks of the first page. */
export interface DocumentHeader {
  /** The parent body ("UBND THÀNH PHỐ HẢI PHÒNG"), or null when the issuer has none. */
  parent: string | null;
  /** The issuer; "\n" breaks it into lines ("ỦY BAN NHÂN DÂN\nXÃ GIA PHÚC"). Printed in capitals. */
  issuer: string;
  /** The number ("27"), or null when not yet given. */
  number: string | null;
  /** The symbol after the slash ("KH-UBND"). */
  symbol: string;
  /** The place name of the date line ("Gia Phúc"). */
  place: string;
  /** The date as YYYY-MM-DD, YYYY-MM (day not yet given) or YYYY; null when unknown. */
  date: string | null;
}

/** Who signs, printed in the signature block. */
export interface DocumentSigner {
  /** The capacity line above the title ("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"), or null. */
  capacity: string | null;
  /** The signer's title ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"), or null. */
  title: string | null;
  /** The signer's full name, or null when not yet known. */
  name: string | null;
}

/** A whole administrative document, ready to render. */
export interface AdminDocument {
  header: DocumentHeader;
  /** The document type in capitals ("KẾ HOẠCH", "QUYẾT ĐỊNH"). */
  type: string;
  /** The subject (trích yếu) under the type, or null. */
  subject: string | null;
  /** An italic note under the subject, e.g. "(Kèm theo Quyết định số ...)". */
  subjectNote?: string;
  body: Block[];
  /** The recipients, without the leading "- " and the trailing ";" (added when printed). */
  recipients: string[];
  /** The signer, or null for a document signed elsewhere (a plan attached to a decision). */
  signer: DocumentSigner | null;
  /** A draft leaves the number and the day blank for the records clerk. */
  draft?: boolean;
}

const BLANK = '      ';

/** Upper case in Vietnamese ("Ủy ban" -> "ỦY BAN"). */
export function upperVi(text: string): string {
  return text.normalize('NFC').toLocaleUpperCase('vi-VN');
}

/** The line under the issuer: "Số: 27/KH-UBND", or "Số:      /KH-UBND" in a draft or with no number. */
export function numberLine(header: DocumentHeader, draft = false): string {
  const number = draft || !header.number ? BLANK : header.number;
  return `Số: ${number}/${header.symbol}`;
}

/** Pads as Decree 30 asks: days below 10 and months below 3 take a leading zero. */
function pad(value: number, min: number): string {
  return value < min ? `0${value}` : String(value);
}

/** The italic date line: "Gia Phúc, ngày 21 tháng 8 năm 2025"; a draft leaves the day blank. */
export function dateLine(header: DocumentHeader, draft = false): string {
  const [year, month, day] = (header.date ?? '').split('-').map(Number);
  const d = draft || !day ? BLANK : pad(day, 10);
  const m = month ? pad(month, 3) : BLANK;
  const y = year ? String(year) : BLANK;
  return `${header.place}, ngày ${d} tháng ${m} năm ${y}`;
}

/** The recipient lines as printed: "- X;" and the last one "- X." */
export function recipientLines(recipients: readonly string[]): string[] {
  return recipients.map((raw, i) => {
    const text = raw
      .trim()
      .replace(/^[-+•]\s*/, '')
      .replace(/[;.,]+$/, '');
    return `- ${text}${i === recipients.length - 1 ? '.' : ';'}`;
  });
}

/** The spans of a rich text, a plain string being one span. */
export function spansOf(text: RichText): readonly Span[] {
  return typeof text === 'string' ? [{ text }] : text;
}
