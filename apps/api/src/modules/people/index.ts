/** Individuals of a commune's units: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as peopleTables from './people.table';
import { peopleRoutes } from './people.routes';

/** Read model other modules join on (written only by this module). */
export { person } from './people.table';
export const tables = { person: peopleTables.person };

export const manifest: ModuleManifest = {
  name: 'people',
  routes: peopleRoutes,
  tables: peopleTables,
  permissions: ['person.read', 'person.write'],
  matrix: async () => [(await import('./people.matrix')).peopleMatrix],
};
