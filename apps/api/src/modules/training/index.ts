/** Bình dân học vụ số: residents, teams, sessions, attendance, help and coverage: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { coverageProvider } from './coverage';
import * as trainingTables from './training.table';
import { trainingRoutes } from './training.routes';

export { computeCoverage } from './coverage';

export const manifest: ModuleManifest = {
  name: 'training',
  routes: trainingRoutes,
  tables: trainingTables,
  permissions: ['training.read', 'training.record', 'training.manage'],
  errorCodes: ['RESIDENT_DUPLICATE', 'PHOTO_LIMIT'],
  providers: [coverageProvider],
  matrix: async () => [(await import('./training.matrix')).trainingMatrix],
};

/** For the demo data: the tables it fills in bulk, the name keys and the coverage refresh. */
export { attendance, helpLog, resident, trainingSession, villagePopulation } from './training.table';
export { residentKeys } from './training.store';
export { refreshCoverage } from './training-context';
