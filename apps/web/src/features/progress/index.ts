import { lazy } from 'react';
import { AimOutlined, BarChartOutlined, BellOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Progress: dashboards, indicators and targets, reminders. */
export const progressFeature: Feature = {
  name: 'progress',
  routes: [
    { path: 'progress', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/DashboardPage')) },
    { path: 'indicators', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/IndicatorsPage')) },
    { path: 'reminders', area: 'app', permission: 'notify.manage', page: lazy(() => import('./pages/RemindersPage')) },
  ],
  menu: [
    { key: 'progress', path: '/progress', labelKey: 'nav.progress', icon: BarChartOutlined, permission: 'report.read', testId: 'menu-progress', order: 60 },
    { key: 'indicators', path: '/indicators', labelKey: 'nav.indicators', icon: AimOutlined, permission: 'report.read', testId: 'menu-indicators', order: 70 },
    { key: 'reminders', path: '/reminders', labelKey: 'nav.reminders', icon: BellOutlined, permission: 'notify.manage', testId: 'menu-reminders', order: 80 },
  ],
};

// The feature's strings (catalog section `progress`).
export { progressEn, progressVi } from './i18n';
