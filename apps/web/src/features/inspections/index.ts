import { lazy } from 'react';
import { FileSearchOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Kiểm tra, giám sát: the council's visits to units, findings, recommendations, answers and follow-up. */
export const inspectionsFeature: Feature = {
  name: 'inspections',
  routes: [
    { path: 'inspections', area: 'app', permission: 'inspection.read', page: lazy(() => import('./pages/InspectionsPage')) },
    { path: 'inspections/:communeId/:id', area: 'app', permission: 'inspection.read', page: lazy(() => import('./pages/InspectionPage')) },
  ],
  menu: [
    {
      key: 'inspections',
      path: '/inspections',
      labelKey: 'nav.inspections',
      icon: FileSearchOutlined,
      permission: 'inspection.read',
      testId: 'menu-inspections',
      order: 86,
    },
  ],
};

export { inspectionsEn, inspectionsVi } from './i18n';
