import { lazy } from 'react';
import { FundOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Chấm điểm thi đua: rubrics from the plan's criteria, self-assessment, council scores, classification and ranking. */
export const scoringFeature: Feature = {
  name: 'scoring',
  routes: [
    { path: 'scoring', area: 'app', permission: 'scoring.read', page: lazy(() => import('./pages/ScoringPage')) },
    { path: 'scoring/new', area: 'app', permission: 'scoring.manage', page: lazy(() => import('./pages/RubricEditPage')) },
    { path: 'scoring/:id', area: 'app', permission: 'scoring.read', page: lazy(() => import('./pages/RubricPage')) },
    { path: 'scoring/:id/edit', area: 'app', permission: 'scoring.manage', page: lazy(() => import('./pages/RubricEditPage')) },
    { path: 'scoring/:id/units/:unitId', area: 'app', permission: 'scoring.read', page: lazy(() => import('./pages/AssessmentPage')) },
    { path: 'scoring/:id/scores/:unitId', area: 'app', permission: 'scoring.score', page: lazy(() => import('./pages/ScorePage')) },
    { path: 'scoring/:id/results/:unitId', area: 'app', permission: 'scoring.read', page: lazy(() => import('./pages/ResultPage')) },
  ],
  menu: [{ key: 'scoring', path: '/scoring', labelKey: 'nav.scoring', icon: FundOutlined, permission: 'scoring.read', testId: 'menu-scoring', order: 78 }],
};

export { scoringEn, scoringVi } from './i18n';
