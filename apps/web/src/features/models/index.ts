import { lazy } from 'react';
import { TrophyOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Điển hình tiên tiến, mô hình hay: exemplary models, their stories and photos, published to the portal. */
export const modelsFeature: Feature = {
  name: 'models',
  routes: [{ path: 'models', area: 'app', permission: 'model.read', page: lazy(() => import('./pages/ModelsPage')) }],
  menu: [{ key: 'models', path: '/models', labelKey: 'nav.models', icon: TrophyOutlined, permission: 'model.read', testId: 'menu-models', order: 81 }],
};

export { modelsEn, modelsVi } from './i18n';

/** A unit's exemplary models as a card, for the org page; its own chunk, so render it inside a Suspense. */
export const ModelsCard = lazy(() => import('./components/ModelsCard'));
