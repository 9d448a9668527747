import type { Feature } from '../lib/feature';
import { auditFeature } from './audit';
import { authFeature } from './auth';
import { communeReportsFeature } from './commune-reports';
import { orgFeature } from './org';
import { peopleFeature } from './people';
import { plansFeature } from './plans';
import { progressFeature } from './progress';
import { reportingFeature } from './reporting';
import { initiativesFeature } from './initiatives';
import { inspectionsFeature } from './inspections';
import { modelsFeature } from './models';
import { scoringFeature } from './scoring';
import { trainingFeature } from './training';
import { usersFeature } from './users';

/**
 * Every feature of the web app, once. The router and the side menu are built from this list;
 * adding a feature is a folder features/<f>/ with an index.ts, one line here and its strings.
 */
export const features: readonly Feature[] = [
  authFeature,
  orgFeature,
  peopleFeature,
  usersFeature,
  auditFeature,
  plansFeature,
  reportingFeature,
  communeReportsFeature,
  progressFeature,
  trainingFeature,
  scoringFeature,
  initiativesFeature,
  modelsFeature,
  inspectionsFeature,
];
