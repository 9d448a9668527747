/** The organisation tree (provinces, communes, units) and its Excel import/export: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { loadWorkbookReader } from './import-units';
import * as orgTables from './org.table';
import { orgRoutes } from './org.routes';
import { unitExcelRoutes } from './unit-excel.routes';

export { isActiveOn } from './org.rules';
export { loadUnit } from './unit-store';
export type { CommuneRow, ProvinceRow, UnitRow } from './org.table';
/** Read models other modules join on (written only by this module). */
export { commune, province, unit } from './org.table';
export const tables = { province: orgTables.province, commune: orgTables.commune, unit: orgTables.unit };

export { childPath } from './org.rules';
export { unitKeys } from './unit-store';

export const manifest: ModuleManifest = {
  name: 'org',
  matrix: async () => [(await import('./org.matrix')).orgMatrix],
  routes: async (app, deps) => {
    await orgRoutes(app, deps);
    await unitExcelRoutes(app, deps);
  },
  workerPreload: [loadWorkbookReader],
  tables: orgTables,
  permissions: ['org.read', 'org.territory.write', 'org.unit.write'],
  errorCodes: ['UNIT_CYCLE', 'UNIT_PARENT_INVALID', 'UNIT_HAS_CHILDREN', 'DATE_RANGE_INVALID', 'IMPORT_ROWS_INVALID', 'IMPORT_EMPTY'],
};
