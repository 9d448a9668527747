import { PASSWORD } from '../../testing/world';
import type { Ctx, MatrixModule } from '../../testing/matrix-types';

const userOf = (c: Ctx) => (c.side === 'own' ? c.w.users['a.target']!.id : c.w.users['c.admin']!.id);

/** Authorization-matrix fixtures for the auth routes (sign-in, password, an administrator's reset and unlock). */
export const authMatrix: MatrixModule = {
  fixtures: {
    'POST /api/auth/login': {},
    'POST /api/auth/logout': {},
    'GET /api/auth/me': {},
    'POST /api/auth/change-password': { body: () => ({ currentPassword: 'wrong-current', newPassword: 'KhongDoi2025x' }) },
    'POST /api/users/:id/reset-password': { params: (c) => ({ id: userOf(c) }), body: () => ({ newPassword: PASSWORD }) },
    'POST /api/users/:id/unlock': { params: (c) => ({ id: userOf(c) }) },
  },
};
