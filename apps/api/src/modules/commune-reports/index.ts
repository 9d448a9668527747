/** The commune's own reports to its province (yearly, mid-term, final): the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { communeReportsRoutes } from './commune-reports.routes';
import * as communeReportTables from './commune-reports.table';
import { refreshCommuneDueItems } from './refresh-commune-due-items';
import { communeReportTodo, provinceReviewTodo } from './todo';

/** The demo's history of past years (demo data only). */
export { seedPastCommuneReports } from './seed-commune-reports';
/** Read models other modules may join on (written only by this module). */
export { communeDueItem, communeReport } from './commune-reports.table';

export const manifest: ModuleManifest = {
  name: 'commune-reports',
  routes: communeReportsRoutes,
  tables: communeReportTables,
  permissions: ['commune_report.review'],
  /** A published plan gives the commune its due items to the province. */
  onPlanPublished: refreshCommuneDueItems,
  /** "Việc của tôi": what the commune owes or must correct, and what waits for the province's officers. */
  todo: [communeReportTodo, provinceReviewTodo],
  matrix: async () => [(await import('./commune-reports.matrix')).communeReportsMatrix],
};
