import { and, eq, sql } from 'drizzle-orm';
import { cleanText, INITIATIVE_FILE_LIMIT, initiativeFileExtensions, type Initiative, clockNow } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import type { Upload } from '../../platform/uploads';
import { deleteFile, readFile, storeFile } from '../files';
import { initiativeFile } from './initiatives.table';
import { initiativeResource } from './initiatives.policy';
import { loadInitiative } from './initiatives.store';
import { initiativeDetail } from './get-initiative';
import { inCommune } from './initiatives-context';

type Ext = (typeof initiativeFileExtensions)[number];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Each accepted extension: its MIME type and the magic bytes its content must start with. */
const KINDS: Record<Ext, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  doc: { mime: 'application/msword', magic: OLE },
  jpg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  jpeg: { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  png: { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
};
const fileError = (code: 'UNSUPPORTED_FILE_TYPE' | 'VALIDATION_FAILED', message: string) => new AppError(code, message, [{ field: 'file', message }]);

/** The extension and type of an acceptable attachment (by its name and, above all, its first bytes), or the 4xx saying why not. */
export function checkAttachment(file: Pick<Upload, 'filename' | 'buffer'>): { ext: Ext; mime: string } {
  const name = cleanText(file.filename).slice(0, 120) || 'tệp';
  const ext = /\.([a-z0-9]+)$/iu.exec(file.filename)?.[1]?.toLowerCase() as Ext | undefined;
  if (!ext || !(initiativeFileExtensions as readonly string[]).includes(ext))
    throw fileError('UNSUPPORTED_FILE_TYPE', `Tệp đính kèm "${name}" phải là .pdf, .docx, .doc, .odt, .xlsx, .jpg hoặc .png.`);
  if (file.buffer.length === 0) throw fileError('VALIDATION_FAILED', `Tệp đính kèm "${name}" rỗng, không có nội dung.`);
  const k = KINDS[ext];
  if (!k.magic.every((b, i) => file.buffer[i] === b))
    throw fileError('UNSUPPORTED_FILE_TYPE', `Tệp đính kèm "${name}": nội dung không phải tệp .${ext} hợp lệ. Vui lòng kiểm tra lại tệp.`);
  return { ext, mime: k.mime };
}

/** Attach a file to an initiative (those who edit it): at most INITIATIVE_FILE_LIMIT, the initiative locked so two uploads cannot pass it. */
export async function uploadInitiativeFile(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  file: Upload;
  now?: Date;
}): Promise<Initiative> {
  const { actor, communeId, id, file } = opts;
  const now = opts.now ?? clockNow();
  return inCommune({ ...opts, permission: 'initiative.write' }, async (tx) => {
    const cur = await loadInitiative(tx, communeId, id, { lock: true });
    authorize(actor, 'initiative.write', initiativeResource(communeId, cur.unitPath));
    const { ext, mime } = checkAttachment(file);
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(initiativeFile)
      .where(and(eq(initiativeFile.communeId, communeId), eq(initiativeFile.initiativeId, id)));
    if (Number(n) >= INITIATIVE_FILE_LIMIT) {
      const message = `Mỗi sáng kiến tối đa ${INITIATIVE_FILE_LIMIT} tệp đính kèm. Hãy xóa bớt tệp cũ trước khi thêm.`;
      throw new AppError('PHOTO_LIMIT', message, [{ field: 'file', message }]);
    }
    const fileId = await storeFile(tx, {
      communeId,
      name: file.filename,
      fallbackName: `sang-kien.${ext}`,
      mime,
      content: file.buffer,
      purpose: 'initiative_file',
      createdBy: actor.userId,
    });
    await tx.insert(initiativeFile).values({ communeId, initiativeId: id, fileId, uploadedBy: actor.userId, createdAt: now });
    await writeAudit(tx, actor, opts.meta, {
      action: 'file',
      entityType: 'initiative',
      entityId: id,
      communeId,
      summary: `Đính kèm tệp "${cleanText(file.filename).slice(0, 120)}" cho sáng kiến "${cur.i.title}"`,
    });
    return initiativeDetail(tx, actor, communeId, id);
  });
}

async function attachmentOf(tx: Tx, communeId: string, id: string, attachmentId: string) {
  const [a] = await tx
    .select()
    .from(initiativeFile)
    .where(and(eq(initiativeFile.communeId, communeId), eq(initiativeFile.initiativeId, id), eq(initiativeFile.id, attachmentId)));
  if (!a) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm của sáng kiến.');
  return a;
}

/** An attachment's bytes, for whoever reads the register. */
export async function readInitiativeFile(opts: { db: Db; actor: Actor; communeId: string; id: string; fileId: string }) {
  const { communeId, id } = opts;
  return inCommune({ ...opts, permission: 'initiative.read' }, async (tx) => {
    await loadInitiative(tx, communeId, id);
    const a = await attachmentOf(tx, communeId, id, opts.fileId);
    const f = await readFile(tx, communeId, a.fileId);
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm của sáng kiến.');
    return f;
  });
}

/** Remove an attachment (those who edit the initiative); its bytes go with it. */
export async function deleteInitiativeFile(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  fileId: string;
}): Promise<Initiative> {
  const { actor, communeId, id } = opts;
  return inCommune({ ...opts, permission: 'initiative.write' }, async (tx) => {
    const cur = await loadInitiative(tx, communeId, id, { lock: true });
    authorize(actor, 'initiative.write', initiativeResource(communeId, cur.unitPath));
    const a = await attachmentOf(tx, communeId, id, opts.fileId);
    await tx.delete(initiativeFile).where(and(eq(initiativeFile.communeId, communeId), eq(initiativeFile.id, a.id)));
    await deleteFile(tx, communeId, a.fileId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'delete',
      entityType: 'initiative',
      entityId: id,
      communeId,
      summary: `Xóa một tệp đính kèm của sáng kiến "${cur.i.title}"`,
    });
    return initiativeDetail(tx, actor, communeId, id);
  });
}
