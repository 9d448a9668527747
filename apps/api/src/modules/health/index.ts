/** Liveness and readiness: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { healthRoutes } from './health.routes';

export const manifest: ModuleManifest = { name: 'health', routes: healthRoutes, errorCodes: ['NOT_READY'] };
