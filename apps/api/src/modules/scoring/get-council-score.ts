import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertRubricVisible, inScoring } from './scoring-context';
import { loadCouncilScore, loadRubric } from './scoring.store';
import { rubricUnit } from './assessment-detail';
import { councilScoreDetail, memberOf } from './council-score-detail';

/** The signed-in member's own scores of a unit (nobody else's). */
export async function getCouncilScore(opts: { db: Db; actor: Actor; communeId: string; rubricId: string; unitId: string }) {
  return inScoring({ ...opts, permission: 'scoring.score' }, async (tx) => {
    const row = await loadRubric(tx, opts.communeId, opts.rubricId);
    const u = await rubricUnit(tx, row, opts.unitId);
    const m = await memberOf(tx, opts.actor, opts.communeId);
    assertRubricVisible(opts.actor, row);
    return councilScoreDetail(tx, opts.actor, row, u, m, await loadCouncilScore(tx, opts.communeId, row.id, u.id, opts.actor.userId));
  });
}
