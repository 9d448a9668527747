import { and, eq, sql } from 'drizzle-orm';
import { assessmentWorkflow, cleanText, SCORING_FILE_LIMIT, SCORING_FILE_MAX_BYTES, scoringFileExtensions, type ScoringFileDto } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import type { Upload } from '../../platform/uploads';
import { mayTake } from '../../platform/workflow';
import { deleteFile, readFile, storeFile } from '../files';
import { assertReadsAssessment, rubricUnit } from './assessment-detail';
import { assertOpen, assertRubricVisible, assessesUnit, inScoring } from './scoring-context';
import { loadAssessment, loadRubric, type UnitInfo } from './scoring.store';
import { scoringEvidenceFile, type RubricRow } from './scoring.table';

type Ext = (typeof scoringFileExtensions)[number];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Each accepted extension: its MIME type, the magic bytes its content starts with, and (Office Open XML) a part it names. */
const KINDS: Record<Ext, { mime: string; magic: number[]; part?: string }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP, part: 'word/' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP, part: 'xl/' },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};
const fileError = (code: 'UNSUPPORTED_FILE_TYPE' | 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE', message: string) =>
  new AppError(code, message, [{ field: 'file', message }]);
const NOT_FOUND = 'Không tìm thấy tệp minh chứng của bản tự chấm.';

/** The extension and type of an acceptable evidence file (by its name and, above all, its first bytes), or the 4xx saying why not. */
export function checkEvidenceFile(file: Pick<Upload, 'filename' | 'buffer'>): { ext: Ext; mime: string } {
  const name = cleanText(file.filename).slice(0, 120) || 'tệp';
  const ext = /\.([a-z0-9]+)$/iu.exec(file.filename)?.[1]?.toLowerCase() as Ext | undefined;
  if (!ext || !(scoringFileExtensions as readonly string[]).includes(ext))
    throw fileError('UNSUPPORTED_FILE_TYPE', `Tệp minh chứng "${name}" phải là .pdf, .docx, .xlsx, .odt, .jpg hoặc .png.`);
  if (file.buffer.length === 0) throw fileError('VALIDATION_FAILED', `Tệp minh chứng "${name}" rỗng, không có nội dung.`);
  if (file.buffer.length > SCORING_FILE_MAX_BYTES)
    throw fileError('PAYLOAD_TOO_LARGE', `Tệp minh chứng "${name}" quá lớn (tối đa ${Math.round(SCORING_FILE_MAX_BYTES / 1024 / 1024)} MB).`);
  const k = KINDS[ext];
  if (!k.magic.every((b, i) => file.buffer[i] === b) || (k.part && !file.buffer.includes(Buffer.from(k.part))))
    throw fileError('UNSUPPORTED_FILE_TYPE', `Tệp minh chứng "${name}": nội dung không phải tệp .${ext} hợp lệ. Vui lòng kiểm tra lại tệp.`);
  return { ext, mime: k.mime };
}

/**
 * The rubric, unit and self-assessment (locked) whose evidence the actor may change now: the unit's
 * own roles, while the rubric is open and the self-assessment a draft or returned (as for saving it).
 */
async function editable(tx: Tx, actor: Actor, communeId: string, rubricId: string, unitId: string) {
  const row = await loadRubric(tx, communeId, rubricId);
  assertRubricVisible(actor, row);
  const u = await rubricUnit(tx, row, unitId);
  assertOpen(row);
  if (!assessesUnit(actor, communeId, u.path)) throw new AppError('FORBIDDEN', 'Chỉ đơn vị tự chấm mới tải lên hoặc xóa được tệp minh chứng của bản tự chấm.');
  const a = await loadAssessment(tx, communeId, row.id, u.id, { lock: true });
  if (!mayTake(actor, assessmentWorkflow, 'save', { communeId, status: a?.status ?? assessmentWorkflow.initial }, { unitPath: u.path }))
    throw new AppError('INVALID_TRANSITION', assessmentWorkflow.transitions.save.outOfTurn);
  return { row, u, a };
}

async function fileOf(tx: Tx, row: RubricRow, u: UnitInfo, fileId: string) {
  const [f] = await tx
    .select()
    .from(scoringEvidenceFile)
    .where(
      and(
        eq(scoringEvidenceFile.communeId, row.communeId),
        eq(scoringEvidenceFile.rubricId, row.id),
        eq(scoringEvidenceFile.unitId, u.id),
        eq(scoringEvidenceFile.id, fileId),
      ),
    );
  if (!f) throw new AppError('NOT_FOUND', NOT_FOUND);
  return f;
}

/** Upload an evidence file for a unit's self-assessment (cited then by its items): checked by kind, size and first bytes. */
export async function uploadEvidenceFile(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  rubricId: string;
  unitId: string;
  file: Upload;
  now: Date;
}): Promise<ScoringFileDto> {
  const { actor, communeId, file } = opts;
  return inScoring({ ...opts, permission: 'scoring.assess' }, async (tx) => {
    const { row, u, a } = await editable(tx, actor, communeId, opts.rubricId, opts.unitId);
    const { ext, mime } = checkEvidenceFile(file);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(scoringEvidenceFile)
      .where(and(eq(scoringEvidenceFile.communeId, communeId), eq(scoringEvidenceFile.rubricId, row.id), eq(scoringEvidenceFile.unitId, u.id)));
    if (Number(n) >= SCORING_FILE_LIMIT) {
      const message = `Mỗi bản tự chấm tối đa ${SCORING_FILE_LIMIT} tệp minh chứng. Hãy xóa bớt tệp không dùng trước khi thêm.`;
      throw new AppError('PHOTO_LIMIT', message, [{ field: 'file', message }]);
    }
    const name = cleanText(file.filename).slice(0, 200) || `minh-chung.${ext}`;
    const id = await storeFile(tx, {
      communeId,
      name,
      fallbackName: `minh-chung.${ext}`,
      mime,
      content: file.buffer,
      purpose: 'scoring_evidence',
      createdBy: actor.userId,
    });
    await tx
      .insert(scoringEvidenceFile)
      .values({ communeId, id, rubricId: row.id, unitId: u.id, name, mime, size: file.buffer.length, uploadedBy: actor.userId, createdAt: opts.now });
    await writeAudit(tx, actor, opts.meta, {
      action: 'file',
      entityType: 'assessment',
      entityId: a?.id ?? null,
      communeId,
      summary: `Tải lên tệp minh chứng "${name}" cho bản tự chấm: ${u.name} — ${row.title}`,
      after: { fileId: id, name, size: file.buffer.length },
    });
    return { id, name, mime, size: file.buffer.length };
  });
}

