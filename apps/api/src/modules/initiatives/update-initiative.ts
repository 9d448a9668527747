import { and, eq, lt, sql } from 'drizzle-orm';
import { cleanText, formatDateVi, type Initiative, type initiativeUpdateInput, clockNow } from '@tds/contracts';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { initiative, initiativeRecognition } from './initiatives.table';
import { initiativeResource } from './initiatives.policy';
import { initiativeRecord } from './initiatives.mapper';
import {
  authorsOf,
  cleanEffects,
  initiativeSearchKey,
  initiativeYear,
  loadInitiative,
  resolveAuthors,
  submittingUnit,
  writeAuthors,
} from './initiatives.store';
import { initiativeDetail } from './get-initiative';
import { inCommune } from './initiatives-context';

/**
 * Edit an initiative (optimistic: the version the editor started from). Moving it to another unit
 * needs the right on both units. The date first applied may not move past a recognition's date.
 */
export async function updateInitiative(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof initiativeUpdateInput>;
  now?: Date;
}): Promise<Initiative> {
  const { actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  return inCommune({ ...opts, permission: 'initiative.write' }, async (tx) => {
    const cur = await loadInitiative(tx, communeId, id, { lock: true });
    authorize(actor, 'initiative.write', initiativeResource(communeId, cur.unitPath));
    if (cur.i.version !== input.version) {
      throw new AppError('STALE_VERSION', 'Sáng kiến vừa được người khác sửa. Vui lòng tải lại trước khi lưu.', [
        { field: 'version', message: 'Phiên bản đã cũ.' },
      ]);
    }
    const u = input.unitId && input.unitId !== cur.i.unitId ? await submittingUnit(tx, communeId, input.unitId) : null;
    if (u) authorize(actor, 'initiative.write', initiativeResource(communeId, u.path));
    const firstAppliedOn = input.firstAppliedOn === undefined ? cur.i.firstAppliedOn : input.firstAppliedOn;
    if (firstAppliedOn) {
      const [early] = await tx
        .select({ number: initiativeRecognition.number, date: initiativeRecognition.date })
        .from(initiativeRecognition)
        .where(and(eq(initiativeRecognition.communeId, communeId), eq(initiativeRecognition.initiativeId, id), lt(initiativeRecognition.date, firstAppliedOn)))
        .limit(1);
      if (early) {
        const message = `Ngày áp dụng lần đầu không được sau ngày công nhận ${formatDateVi(early.date)} (văn bản số ${early.number}).`;
        throw new AppError('VALIDATION_FAILED', message, [{ field: 'firstAppliedOn', message }]);
      }
    }
    const before = (await authorsOf(tx, communeId, [id])).get(id) ?? [];
    const authors = input.authors ? await resolveAuthors(tx, communeId, input.authors) : before;
    const title = input.title ? cleanText(input.title) : cur.i.title;
    const unitName = u?.name ?? cur.unitName;
    const [row] = await tx
      .update(initiative)
      .set({
        title,
        unitId: u?.id ?? cur.i.unitId,
        domain: input.domain ?? cur.i.domain,
        description: input.description === undefined ? cur.i.description : input.description.normalize('NFC').trim() || null,
        firstAppliedOn,
        year: initiativeYear(firstAppliedOn, firstAppliedOn ? 0 : cur.i.year),
        scope: input.scope ?? cur.i.scope,
        effects: input.effects ? cleanEffects(input.effects) : cur.i.effects,
        searchKey: initiativeSearchKey(title, authors, unitName),
        version: sql`${initiative.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(initiative.communeId, communeId), eq(initiative.id, id)))
      .returning();
    if (input.authors) await writeAuthors(tx, communeId, id, authors);
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'initiative',
      entityId: id,
      communeId,
      summary: `Sửa sáng kiến "${title}" (${unitName})`,
      before: initiativeRecord(cur.i, before),
      after: initiativeRecord(row!, authors),
    });
    return initiativeDetail(tx, actor, communeId, id);
  });
}
