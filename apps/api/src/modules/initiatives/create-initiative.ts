import { cleanText, vietnamYear, type Initiative, type initiativeInput, clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { lockOpKey } from '../../platform/op-key';
import { initiative } from './initiatives.table';
import { initiativeResource } from './initiatives.policy';
import { initiativeRecord } from './initiatives.mapper';
import { cleanEffects, initiativeSearchKey, initiativeYear, resolveAuthors, submittingUnit, writeAuthors } from './initiatives.store';
import { initiativeDetail } from './get-initiative';
import { inCommune } from './initiatives-context';

/**
 * Register an initiative for a unit (a unit role: its own subtree; the commune office: any unit),
 * with its authors (people of the commune's list, possibly of several units, or names typed in).
 * A retry by the same user with the same `opKey` registers nothing more and answers with the initiative.
 */
export async function createInitiative(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: z.infer<typeof initiativeInput>;
  now?: Date;
}): Promise<Initiative> {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inCommune({ ...opts, permission: 'initiative.write' }, async (tx) => {
    const u = await submittingUnit(tx, communeId, input.unitId);
    authorize(actor, 'initiative.write', initiativeResource(communeId, u.path));
    if (input.opKey) {
      await lockOpKey(tx, communeId, input.opKey);
      const [done] = await tx
        .select({ id: initiative.id })
        .from(initiative)
        .where(and(eq(initiative.communeId, communeId), eq(initiative.opKey, input.opKey), eq(initiative.createdBy, actor.userId)));
      if (done) return initiativeDetail(tx, actor, communeId, done.id);
    }
    const authors = await resolveAuthors(tx, communeId, input.authors);
    const title = cleanText(input.title);
    const [row] = await tx
      .insert(initiative)
      .values({
        communeId,
        unitId: u.id,
        title,
        domain: input.domain,
        description: input.description ? input.description.normalize('NFC').trim() || null : null,
        firstAppliedOn: input.firstAppliedOn ?? null,
        year: initiativeYear(input.firstAppliedOn, vietnamYear(now)),
        scope: input.scope,
        effects: cleanEffects(input.effects),
        searchKey: initiativeSearchKey(title, authors, u.name),
        opKey: input.opKey ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAuthors(tx, communeId, row!.id, authors);
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'initiative',
      entityId: row!.id,
      communeId,
      summary: `Đăng ký sáng kiến "${title}" (${u.name})`,
      after: initiativeRecord(row!, authors),
    });
    return initiativeDetail(tx, actor, communeId, row!.id);
  });
}
