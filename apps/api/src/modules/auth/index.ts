/** Signing in and out, passwords and their throttling, administrators' resets: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as authTables from './auth.table';
import { authRoutes } from './auth.routes';

export { createSession } from './sessions';

export const manifest: ModuleManifest = {
  name: 'auth',
  matrix: async () => [(await import('./auth.matrix')).authMatrix],
  routes: authRoutes,
  tables: authTables,
  errorCodes: [
    'UNAUTHENTICATED',
    'INVALID_CREDENTIALS',
    'SESSION_EXPIRED',
    'PASSWORD_CHANGE_REQUIRED',
    'CSRF_INVALID',
    'PASSWORD_WEAK',
    'PASSWORD_REUSED',
    'TOO_MANY_REQUESTS',
  ],
};
