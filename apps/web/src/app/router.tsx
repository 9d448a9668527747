import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, Outlet, useLocation, useRouteError, type RouteObject } from 'react-router';
import type { Permission } from '@tds/contracts';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { wasSignedOutOnPurpose, useMe } from '../features/auth';
import { features } from '../features';
import type { FeatureRoute } from '../lib/feature';
import { CommuneProvider, MeProvider, useCan } from '../lib/session';
import { FullPageSpin } from '../components/ui/FullPageSpin';
import { Forbidden } from '../components/ui/Forbidden';
import { ErrorAlert } from '../components/ui/ErrorAlert';

const HomePage = lazy(() => import('./HomePage'));
// The signed-in shell (menu, header) is its own chunk: the login page does not load it.
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));

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

/** The routes of every feature in `area`, as router objects (pages behind their permission). */
function featureRoutes(area: FeatureRoute['area']): RouteObject[] {
  return features.flatMap((f) =>
    f.routes.filter((r) => r.area === area).map((r) => ({ path: r.path, element: r.permission ? guarded(r.permission, r.page) : <Lazy page={r.page} /> })),
  );
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      ...featureRoutes('public'),
      {
        path: '/',
        element: (
          <RequireAuth>
            <CommuneProvider>
              <Suspense fallback={<FullPageSpin />}>
                <AppLayout>
                  <Outlet />
                </AppLayout>
              </Suspense>
            </CommuneProvider>
          </RequireAuth>
        ),
        children: [{ index: true, element: <Lazy page={HomePage} /> }, ...featureRoutes('app'), { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);
