import { lazy } from 'react';
import { TeamOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** The people (cá nhân) of a commune's units. */
export const peopleFeature: Feature = {
  name: 'people',
  routes: [{ path: 'people', area: 'app', permission: 'person.read', page: lazy(() => import('./pages/PeoplePage')) }],
  menu: [{ key: 'people', path: '/people', labelKey: 'nav.people', icon: TeamOutlined, permission: 'person.read', testId: 'menu-people', order: 90 }],
};

// The people picker's data, used by reporting (registration form).
export { usePeople } from './api';
