import { z } from 'zod';
import { zodIssueMessageVi } from './zod-messages.js';

// Vietnamese validation messages everywhere the schemas run (server and browser), without type names.
z.config({ localeError: zodIssueMessageVi });

export * from './errors.js';
export * from './permissions.js';
export * from './text.js';
export * from './dates.js';
export * from './common.js';
export * from './field-labels.js';
export * from './zod-messages.js';
export * from './schema-keys.js';
export * from './org.js';
export * from './people.js';
export * from './users.js';
export * from './audit.js';
export * from './plan-document.js';
export * from './plans.js';
export * from './reports.js';
export * from './registration.js';
export * from './indicators.js';
export * from './progress.js';
export * from './notify.js';
export * from './workflow.js';
export * from './todo.js';
export * from './participation.js';
export * from './plan-dates.js';
export * from './commune-reports.js';
export * from './training.js';
export * from './scoring.js';
export * from './scoring-arithmetic.js';
export * from './initiatives.js';
export * from './models.js';
export * from './inspections.js';
export * from './cell-dates.js';
