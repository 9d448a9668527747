import { z } from 'zod';

// Vietnamese validation messages everywhere the schemas run (server and browser).
z.config(z.locales.vi());

export * from './errors.js';
export * from './permissions.js';
export * from './text.js';
export * from './dates.js';
export * from './common.js';
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
export * from './commune-reports.js';
