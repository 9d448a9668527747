import { lazy } from 'react';
import { ContactsOutlined, ReadOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Bình dân học vụ số: coverage, sessions and attendance, residents, community digital teams, help given. */
export const trainingFeature: Feature = {
  name: 'training',
  routes: [
    { path: 'training', area: 'app', permission: 'training.read', page: lazy(() => import('./pages/OverviewPage')) },
    { path: 'training/sessions', area: 'app', permission: 'training.read', page: lazy(() => import('./pages/SessionsPage')) },
    { path: 'training/sessions/:id', area: 'app', permission: 'training.record', page: lazy(() => import('./pages/SessionPage')) },
    { path: 'training/residents', area: 'app', permission: 'training.record', page: lazy(() => import('./pages/ResidentsPage')) },
    { path: 'training/teams', area: 'app', permission: 'training.read', page: lazy(() => import('./pages/TeamsPage')) },
    { path: '/verify/:code', area: 'public', page: lazy(() => import('./pages/VerifyCertificatePage')) },
  ],
  menu: [
    { key: 'training', path: '/training', labelKey: 'nav.training', icon: ReadOutlined, permission: 'training.read', testId: 'menu-training', order: 75 },
    {
      key: 'training-residents',
      path: '/training/residents',
      labelKey: 'nav.trainingResidents',
      icon: ContactsOutlined,
      permission: 'training.record',
      testId: 'menu-training-residents',
      order: 76,
    },
  ],
};

// The feature's strings (catalog section `training`).
export { trainingEn, trainingVi } from './i18n';
