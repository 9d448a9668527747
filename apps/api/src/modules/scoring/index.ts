/** Chấm điểm thi đua: rubrics from the plan's criteria, self-assessment, council scores, classification and ranking: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as scoringTables from './scoring.table';
import { scoringRoutes } from './scoring.routes';

export const manifest: ModuleManifest = {
  name: 'scoring',
  routes: scoringRoutes,
  tables: scoringTables,
  permissions: ['scoring.read', 'scoring.manage', 'scoring.assess', 'scoring.score', 'scoring.template'],
  errorCodes: ['SCORING_CLOSED', 'SCORE_CONFLICT'],
  matrix: async () => [(await import('./scoring.matrix')).scoringMatrix],
};

/** For the commendation that comes next, and the demo: a unit's frozen results (score, class, rank) of a year. */
export { assessment, councilScore, rubric, rubricCriterion, scoreResult, scoringTemplate } from './scoring.table';
export { freezeResults } from './rubric-results';
