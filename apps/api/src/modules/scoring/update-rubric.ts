import { and, eq, notInArray } from 'drizzle-orm';
import type { RubricInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { rubricProblems } from './scoring.policy';
import { inScoring } from './scoring-context';
import { loadCriteria, unitsByIds } from './scoring.store';
import { rubricCriterion } from './scoring.table';
import { criterionRows } from './create-rubric';
import { rubricDetail } from './rubric-detail';
import { takeRubricStep } from './rubric-step';

/** Save a draft rubric again: its fields and criteria (kept ids keep their rows), at the version the officer saw. */
export async function updateRubric(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: RubricInput & { version: number };
  now: Date;
}) {
  const { actor, communeId, input, now } = opts;
  return inScoring({ ...opts, permission: 'scoring.manage' }, async (tx) => {
    const { row } = await takeRubricStep(tx, actor, opts.meta, {
      communeId,
      id: opts.id,
      transition: 'edit',
      version: input.version,
      now,
      check: async () => {
        const problems = await rubricProblems(tx, communeId, input, await unitsByIds(tx, communeId, input.unitIds));
        const known = new Set((await loadCriteria(tx, communeId, opts.id)).map((c) => c.id));
        input.criteria.forEach((c, i) => {
          if (c.id && !known.has(c.id)) problems.push({ field: `criteria.${i}.id`, message: `Tiêu chí thứ ${i + 1} không thuộc bảng tiêu chí này.` });
        });
        return problems;
      },
      set: () => ({
        planId: input.planId ?? null,
        groupName: input.groupName,
        title: input.title,
        year: input.year,
        aggregation: input.aggregation,
        classes: input.classes,
        unitIds: input.unitIds,
        source: input.source ?? null,
      }),
      effects: async (r) => {
        const kept = input.criteria.flatMap((c) => (c.id ? [c.id] : []));
        await tx
          .delete(rubricCriterion)
          .where(
            and(eq(rubricCriterion.communeId, communeId), eq(rubricCriterion.rubricId, r.id), ...(kept.length ? [notInArray(rubricCriterion.id, kept)] : [])),
          );
        for (const c of criterionRows(communeId, r.id, input)) {
          if (c.id)
            await tx
              .update(rubricCriterion)
              .set(c)
              .where(and(eq(rubricCriterion.communeId, communeId), eq(rubricCriterion.id, c.id)));
          else await tx.insert(rubricCriterion).values(c);
        }
      },
      summary: () => `Sửa bảng tiêu chí chấm điểm: ${input.title} (${input.criteria.length} tiêu chí)`,
    });
    return rubricDetail(tx, actor, row);
  });
}
