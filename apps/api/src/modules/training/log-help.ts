import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { todayVn, cleanText, helpTypeLabelsVi, type helpInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { assertTeam, assertVillage } from './training.policy';
import { residentFor, unitOfKind } from './training.store';
import { helpLog } from './training.table';
import { VILLAGE_MESSAGE } from './create-resident';
import { inTraining, refreshCoverage } from './training-context';

const mapHelp = (h: typeof helpLog.$inferSelect) => ({
  id: h.id,
  teamId: h.teamId,
  villageId: h.villageId,
  date: h.date,
  type: h.type as keyof typeof helpTypeLabelsVi,
  residentId: h.residentId,
  count: h.count,
  note: h.note,
});

/** Help a team gave: to one resident, or as a count of people for a day (a replay of the same key returns it). */
export async function logHelp(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof helpInput>; now?: Date }) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach }) => {
    const team = await unitOfKind(tx, communeId, input.teamId, ['digital_team'], 'teamId', 'Chọn Tổ công nghệ số cộng đồng của xã.');
    const village = await unitOfKind(tx, communeId, input.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    assertTeam(reach, team.id);
    assertVillage(reach, village.id);
    if (input.opKey) {
      const [done] = await tx
        .select()
        .from(helpLog)
        .where(and(eq(helpLog.communeId, communeId), eq(helpLog.opKey, input.opKey)));
      if (done) return mapHelp(done);
    }
    if (input.date > todayVn(now) || input.date < '2025-01-01') {
      const message = 'Ngày hỗ trợ phải từ 01/01/2025 và không sau hôm nay.';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'date', message }]);
    }
    const r = input.residentId ? await residentFor(tx, communeId, input.residentId, { follow: true }) : null;
    const [row] = await tx
      .insert(helpLog)
      .values({
        communeId,
        teamId: team.id,
        villageId: village.id,
        date: input.date,
        type: input.type,
        residentId: r?.id ?? null,
        count: r ? 1 : input.count!,
        note: input.note ? cleanText(input.note) : null,
        opKey: input.opKey ?? null,
        createdBy: actor.userId,
        createdAt: now,
      })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'help_log',
      entityId: row!.id,
      communeId,
      summary: `${helpTypeLabelsVi[input.type]}: ${r ? r.fullName : `${input.count} người`}, ngày ${input.date} (${village.name})`,
    });
    await refreshCoverage(tx, communeId, [row!.date], now);
    return mapHelp(row!);
  });
}
