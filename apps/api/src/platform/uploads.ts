import type { FastifyRequest } from 'fastify';
import { errorMessagesVi } from '@tds/contracts';
import type { Config } from '../config/env';
import { AppError } from './errors';
import { WorkerJobError } from './worker-pool';
import { inspectZip, zipLimitVi, type ZipLimits } from './zip-check';

/** One uploaded file, read whole. */
export interface Upload {
  filename: string;
  mimetype: string;
  buffer: Buffer;
}

const FIELD = 'file';
const detail = (message: string) => [{ field: FIELD, message }];

/** 413 for a file past the upload limit; nothing of it is kept. */
export function uploadTooLarge(maxBytes: number): AppError {
  const message = `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB).`;
  return new AppError('PAYLOAD_TOO_LARGE', message, detail(message));
}

/** 400 for a multipart body that cannot be read (no boundary, cut off, malformed headers). */
function malformed(): AppError {
  const message = 'Dữ liệu tải lên không đọc được (nội dung multipart thiếu ranh giới hoặc bị cắt ngang). Vui lòng chọn và gửi lại tệp.';
  return new AppError('VALIDATION_FAILED', message, detail(message));
}

/** Errors of the multipart reader: its limits (413) by their code; anything else it throws means the body is malformed. */
function multipartError(err: unknown, maxBytes: number): AppError {
  if (err instanceof AppError) return err;
  const e = err as { code?: unknown; statusCode?: unknown };
  if (e.code === 'FST_REQ_FILE_TOO_LARGE') return uploadTooLarge(maxBytes);
  if (typeof e.code === 'string' && e.code.startsWith('FST_') && e.statusCode === 413) {
    const message = 'Chỉ gửi một tệp trong trường "file".';
    return new AppError('PAYLOAD_TOO_LARGE', message, detail(message));
  }
  return malformed();
}

/**
 * The one file of a multipart request, from the field `file`: 415 when the request is not
 * multipart, 413 when the file passes `maxBytes` (the multipart reader stops there and, when the
 * cut falls on a chunk boundary, ends the stream without an error: `truncated` is checked here),
 * 400 naming the field when it is missing or the body is malformed.
 */
export async function readUpload(req: FastifyRequest, opts: { maxBytes: number; missing: string }): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', 'Gửi tệp dạng multipart/form-data (trường "file").', detail(opts.missing));
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await req.file();
  } catch (err) {
    throw multipartError(err, opts.maxBytes);
  }
  if (!part || part.fieldname !== FIELD) {
    throw new AppError('VALIDATION_FAILED', `Thiếu tệp (trường "${FIELD}").`, detail(opts.missing));
  }
  let buffer: Buffer;
  try {
    buffer = await part.toBuffer();
  } catch (err) {
    throw multipartError(err, opts.maxBytes);
  }
  if (part.file.truncated || buffer.length > opts.maxBytes) throw uploadTooLarge(opts.maxBytes);
  return { filename: part.filename, mimetype: part.mimetype, buffer };
}

/** The archive limits of the configuration. */
export function zipLimits(config: Pick<Config, 'ZIP_MAX_INFLATED_MB' | 'ZIP_MAX_RATIO' | 'ZIP_MAX_ENTRIES'>): ZipLimits {
  return { maxInflatedBytes: config.ZIP_MAX_INFLATED_MB * 1024 * 1024, maxRatio: config.ZIP_MAX_RATIO, maxEntries: config.ZIP_MAX_ENTRIES };
}

/** 413 FILE_TOO_COMPLEX for the field. */
export function tooComplex(why: string): AppError {
  const message = `Tệp quá phức tạp để đọc: ${why}. Vui lòng lưu lại thành tệp đơn giản hơn hoặc dán nội dung dạng văn bản.`;
  return new AppError('FILE_TOO_COMPLEX', message, detail(message));
}

/**
 * For bytes that are a ZIP archive (.docx, .xlsx): refuse at once, from the central directory alone,
 * an archive past the limits (413 FILE_TOO_COMPLEX). Other bytes, and damaged archives, are left to
 * the reader (which says what is wrong with them).
 */
