import { lazy } from 'react';
import { FileDoneOutlined, FormOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Competition registration, reports (fill in, submit, review) and notifications. */
export const reportingFeature: Feature = {
  name: 'reporting',
  routes: [
    { path: 'reports', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/ReportsPage')) },
    { path: 'reports/:reportId', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/ReportFormPage')) },
    // A due item's report opened in one click ("Việc của tôi"): opens it, then shows reports/:reportId.
    { path: 'reports/due/:dueItemId', area: 'app', permission: 'report.write', page: lazy(() => import('./pages/OpenDueItemPage')) },
    { path: 'registration', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/RegistrationPage')) },
  ],
  menu: [
    {
      key: 'registration',
      path: '/registration',
      labelKey: 'nav.registration',
      icon: FormOutlined,
      permission: 'report.read',
      testId: 'menu-registration',
      order: 40,
    },
    { key: 'reports', path: '/reports', labelKey: 'nav.reports', icon: FileDoneOutlined, permission: 'report.read', testId: 'menu-reports', order: 50 },
  ],
};

// The header's notification bell.
export { NotificationBell } from './components/NotificationBell';
// The feature's strings (catalog section `reporting`).
export { reportingEn, reportingVi } from './i18n';
