/** Movement plans: templates, import, versions, publishing into due items, printing: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import { loadPlanReaders } from './import-plan';
import { planParseCommand } from './plan-parse-command';
import { activeUnits, participatingUnits } from './participation';
import { planYears } from './plan-rules';
import * as plansTables from './plans.table';
import { plansRoutes } from './plans.routes';

export { buildPlanTemplate } from './plan-template';
export { loadDoc, loadPlan } from './plan-store';
export { activeUnits, participatingUnits, planYears };
/** Who owes a deadline (the commune itself or units), what it asks for and its dated instances: the commune's own due items use them. */
export { deadlineOwners } from './participation';
export { dueCadence, dueKind } from './plan-rules';
export { lastOnTimeDay } from './due-dates';
export type { PlanRow } from './plans.table';
/** Read models other modules join on (written only by this module). */
export { awardKind, dueItem, plan, planVersion } from './plans.table';

export { parsePlanText } from './parser';
export { createPlan } from './create-plan';
export { updatePlan } from './update-plan';
export { publishPlan } from './publish-plan';

export const manifest: ModuleManifest = {
  name: 'plans',
  matrix: async () => [(await import('./plans.matrix')).plansMatrix],
  routes: plansRoutes,
  workerPreload: [loadPlanReaders],
  tables: plansTables,
  permissions: ['plan.read', 'plan.write', 'plan.publish', 'province_plan.write'],
  errorCodes: ['NOT_A_PLAN', 'FILE_UNREADABLE', 'PLAN_CONFLICTS', 'PLAN_UNREACHED', 'PLAN_DATES', 'PLAN_NOT_PUBLISHED', 'FILE_TOO_COMPLEX'],
  cli: [planParseCommand],
};
