/** Users and their roles: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { usersRoutes } from './users.routes';
import * as usersTables from './users.table';

export { describeRoles } from './role-names';
export { findLoginUser, findUserById, loadUser, presentUsers, recordLogin, setPasswordHash, touchUser } from './users.store';
export type { AppUserRow } from './users.table';

/** Read models other modules may join on (written only by this module). */
export const tables = { appUser: usersTables.appUser, roleAssignment: usersTables.roleAssignment };

export { appUser, roleAssignment } from './users.table';

export const manifest: ModuleManifest = {
  name: 'users',
  matrix: async () => [(await import('./users.matrix')).usersMatrix],
  routes: usersRoutes,
  tables: usersTables,
  permissions: ['user.read', 'user.manage'],
  errorCodes: ['DUPLICATE_USERNAME'],
};
