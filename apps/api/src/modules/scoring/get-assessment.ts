import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertRubricVisible, inScoring } from './scoring-context';
import { loadAssessment, loadRubric } from './scoring.store';
import { assertReadsAssessment, assessmentDetail, rubricUnit } from './assessment-detail';

/** A unit's self-assessment (the unit's own roles, the office, the council). */
export async function getAssessment(opts: { db: Db; actor: Actor; communeId: string; rubricId: string; unitId: string }) {
  return inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const row = await loadRubric(tx, opts.communeId, opts.rubricId);
    assertRubricVisible(opts.actor, row);
    const u = await rubricUnit(tx, row, opts.unitId);
    assertReadsAssessment(opts.actor, row, u);
    return assessmentDetail(tx, opts.actor, row, u, await loadAssessment(tx, opts.communeId, row.id, u.id));
  });
}
