import type { RubricTransition } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { rubricProblems } from './scoring.policy';
import { inScoring } from './scoring-context';
import { loadCriteria, unitsByIds } from './scoring.store';
import { criterionDto } from './scoring.mapper';
import { rubricDetail } from './rubric-detail';
import { freezeResults } from './rubric-results';
import { takeRubricStep } from './rubric-step';

const summaries: Record<Exclude<RubricTransition, 'edit'>, string> = {
  open: 'Mở chấm điểm',
  close: 'Khóa sổ điểm (kết quả được chốt)',
  publish: 'Công bố kết quả chấm điểm',
};

/**
 * Open a draft rubric (its rules checked again against today's units and indicators), close it
 * (every unit's result computed and frozen), or publish the closed results to the commune.
 */
export async function stepRubric(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  transition: Exclude<RubricTransition, 'edit'>;
  version: number;
  now: Date;
}) {
  const { actor, communeId, now, transition } = opts;
  return inScoring({ ...opts, permission: 'scoring.manage' }, async (tx) => {
    const { row } = await takeRubricStep(tx, actor, opts.meta, {
      communeId,
      id: opts.id,
      transition,
      version: opts.version,
      now,
      check:
        transition === 'open'
          ? async (cur) => {
              const criteria = (await loadCriteria(tx, communeId, cur.id)).map(criterionDto);
              const input = { ...cur, planId: cur.planId, source: cur.source, aggregation: cur.aggregation as 'mean', criteria };
              return rubricProblems(tx, communeId, input, await unitsByIds(tx, communeId, cur.unitIds));
            }
          : undefined,
      set: () => (transition === 'close' ? { closedAt: now.toISOString() } : transition === 'publish' ? { publishedAt: now.toISOString() } : {}),
      effects: transition === 'close' ? (r) => freezeResults(tx, r, now) : undefined,
      summary: (cur) => `${summaries[transition]}: ${cur.title} (năm ${cur.year})`,
    });
    return rubricDetail(tx, actor, row);
  });
}
