/** The signed-in user's home page: "Việc của tôi", gathered from every module's to-do sources. The module's face. */
import type { ModuleManifest } from '../../platform/module';
import { homeRoutes } from './home.routes';

export { listTodo } from './list-todo';

export const manifest: ModuleManifest = {
  name: 'home',
  routes: homeRoutes,
  matrix: async () => [(await import('./home.matrix')).homeMatrix],
};
