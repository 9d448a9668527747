import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, type trainingSessionInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { mapSession } from './training.mapper';
import { assertTeam, assertVillage } from './training.policy';
import { checkModuleCodes, unitOfKind } from './training.store';
import { trainingSession } from './training.table';
import { VILLAGE_MESSAGE } from './create-resident';
import { inTraining, refreshCoverage } from './training-context';

/** A session a team holds in a village it serves (a replay of the same operation key returns it). */
export async function createSession(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: z.infer<typeof trainingSessionInput>;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.record' }, async (tx, { reach, teams }) => {
    const team = await unitOfKind(tx, communeId, input.teamId, ['digital_team'], 'teamId', 'Chọn Tổ công nghệ số cộng đồng của xã.');
    const village = await unitOfKind(tx, communeId, input.villageId, ['village'], 'villageId', VILLAGE_MESSAGE);
    assertTeam(reach, team.id);
    assertVillage(reach, village.id);
    if (input.opKey) {
      const [done] = await tx
        .select()
        .from(trainingSession)
        .where(and(eq(trainingSession.communeId, communeId), eq(trainingSession.opKey, input.opKey)));
      if (done) return mapSession(reach, done, { team: team.name, village: village.name }, 0);
    }
    const served = teams.find((t) => t.unit.id === team.id)?.villageIds ?? [];
    if (served.length && !served.includes(village.id)) {
      const message = `${team.name} không phụ trách ${village.name}.`;
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'villageId', message }]);
    }
    if (input.date > new Date(now.getTime() + 366 * 86_400_000).toISOString().slice(0, 10) || input.date < '2025-01-01') {
      const message = 'Ngày của buổi hướng dẫn phải từ 01/01/2025 và không quá một năm tới.';
      throw new AppError('VALIDATION_FAILED', message, [{ field: 'date', message }]);
    }
    await checkModuleCodes(tx, communeId, input.moduleCodes, 'moduleCodes');
    const [row] = await tx
      .insert(trainingSession)
      .values({
        communeId,
        teamId: team.id,
        villageId: village.id,
        date: input.date,
        startTime: input.startTime ?? null,
        place: cleanText(input.place),
        moduleCodes: [...new Set(input.moduleCodes)],
        trainers: input.trainers.map(cleanText),
        opKey: input.opKey ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'training_session',
      entityId: row!.id,
      communeId,
      summary: `Buổi hướng dẫn kỹ năng số ngày ${input.date} tại ${row!.place} (${village.name})`,
      after: { date: row!.date, villageId: village.id, teamId: team.id, moduleCodes: row!.moduleCodes },
    });
    await refreshCoverage(tx, communeId, [row!.date], now);
    return mapSession(reach, row!, { team: team.name, village: village.name }, 0);
  });
}
