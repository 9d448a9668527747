import { lazy } from 'react';
import { CloudUploadOutlined, InboxOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** The commune's reports to its province: the commune prepares and submits, the province receives or returns. */
export const communeReportsFeature: Feature = {
  name: 'commune-reports',
  routes: [
    { path: 'commune-reports', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/CommuneReportsPage')) },
    { path: 'commune-reports/:communeId/:reportId', area: 'app', permission: 'report.read', page: lazy(() => import('./pages/CommuneReportPage')) },
    {
      path: 'province/commune-reports',
      area: 'app',
      permission: 'commune_report.review',
      page: lazy(() => import('./pages/ProvinceCommuneReportsPage')),
    },
  ],
  menu: [
    {
      key: 'commune-reports',
      path: '/commune-reports',
      labelKey: 'communeReports.nav.commune',
      icon: CloudUploadOutlined,
      // The commune office's page: shown to those who review the commune's own reports (the commune admin).
      permission: 'report.review',
      testId: 'menu-commune-reports',
      order: 55,
    },
    {
      key: 'province-commune-reports',
      path: '/province/commune-reports',
      labelKey: 'communeReports.nav.province',
      icon: InboxOutlined,
      permission: 'commune_report.review',
      testId: 'menu-province-commune-reports',
      order: 56,
    },
  ],
};

// The province dashboard's card: which communes have submitted their report.
export { CommuneSubmissionsCard } from './components/CommuneSubmissionsCard';
// The feature's strings (catalog section `communeReports`).
export { communeReportsEn, communeReportsVi } from './i18n';
