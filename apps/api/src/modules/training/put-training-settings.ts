import { clockNow } from '@tds/contracts';
import type { z } from 'zod';
import type { trainingSettingsInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { trainingSettings } from './training.table';
import { checkModuleCodes, settingsOf } from './training.store';
import { inTraining, refreshCoverage } from './training-context';

/** The adult age and the basic set: the coverage of every year is recomputed with them. */
export async function putTrainingSettings(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  input: z.infer<typeof trainingSettingsInput>;
  now?: Date;
}) {
  const { actor, communeId, input } = opts;
  const now = opts.now ?? clockNow();
  return inTraining({ ...opts, permission: 'training.manage' }, async (tx) => {
    await checkModuleCodes(tx, communeId, input.basicModules, 'basicModules');
    const before = await settingsOf(tx, communeId);
    const basicModules = [...new Set(input.basicModules)];
    await tx
      .insert(trainingSettings)
      .values({ communeId, adultAge: input.adultAge, basicModules, updatedAt: now })
      .onConflictDoUpdate({ target: trainingSettings.communeId, set: { adultAge: input.adultAge, basicModules, updatedAt: now } });
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'training_settings',
      communeId,
      summary: `Cài đặt Bình dân học vụ số: từ ${input.adultAge} tuổi, bộ kỹ năng cơ bản ${basicModules.join(', ')}`,
      before,
      after: { adultAge: input.adultAge, basicModules },
    });
    await refreshCoverage(tx, communeId, ['2025-01-01'], now);
    return { adultAge: input.adultAge, basicModules, can: { manage: true } };
  });
}
