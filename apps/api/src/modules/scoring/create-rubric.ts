import type { RubricInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { rubricProblems } from './scoring.policy';
import { inScoring } from './scoring-context';
import { unitsByIds } from './scoring.store';
import { rubric, rubricCriterion } from './scoring.table';
import { rubricDetail } from './rubric-detail';

/** The criteria rows of a rubric (kept ids where a draft is saved again). */
export function criterionRows(communeId: string, rubricId: string, input: RubricInput) {
  return input.criteria.map((c, i) => ({
    communeId,
    rubricId,
    ...(c.id ? { id: c.id } : {}),
    ord: i + 1,
    title: c.title,
    section: c.section,
    method: c.method,
    maxPoints: c.maxPoints,
    bands: c.method === 'bands' ? (c.bands ?? []) : null,
    indicatorCode: c.method === 'judgement' ? null : (c.indicatorCode ?? null),
    denominatorCode: c.method === 'formula' ? (c.denominatorCode ?? null) : null,
    factor: c.method === 'formula' ? (c.factor ?? null) : null,
    evidenceRequired: c.evidenceRequired,
    evidenceHint: c.evidenceHint ?? null,
  }));
}

/** Check a rubric's input against the commune (its units, its indicators): refused with every problem named. */
export async function checkRubric(tx: Tx, communeId: string, input: RubricInput) {
  const units = await unitsByIds(tx, communeId, input.unitIds);
  const problems = await rubricProblems(tx, communeId, input, units);
  if (problems.length) throw new AppError('VALIDATION_FAILED', problems[0]!.message, problems);
}

/** A new rubric (a draft) for a participant group of a plan and year, with its criteria, in one transaction. */
export async function createRubric(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: RubricInput; now: Date }) {
  const { actor, communeId, input, now } = opts;
  return inScoring({ ...opts, permission: 'scoring.manage' }, async (tx) => {
    await checkRubric(tx, communeId, input);
    const [row] = await tx
      .insert(rubric)
      .values({
        communeId,
        planId: input.planId ?? null,
        groupName: input.groupName,
        title: input.title,
        year: input.year,
        aggregation: input.aggregation,
        classes: input.classes,
        unitIds: input.unitIds,
        source: input.source ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedBy: actor.userId,
        updatedAt: now,
      })
      .returning();
    await tx.insert(rubricCriterion).values(criterionRows(communeId, row!.id, { ...input, criteria: input.criteria.map(({ id: _id, ...c }) => c) }));
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'rubric',
      entityId: row!.id,
      communeId,
      summary: `Lập bảng tiêu chí chấm điểm: ${input.title} (năm ${input.year}, ${input.criteria.length} tiêu chí, ${input.unitIds.length} đơn vị)`,
      after: { title: input.title, year: input.year, criteria: input.criteria.length },
    });
    return rubricDetail(tx, actor, row!);
  });
}
