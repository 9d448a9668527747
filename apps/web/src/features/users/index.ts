import { lazy } from 'react';
import { UsergroupAddOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** User accounts and their roles. */
export const usersFeature: Feature = {
  name: 'users',
  routes: [{ path: 'users', area: 'app', permission: 'user.read', page: lazy(() => import('./pages/UsersPage')) }],
  menu: [{ key: 'users', path: '/users', labelKey: 'nav.users', icon: UsergroupAddOutlined, permission: 'user.read', testId: 'menu-users', order: 100 }],
};
