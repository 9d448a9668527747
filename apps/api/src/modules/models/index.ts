/** Điển hình tiên tiến, mô hình hay: exemplary models, their stories and photos, published to the portal: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as modelsTables from './models.table';
import { modelsRoutes } from './models.routes';

/** The published models of a commune and year, as the public portal (and the consolidated report) shows them. */
export { publishedModels } from './public-models';

/** For the demo data: the table it fills and its search key. */
export { exemplaryModel } from './models.table';
export { modelSearchKey } from './models.store';

export const manifest: ModuleManifest = {
  name: 'models',
  routes: modelsRoutes,
  tables: modelsTables,
  permissions: ['model.read', 'model.write', 'model.publish'],
  matrix: async () => [(await import('./models.matrix')).modelsMatrix],
};
