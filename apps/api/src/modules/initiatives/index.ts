/** Sáng kiến, giải pháp: the register of initiatives and their recognitions: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as initiativesTables from './initiatives.table';
import { initiativesRoutes } from './initiatives.routes';

/** For the commendation eligibility rules: recognised initiatives counted, and one initiative's recognitions. */
export { countRecognizedInitiatives, initiativeSummary } from './recognized-initiatives';

/** For the demo data: the tables it fills and the keys they hold. */
export { initiative, initiativeAuthor, initiativeRecognition } from './initiatives.table';
export { initiativeSearchKey, recognitionNumberKey } from './initiatives.store';

export const manifest: ModuleManifest = {
  name: 'initiatives',
  routes: initiativesRoutes,
  tables: initiativesTables,
  permissions: ['initiative.read', 'initiative.write', 'initiative.recognize'],
  matrix: async () => [(await import('./initiatives.matrix')).initiativesMatrix],
};
