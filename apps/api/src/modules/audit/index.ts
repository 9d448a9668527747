/** Browsing the audit log (the log itself is the platform's: platform/audit.ts): the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { auditRoutes } from './audit.routes';

export const manifest: ModuleManifest = {
  name: 'audit',
  routes: auditRoutes,
  permissions: ['audit.read'],
  matrix: async () => [(await import('./audit.matrix')).auditMatrix],
};
