import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useRouteError } from 'react-router';
import type { Permission } from '@tds/contracts';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { wasSignedOutOnPurpose, useMe } from '../features/auth/api';
import { CommuneProvider, MeProvider, useCan } from '../lib/session';
import { FullPageSpin } from '../components/ui/FullPageSpin';
import { Forbidden } from '../components/ui/Forbidden';
import { ErrorAlert } from '../components/ui/ErrorAlert';
import { AppLayout } from './AppLayout';

const LoginPage = lazy(() => import('../features/auth/pages/LoginPage'));
const ForcedChangePasswordPage = lazy(() => import('../features/auth/pages/ForcedChangePasswordPage'));
const HomePage = lazy(() => import('./HomePage'));
const OrgPage = lazy(() => import('../features/org/pages/OrgPage'));
const TerritoryPage = lazy(() => import('../features/org/pages/TerritoryPage'));
const PeoplePage = lazy(() => import('../features/people/pages/PeoplePage'));
const UsersPage = lazy(() => import('../features/users/pages/UsersPage'));
const AuditPage = lazy(() => import('../features/audit/pages/AuditPage'));
const PlansPage = lazy(() => import('../features/plans/pages/PlansPage'));
const PlanDetailPage = lazy(() => import('../features/plans/pages/PlanDetailPage'));
const PlanEditorPage = lazy(() => import('../features/plans/pages/PlanEditorPage'));
const PlanImportPage = lazy(() => import('../features/plans/pages/PlanImportPage'));
const CalendarPage = lazy(() => import('../features/plans/pages/CalendarPage'));
const ReportsPage = lazy(() => import('../features/reporting/pages/ReportsPage'));
const ReportFormPage = lazy(() => import('../features/reporting/pages/ReportFormPage'));
const RegistrationPage = lazy(() => import('../features/reporting/pages/RegistrationPage'));
const DashboardPage = lazy(() => import('../features/progress/pages/DashboardPage'));
const IndicatorsPage = lazy(() => import('../features/progress/pages/IndicatorsPage'));
const RemindersPage = lazy(() => import('../features/progress/pages/RemindersPage'));

function Lazy({ page: Page }: { page: ComponentType }) {
  return (
    <Suspense fallback={<FullPageSpin height="60vh" />}>
      <Page />
    </Suspense>
  );
}

/** Only signed-in users with a settled password get past this point. */
function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <div style={{ maxWidth: 560, margin: '64px auto', padding: 16 }}>
        <ErrorAlert error={error} />
        <Button onClick={() => void refetch()}>{t('common.reload')}</Button>
      </div>
    );
  }
  if (!me) {
    const next = wasSignedOutOnPurpose() ? '' : location.pathname + location.search;
    return <Navigate to={next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login'} replace />;
  }
  if (me.user.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <MeProvider me={me}>{children}</MeProvider>;
}

function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const allowed = useCan(permission);
  return allowed ? <>{children}</> : <Forbidden />;
}

function RouteError() {
  const error = useRouteError();
  const { t } = useTranslation();
  console.error(error);
  return (
    <Result
      status="error"
      title={t('errors.boundaryTitle')}
      subTitle={t('errors.boundaryHint')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('errors.reloadPage')}
        </Button>
      }
    />
  );
}

function NotFound() {
  const { t } = useTranslation();
  return <Result status="404" title="404" subTitle={t('common.notFound')} extra={<Button href="/">{t('common.goHome')}</Button>} />;
}

const guarded = (permission: Permission, page: ComponentType) => (
  <RequirePermission permission={permission}>
    <Lazy page={page} />
  </RequirePermission>
);

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: <Lazy page={LoginPage} /> },
      { path: '/change-password', element: <Lazy page={ForcedChangePasswordPage} /> },
      {
        path: '/',
        element: (
          <RequireAuth>
            <CommuneProvider>
              <AppLayout>
                <Outlet />
              </AppLayout>
            </CommuneProvider>
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Lazy page={HomePage} /> },
          { path: 'org', element: guarded('org.read', OrgPage) },
          { path: 'territory', element: guarded('org.territory.write', TerritoryPage) },
          { path: 'people', element: guarded('person.read', PeoplePage) },
          { path: 'users', element: guarded('user.read', UsersPage) },
          { path: 'audit', element: guarded('audit.read', AuditPage) },
          { path: 'plans', element: guarded('plan.read', PlansPage) },
          { path: 'plans/new', element: guarded('plan.write', PlanEditorPage) },
          { path: 'plans/import', element: guarded('plan.write', PlanImportPage) },
          { path: 'plans/:id', element: guarded('plan.read', PlanDetailPage) },
          { path: 'plans/:id/edit', element: guarded('plan.write', PlanEditorPage) },
          { path: 'calendar', element: guarded('plan.read', CalendarPage) },
          { path: 'reports', element: guarded('report.read', ReportsPage) },
          { path: 'reports/:reportId', element: guarded('report.read', ReportFormPage) },
          { path: 'registration', element: guarded('report.read', RegistrationPage) },
          { path: 'progress', element: guarded('report.read', DashboardPage) },
          { path: 'indicators', element: guarded('report.read', IndicatorsPage) },
          { path: 'reminders', element: guarded('notify.manage', RemindersPage) },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
]);
