import type { z } from 'zod';
import { cleanText, type trainingTeamInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { unitOfKind, villagesOf } from './training.store';
import { trainingTeam } from './training.table';
import { inTraining } from './training-context';
import { listTeams } from './list-teams';

/** A team's founding decision and the villages it serves (a mass organisation's team names them). */
export async function putTeam(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  unitId: string;
  input: z.infer<typeof trainingTeamInput>;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  await inTraining({ ...opts, permission: 'training.manage' }, async (tx, { teams }) => {
    const u = await unitOfKind(tx, communeId, opts.unitId, ['digital_team'], 'unitId', 'Không phải Tổ công nghệ số cộng đồng của xã.');
    const villages = new Set((await villagesOf(tx, communeId)).map((v) => v.id));
    const ids = [...new Set(input.villageIds ?? [])];
    const bad = ids.findIndex((id) => !villages.has(id));
    if (bad >= 0)
      throw new AppError('VALIDATION_FAILED', 'Không phải thôn, tổ dân phố của xã.', [
        { field: `villageIds.${bad}`, message: 'Không phải thôn, tổ dân phố của xã.' },
      ]);
    const current = teams.find((t) => t.unit.id === u.id);
    const values = {
      decisionNo: input.decisionNo ? cleanText(input.decisionNo) : null,
      decisionDate: input.decisionDate ?? null,
      villageIds: input.villageIds ? ids : (current?.villageIds ?? []),
      updatedAt: now,
    };
    await tx
      .insert(trainingTeam)
      .values({ communeId, unitId: u.id, ...values })
      .onConflictDoUpdate({ target: [trainingTeam.communeId, trainingTeam.unitId], set: values });
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'training_team',
      entityId: u.id,
      communeId,
      summary: `Cập nhật ${u.name}${values.decisionNo ? ` (quyết định thành lập số ${values.decisionNo})` : ''}`,
      after: values,
    });
  });
  const all = await listTeams({ db: opts.db, actor, communeId });
  return all.items.find((t) => t.unitId === opts.unitId)!;
}
