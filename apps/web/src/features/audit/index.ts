import { lazy } from 'react';
import { AuditOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

/** The audit log. */
export const auditFeature: Feature = {
  name: 'audit',
  routes: [{ path: 'audit', area: 'app', permission: 'audit.read', page: lazy(() => import('./pages/AuditPage')) }],
  menu: [{ key: 'audit', path: '/audit', labelKey: 'nav.audit', icon: AuditOutlined, permission: 'audit.read', testId: 'menu-audit', order: 110 }],
};