export function refuseZipBomb(buffer: Uint8Array, limits: ZipLimits): void {
  if (buffer[0] !== 0x50 || buffer[1] !== 0x4b || buffer[2] !== 0x03 || buffer[3] !== 0x04) return;
  const found = inspectZip(buffer, limits);
  if ('kind' in found && found.kind === 'limit') throw tooComplex(zipLimitVi(found, limits));
}

/** The coded error for a worker job that gave no result (the document is at fault unless the server is busy or stopping). */
export function workerFailure(err: unknown): unknown {
  if (!(err instanceof WorkerJobError)) return err;
  switch (err.reason) {
    case 'timeout':
      return tooComplex('đọc tệp mất quá nhiều thời gian');
    case 'memory':
      return tooComplex('đọc tệp cần quá nhiều bộ nhớ');
    case 'busy':
      return new AppError('TOO_MANY_REQUESTS', 'Máy chủ đang đọc nhiều tệp cùng lúc. Vui lòng thử lại sau ít phút.');
    case 'closed':
      return new AppError('NOT_READY', 'Máy chủ đang dừng. Vui lòng thử lại sau.');
    default: {
      const message = 'Tệp bị hỏng hoặc không đọc được.';
      return new AppError('FILE_UNREADABLE', message, detail(message));
    }
  }
}

/** What a worker's reader of a spreadsheet answers: its rows, or why it could not read them. */
export type SheetReadOutput<Row> =
  | { ok: true; workbook: { rows: Row[]; missingHeaders: string[]; tooManyRows?: number | null } }
  | { ok: false; problem: 'unreadable' }
  | { ok: false; problem: 'too-complex'; why: string };

function notXlsx(message = 'Tệp không phải tệp Excel (.xlsx). Hãy tải tệp mẫu, điền dữ liệu và lưu dưới dạng .xlsx.') {
  return new AppError('UNSUPPORTED_FILE_TYPE', message, [{ field: 'file', message }]);
}

/**
 * The data rows of an uploaded .xlsx, read by `read` off the event loop, or the 4xx that says why
 * there are none: an empty file, an .xls, not a ZIP, past the archive limits, unreadable, missing
 * columns, more than `maxRows` rows, no rows.
 */
export async function readSheetUpload<Row>(
  buffer: Buffer,
  zip: ZipLimits,
  maxRows: number,
  read: (bytes: Uint8Array) => Promise<SheetReadOutput<Row>>,
): Promise<Row[]> {
  if (buffer.length === 0) throw new AppError('IMPORT_EMPTY', 'Tệp rỗng, không có dữ liệu.', [{ field: 'file', message: 'Tệp rỗng.' }]);
  if (buffer.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')))
    throw notXlsx('Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx.');
  if (!buffer.subarray(0, 4).equals(Buffer.from('504b0304', 'hex'))) throw notXlsx();
  refuseZipBomb(buffer, zip);
  const out = await read(new Uint8Array(buffer)).catch((err: unknown) => {
    throw workerFailure(err);
  });
  if (!out.ok) throw out.problem === 'too-complex' ? tooComplex(out.why) : notXlsx();
  const parsed = out.workbook;
  if (parsed.missingHeaders.length) {
    const message = `Dòng 1 của trang tính thiếu cột: ${parsed.missingHeaders.join(', ')}. Hãy dùng tệp mẫu.`;
    throw new AppError(
      'VALIDATION_FAILED',
      message,
      parsed.missingHeaders.map((h) => ({ row: 1, field: h, message: `Thiếu cột "${h}".` })),
    );
  }
  if (parsed.tooManyRows) {
    const message = `Tệp có ${parsed.tooManyRows} dòng dữ liệu, vượt quá ${maxRows} dòng mỗi lần nhập. Hãy chia thành nhiều tệp nhỏ hơn.`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'file', message }]);
  }
  if (parsed.rows.length === 0) throw new AppError('IMPORT_EMPTY', undefined, [{ field: 'file', message: errorMessagesVi.IMPORT_EMPTY }]);
  return parsed.rows;
}
