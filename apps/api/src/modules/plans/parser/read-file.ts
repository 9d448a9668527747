import mammoth from 'mammoth';
import { DEFAULT_ZIP_LIMITS, inspectZip, verifyZip, zipLimitVi, type ZipLimits } from '../../../platform/zip-check';
import { pdfText } from './pdf-text.js';

/** Why a file could not be read; `message` is Vietnamese, for the user. */
export interface ExtractError {
  error: 'EMPTY' | 'TOO_LARGE' | 'TOO_LONG' | 'TOO_COMPLEX' | 'UNSUPPORTED' | 'MISMATCH' | 'NO_TEXT_LAYER' | 'UNREADABLE';
  message: string;
}

type Kind = 'text' | 'docx' | 'pdf' | 'doc' | 'unknown';

const ASK = 'Vui lòng lưu lại thành tệp .docx hoặc dán nội dung dạng văn bản.';
const KIND_NAMES: Record<Kind, string> = { text: 'văn bản thuần', docx: 'Word (.docx)', pdf: 'PDF', doc: 'Word cũ (.doc)', unknown: 'không xác định' };

/** Default upper bound on the size of an uploaded plan file (bytes). */
export const MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024;
/** Most characters of plan text read from a file or pasted (a real plan has 10,000-30,000). */
export const MAX_PLAN_TEXT_CHARS = 500_000;
const TOO_LONG = `Nội dung văn bản quá dài (tối đa ${MAX_PLAN_TEXT_CHARS.toLocaleString('vi-VN')} ký tự). Vui lòng tách thành tệp nhỏ hơn.`;

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** What the bytes are, by their magic number. */
function sniff(buf: Uint8Array): Kind {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return 'docx';
  if (startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(buf, [0xff, 0xfe]) || startsWith(buf, [0xfe, 0xff])) return 'text';
  return decodeUtf8(buf) !== null ? 'text' : 'unknown';
}

/** What the name (or, failing that, the MIME type) says the file is. */
function declared(filename: string, mimetype: string | undefined): Kind {
  const ext = /\.([a-z0-9]+)$/iu.exec(filename)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'md' || ext === 'markdown' || ext === 'text') return 'text';
  if (ext === 'docx' || ext === 'pdf' || ext === 'doc') return ext;
  if (ext) return 'unknown';
  if (mimetype?.startsWith('text/')) return 'text';
  if (mimetype === 'application/pdf') return 'pdf';
  if (mimetype === 'application/msword') return 'doc';
  if (mimetype?.includes('wordprocessingml')) return 'docx';
  return 'unknown';
}

function decodeUtf8(buf: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return text.includes('\u0000') ? null : text;
  } catch {
    return null;
  }
}

/** Text of a plain-text file: UTF-8 (with or without BOM) or UTF-16 with a BOM. */
function plainText(buf: Uint8Array): string | null {
  if (startsWith(buf, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (startsWith(buf, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const text = decodeUtf8(buf);
  return text === null ? null : text.replace(/^\uFEFF/u, '');
}

const fail = (error: ExtractError['error'], message: string): ExtractError => ({ error, message });

/**
 * Read the text of an uploaded plan: .txt/.md, .docx, or a PDF with a text layer. A .docx is
 * checked against `zip` (entry count, inflated size, ratio, each entry inflated with a cap) before
 * it is inflated; a text longer than MAX_PLAN_TEXT_CHARS is refused.
 */
export async function extractText(
  buffer: Uint8Array,
  filename: string,
  mimetype?: string,
  maxBytes = MAX_PLAN_FILE_BYTES,
  zip: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<{ text: string } | ExtractError> {
  if (buffer.length === 0) return fail('EMPTY', 'Tệp rỗng, không có nội dung.');
  if (buffer.length > maxBytes) return fail('TOO_LARGE', `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB).`);
  const want = declared(filename, mimetype);
  const got = sniff(buffer);
  if (want === 'doc' || got === 'doc') return fail('UNSUPPORTED', `Không đọc được tệp Word cũ (.doc). ${ASK}`);
  if (want === 'unknown') return fail('UNSUPPORTED', `Định dạng tệp không được hỗ trợ. Chấp nhận .docx, .pdf (có lớp văn bản), .txt hoặc .md. ${ASK}`);
  if (want !== got) return fail('MISMATCH', `Tệp có tên "${filename}" (${KIND_NAMES[want]}) nhưng nội dung là ${KIND_NAMES[got]}. Vui lòng kiểm tra lại tệp.`);
  if (want === 'docx') {
    const archive = inspectZip(buffer, zip);
    const problem = 'kind' in archive ? archive : verifyZip(buffer, archive.entries);
    if (problem?.kind === 'limit') return fail('TOO_COMPLEX', `Tệp Word quá phức tạp để đọc: ${zipLimitVi(problem, zip)}. ${ASK}`);
    if (problem) return fail('UNREADABLE', `Tệp bị hỏng hoặc không đọc được. ${ASK}`);
  }
  try {
    const text = await readAs(want, buffer);
    if (text === null) return fail('UNREADABLE', 'Không đọc được nội dung tệp (mã hóa ký tự không hợp lệ).');
    if (text.length > MAX_PLAN_TEXT_CHARS) return fail('TOO_LONG', TOO_LONG);
    if (!/\p{L}{2}/u.test(text)) {
      return want === 'pdf'
        ? fail('NO_TEXT_LAYER', `Tệp PDF không có lớp văn bản (có thể là bản scan). ${ASK}`)
        : fail('EMPTY', 'Tệp không có nội dung văn bản.');
    }
    return { text };
  } catch {
    return fail('UNREADABLE', `Tệp bị hỏng hoặc không đọc được. ${ASK}`);
  }
}

async function readAs(kind: Kind, buffer: Uint8Array): Promise<string | null> {
  if (kind === 'text') return plainText(buffer);
  // A PDF stops being read once its text passes the limit (the caller then refuses it).
  if (kind === 'pdf') return pdfText(new Uint8Array(buffer), MAX_PLAN_TEXT_CHARS);
  const result = await mammoth.extractRawText({ buffer: Buffer.from(buffer) });
  return result.value.replace(/\n{3,}/gu, '\n\n');
}
