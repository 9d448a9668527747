import { lazy } from 'react';
import type { Feature } from '../../lib/feature';

/** Sign-in, sign-out, the signed-in user and password changes. */
export const authFeature: Feature = {
  name: 'auth',
  routes: [
    { path: '/login', area: 'public', page: lazy(() => import('./pages/LoginPage')) },
    { path: '/change-password', area: 'public', page: lazy(() => import('./pages/ForcedChangePasswordPage')) },
  ],
  menu: [],
};

export { meKey, useLogout, useMe, wasSignedOutOnPurpose } from './api';
export { ChangePasswordForm } from './components/ChangePasswordForm';
