/** Progress, computed never typed: completeness, indicators, leagues, roll-ups, consolidated reports: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { progressRoutes } from './progress.routes';

export const manifest: ModuleManifest = { name: 'progress', routes: progressRoutes, matrix: async () => [(await import('./progress.matrix')).progressMatrix] };