/** An evidence file's bytes, for whoever reads the self-assessment (the unit's own roles, the office, the council). */
export async function readEvidenceFile(opts: { db: Db; actor: Actor; communeId: string; rubricId: string; unitId: string; fileId: string }) {
  return inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const row = await loadRubric(tx, opts.communeId, opts.rubricId);
    assertRubricVisible(opts.actor, row);
    const u = await rubricUnit(tx, row, opts.unitId);
    assertReadsAssessment(opts.actor, row, u);
    await fileOf(tx, row, u, opts.fileId);
    const f = await readFile(tx, opts.communeId, opts.fileId);
    if (!f) throw new AppError('NOT_FOUND', NOT_FOUND);
    return f;
  });
}

/** Remove an evidence file while the self-assessment may be edited; its bytes go with it, and a citation of it is refused on the next save. */
export async function deleteEvidenceFile(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  rubricId: string;
  unitId: string;
  fileId: string;
}): Promise<void> {
  const { actor, communeId } = opts;
  await inScoring({ ...opts, permission: 'scoring.assess' }, async (tx) => {
    const { row, u, a } = await editable(tx, actor, communeId, opts.rubricId, opts.unitId);
    const f = await fileOf(tx, row, u, opts.fileId);
    await tx.delete(scoringEvidenceFile).where(and(eq(scoringEvidenceFile.communeId, communeId), eq(scoringEvidenceFile.id, f.id)));
    await deleteFile(tx, communeId, f.id);
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'assessment',
      entityId: a?.id ?? null,
      communeId,
      summary: `Xóa tệp minh chứng "${f.name}" của bản tự chấm: ${u.name} — ${row.title}`,
    });
  });
}
