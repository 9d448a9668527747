import { inspectionFileExtensions } from '@tds/contracts';
import { AppError } from '../../platform/errors';

type Ext = (typeof inspectionFileExtensions)[number];

const MIME: Record<Ext, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Magic numbers: what the first bytes of each kind must be. */
const MAGIC: Record<Ext, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46],
  docx: ZIP,
  odt: ZIP,
  xlsx: ZIP,
  doc: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  jpg: [0xff, 0xd8, 0xff],
  jpeg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};
/** An Office Open XML file names its parts; a bare ZIP renamed to .docx does not. */
const OOXML_PART: Partial<Record<Ext, string>> = { docx: 'word/', xlsx: 'xl/' };

/** Evidence files: at most this size whatever the server's upload limit. */
export const INSPECTION_FILE_MAX_BYTES = 10 * 1024 * 1024;

const refuse = (message: string, detail = message) => new AppError('UNSUPPORTED_FILE_TYPE', message, [{ field: 'file', message: detail }]);

/** The kind and type of an acceptable evidence file, or a clear 4xx naming the field. */
export function checkEvidenceFile(file: { filename: string; buffer: Buffer }, maxBytes: number): { ext: Ext; mime: string } {
  const ext = /\.([a-z0-9]+)$/iu.exec(file.filename)?.[1]?.toLowerCase() as Ext | undefined;
  if (!ext || !inspectionFileExtensions.includes(ext))
    throw refuse('Tệp minh chứng phải là .pdf, .docx, .doc, .odt, .xlsx, .jpg hoặc .png.', `Không nhận tệp "${file.filename}".`);
  if (file.buffer.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp minh chứng rỗng, không có nội dung.', [{ field: 'file', message: 'Tệp rỗng.' }]);
  const limit = Math.min(maxBytes, INSPECTION_FILE_MAX_BYTES);
  if (file.buffer.length > limit) {
    const message = `Tệp minh chứng quá lớn (tối đa ${Math.round(limit / 1024 / 1024)} MB).`;
    throw new AppError('PAYLOAD_TOO_LARGE', message, [{ field: 'file', message }]);
  }
  const part = OOXML_PART[ext];
  if (!MAGIC[ext].every((b, i) => file.buffer[i] === b) || (part && !file.buffer.includes(Buffer.from(part))))
    throw refuse(`Tệp "${file.filename}" không phải tệp .${ext} hợp lệ. Vui lòng kiểm tra lại tệp.`, 'Nội dung không khớp với đuôi tệp.');
  return { ext, mime: MIME[ext] };
}
