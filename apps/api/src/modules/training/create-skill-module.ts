import type { z } from 'zod';
import { cleanText, type skillModuleInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { communeSkillModule } from './training.table';
import { modulesOf } from './training.store';
import { inTraining } from './training-context';

/** Add a module of the commune's own beside the national catalogue. */
export async function createSkillModule(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof skillModuleInput> }) {
  const { actor, communeId, input } = opts;
  return inTraining({ ...opts, permission: 'training.manage' }, async (tx) => {
    if ((await modulesOf(tx, communeId)).some((m) => m.code === input.code))
      throw new AppError('DUPLICATE_CODE', `Mã học phần "${input.code}" đã có.`, [{ field: 'code', message: `Mã học phần "${input.code}" đã có.` }]);
    const [row] = await tx
      .insert(communeSkillModule)
      .values({ communeId, code: input.code, groupName: cleanText(input.groupName), name: cleanText(input.name), learnerGroups: input.learnerGroups })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'skill_module',
      entityId: null,
      communeId,
      summary: `Thêm học phần kỹ năng số ${row!.code}: ${row!.name}`,
      after: { code: row!.code, name: row!.name },
    });
    return {
      code: row!.code,
      groupName: row!.groupName,
      name: row!.name,
      communeId,
      learnerGroups: input.learnerGroups,
      basic: false,
      sortOrder: row!.sortOrder,
    };
  });
}
