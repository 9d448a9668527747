/** Progress, computed never typed: completeness, indicators, leagues, roll-ups, consolidated reports: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { progressRoutes } from './progress.routes';

/** What the consolidated report of a commune gathers for a year (cycles, accepted unit reports, indicators): the commune's report to its province reuses it. */
export { loadConsolidatedData, type ConsolidatedData } from './consolidated-data';
export { countsOf } from './cycle';
export type { ProgressNode } from './scope';

export const manifest: ModuleManifest = { name: 'progress', routes: progressRoutes, matrix: async () => [(await import('./progress.matrix')).progressMatrix] };
