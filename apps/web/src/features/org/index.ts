import { lazy } from 'react';
import { ApartmentOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** Units of a commune (tree, import, lifecycle) and the territory (provinces, communes). */
export const orgFeature: Feature = {
  name: 'org',
  routes: [
    { path: 'org', area: 'app', permission: 'org.read', page: lazy(() => import('./pages/OrgPage')) },
    { path: 'territory', area: 'app', permission: 'org.territory.write', page: lazy(() => import('./pages/TerritoryPage')) },
  ],
  menu: [
    { key: 'org', path: '/org', labelKey: 'nav.org', icon: ApartmentOutlined, permission: 'org.read', testId: 'menu-org', order: 10 },
    {
      key: 'territory',
      path: '/territory',
      labelKey: 'nav.territory',
      icon: EnvironmentOutlined,
      permission: 'org.territory.write',
      testId: 'menu-territory',
      order: 120,
    },
  ],
};

// The unit tree picker's pieces, used by plans, people, progress, reporting and users.
export { useProvinces, useUnitTree, type UnitTreeItem } from './api';
export { filterUnitNode, unitTreeSelectData, type UnitTreeSelectNode } from './unitOptions';
