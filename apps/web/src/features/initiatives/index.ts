import { lazy } from 'react';
import { BulbOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Sáng kiến, giải pháp: the register of initiatives and their recognitions. */
export const initiativesFeature: Feature = {
  name: 'initiatives',
  routes: [{ path: 'initiatives', area: 'app', permission: 'initiative.read', page: lazy(() => import('./pages/InitiativesPage')) }],
  menu: [
    {
      key: 'initiatives',
      path: '/initiatives',
      labelKey: 'nav.initiatives',
      icon: BulbOutlined,
      permission: 'initiative.read',
      testId: 'menu-initiatives',
      order: 80,
    },
  ],
};

export { initiativesEn, initiativesVi } from './i18n';

/**
 * A person's (`personId`: one of the authors) or a unit's (`unitId`) initiatives as a card, for the
 * people and org pages; its own chunk, so render it inside a Suspense.
 */
export const InitiativesCard = lazy(() => import('./components/InitiativesCard'));
