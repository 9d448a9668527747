/** Registration (đăng ký thi đua) and reports of due items: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { answeredDueItems } from './answered-due-items';
import { registrationRoutes } from './registration.routes';
import * as reportingTables from './reporting.table';
import { reportsRoutes } from './reports.routes';
import { reviewTodo, unitTodo } from './todo';

export { answeredDueItems };
/** Read models other modules join on (written only by this module). */
export { registration, report } from './reporting.table';

export { saveRegistration } from './registration-save';
export { recordReportValues } from './report-indicators';
export { checkValues } from './report-values';
export { reportVersion } from './reporting.table';

export const manifest: ModuleManifest = {
  name: 'reporting',
  routes: async (app, deps) => {
    await reportsRoutes(app, deps);
    await registrationRoutes(app, deps);
  },
  tables: reportingTables,
  permissions: ['report.read', 'report.write', 'report.review'],
  errorCodes: ['REPORT_LOCKED', 'INVALID_TRANSITION', 'REGISTRATION_CLOSED'],
  dueItemUses: [answeredDueItems],
  /** "Việc của tôi": what a unit owes or must correct, and what waits for the commune's reviewers. */
  todo: [unitTodo, reviewTodo],
  matrix: async () => {
    const [reports, registrations] = await Promise.all([import('./reports.matrix'), import('./registration.matrix')]);
    return [reports.reportsMatrix, registrations.registrationMatrix];
  },
};
