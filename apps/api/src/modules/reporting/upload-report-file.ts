import { cleanText, unitPlanFileExtensions, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { storeFile } from '../files';
import { mapDetail } from './report-mapper';
import { takeReportStep } from './report-step';

type Ext = (typeof unitPlanFileExtensions)[number];

const MIME: Record<Ext, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
  odt: 'application/vnd.oasis.opendocument.text',
};
/** Magic numbers: PDF; zip (docx, odt); OLE compound file (doc). */
const MAGIC: Record<Ext, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46],
  docx: [0x50, 0x4b, 0x03, 0x04],
  odt: [0x50, 0x4b, 0x03, 0x04],
  doc: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

export interface UploadedFile {
  filename: string;
  buffer: Buffer;
}

/** The extension of an acceptable plan file, or a clear 4xx. */
export function checkPlanFile(file: UploadedFile, maxBytes: number): Ext {
  const ext = /\.([a-z0-9]+)$/iu.exec(file.filename)?.[1]?.toLowerCase() as Ext | undefined;
  if (!ext || !unitPlanFileExtensions.includes(ext)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', 'Tệp kế hoạch phải là .pdf, .docx, .doc hoặc .odt.', [
      { field: 'file', message: `Không nhận tệp "${file.filename}".` },
    ]);
  }
  if (file.buffer.length === 0) throw new AppError('VALIDATION_FAILED', 'Tệp rỗng, không có nội dung.', [{ field: 'file', message: 'Tệp rỗng.' }]);
  if (file.buffer.length > maxBytes)
    throw new AppError('PAYLOAD_TOO_LARGE', `Tệp quá lớn (tối đa ${Math.round(maxBytes / 1024 / 1024)} MB).`, [{ field: 'file', message: 'Tệp quá lớn.' }]);
  if (!MAGIC[ext].every((b, i) => file.buffer[i] === b)) {
    throw new AppError('UNSUPPORTED_FILE_TYPE', `Tệp "${file.filename}" không phải tệp .${ext} hợp lệ. Vui lòng kiểm tra lại tệp.`, [
      { field: 'file', message: 'Nội dung không khớp với đuôi tệp.' },
    ]);
  }
  return ext;
}

/**
 * Attach a unit plan's file (pdf, docx, doc, odt): kept in stored_file (purpose `unit_plan`); the
 * report moves to its next version so the earlier file stays in the history.
 */
export async function uploadReportFile(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  file: UploadedFile;
  maxBytes: number;
  version?: number;
  now?: Date;
}) {
  const { db, actor, communeId, file } = opts;
  assertVisible(actor, communeId);
  const ext = checkPlanFile(file, opts.maxBytes);
  return inScope(db, actor.scope, async (tx) => {
    const name = cleanText(file.filename).slice(0, 200) || `ke-hoach.${ext}`;
    const { row } = await takeReportStep(tx, actor, opts.meta, {
      now: opts.now ?? clockNow(),
      communeId,
      id: opts.id,
      transition: 'file',
      version: 0,
      check: (cur) => (cur.kind !== 'unit_plan' ? [{ field: 'file', message: 'Chỉ kế hoạch của đơn vị mới đính kèm tệp.' }] : []),
      set: async () => ({
        fileId: await storeFile(tx, {
          communeId,
          name,
          fallbackName: `ke-hoach.${ext}`,
          mime: MIME[ext],
          content: file.buffer,
          purpose: 'unit_plan',
          createdBy: actor.userId,
        }),
      }),
      summary: (_cur, _row, label) => `Tải lên tệp kế hoạch "${name}": ${label}`,
    });
    return mapDetail(tx, actor, row);
  });
}
