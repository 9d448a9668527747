import { cleanText, type InspectionFile } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { storeFile } from '../files';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel } from './inspection-step';
import { checkEvidenceFile } from './inspection-files';
import { answersFor, mayRecordOn } from './inspections.policy';
import { loadInspection, membersOf, unitsOf } from './inspections.store';
import { inspectionFile } from './inspections.table';

/**
 * Upload an evidence file for an inspection that is not closed: by who may record on it, or by a
 * unit of it (for an answer). Checked by kind, size and first bytes; referenced then by a finding or an answer.
 */
export async function uploadInspectionFile(
  opts: UseCase & { meta: RequestMeta; id: string; file: { filename: string; buffer: Buffer }; maxBytes: number },
): Promise<InspectionFile> {
  const { actor, communeId, id, file } = opts;
  return inInspections({ ...opts, permission: 'inspection.read' }, async (tx) => {
    const row = await loadInspection(tx, communeId, id);
    const members = (await membersOf(tx, communeId, id)).map((m) => m.userId);
    const units = (await unitsOf(tx, communeId, [id])).get(id) ?? [];
    if (!mayRecordOn(actor, communeId, members) && !units.some((u) => answersFor(actor, communeId, u.path)))
      throw new AppError('FORBIDDEN', 'Chỉ đoàn kiểm tra, Văn phòng xã hoặc đơn vị được kiểm tra mới tải lên được tệp minh chứng.');
    if (row.status === 'closed') throw new AppError('INVALID_TRANSITION', 'Đợt kiểm tra đã đóng: không tải thêm tệp minh chứng được.');
    const { ext, mime } = checkEvidenceFile(file, opts.maxBytes);
    const name = cleanText(file.filename).slice(0, 200) || `minh-chung.${ext}`;
    const fileId = await storeFile(tx, {
      communeId,
      name,
      fallbackName: `minh-chung.${ext}`,
      mime,
      content: file.buffer,
      purpose: 'inspection_evidence',
      createdBy: actor.userId,
    });
    await tx.insert(inspectionFile).values({ communeId, fileId, inspectionId: id, uploadedBy: actor.userId });
    await writeAudit(tx, actor, opts.meta, {
      action: 'file',
      entityType: 'inspection',
      entityId: id,
      communeId,
      summary: `Tải lên tệp minh chứng "${name}" cho ${inspectionLabel(row)}`,
      after: { fileId, name, size: file.buffer.length },
    });
    return { id: fileId, name, mime, size: file.buffer.length };
  });
}
