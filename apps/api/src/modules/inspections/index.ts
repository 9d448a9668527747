/** Kiểm tra, giám sát: the council's visits to units, findings, recommendations, answers and follow-up: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as inspectionTables from './inspections.table';
import { inspectionsRoutes } from './inspections.routes';
import { answerTodo, followUpTodo } from './todo';

/** For the scoring module: an inspection's result cited as evidence in a unit's score, and a unit's inspections of a year. */
export { inspectionEvidence, inspectionsOfUnit } from './inspection-evidence';

export const manifest: ModuleManifest = {
  name: 'inspections',
  routes: inspectionsRoutes,
  tables: inspectionTables,
  permissions: ['inspection.read', 'inspection.manage', 'inspection.record', 'inspection.answer'],
  /** "Việc của tôi": recommendations a unit has to answer (or answer again), and answered ones the office follows up. */
  todo: [answerTodo, followUpTodo],
  matrix: async () => [(await import('./inspections.matrix')).inspectionsMatrix],
};

/** For the demo data: the tables it fills directly. */
export { inspection, inspectionFinding, inspectionMember, inspectionRecommendation, inspectionUnit } from './inspections.table';
