import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { assertRubricVisible, inScoring } from './scoring-context';
import { loadRubric } from './scoring.store';
import { rubricDetail } from './rubric-detail';

/** One rubric with its criteria, units and abilities (a draft only to the office). */
export async function getRubric(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  return inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const row = await loadRubric(tx, opts.communeId, opts.id);
    assertRubricVisible(opts.actor, row);
    return rubricDetail(tx, opts.actor, row);
  });
}
