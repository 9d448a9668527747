import { lazy } from 'react';
import { CalendarOutlined, FileTextOutlined } from '@ant-design/icons';
import type { Feature } from '../../lib/feature';

const PlanEditorPage = lazy(() => import('./pages/PlanEditorPage'));

/** Plans (kế hoạch): list, editor, import from a document, publishing, and the calendar. */
export const plansFeature: Feature = {
  name: 'plans',
  routes: [
    { path: 'plans', area: 'app', permission: 'plan.read', page: lazy(() => import('./pages/PlansPage')) },
    { path: 'plans/new', area: 'app', permission: 'plan.write', page: PlanEditorPage },
    { path: 'plans/import', area: 'app', permission: 'plan.write', page: lazy(() => import('./pages/PlanImportPage')) },
    { path: 'plans/:id', area: 'app', permission: 'plan.read', page: lazy(() => import('./pages/PlanDetailPage')) },
    { path: 'plans/:id/edit', area: 'app', permission: 'plan.write', page: PlanEditorPage },
    { path: 'calendar', area: 'app', permission: 'plan.read', page: lazy(() => import('./pages/CalendarPage')) },
  ],
  menu: [
    { key: 'plans', path: '/plans', labelKey: 'nav.plans', icon: FileTextOutlined, permission: 'plan.read', testId: 'menu-plans', order: 20 },
    { key: 'calendar', path: '/calendar', labelKey: 'nav.calendar', icon: CalendarOutlined, permission: 'plan.read', testId: 'menu-calendar', order: 30 },
  ],
};

// The plan list, used by reporting (registration page).
export { usePlans } from './api';
