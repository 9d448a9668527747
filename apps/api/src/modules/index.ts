/**
 * The one list of modules. `app.ts` registers their routes, `db/schema.ts` gathers their tables, the
 * authorization-matrix test loads their fixtures, the server starts their jobs and the CLI offers
 * their commands. Adding a module is one folder with an `index.ts` face, one line here, and its
 * translations.
 */
import { installModules } from '../platform/extensions';
import type { ModuleManifest } from '../platform/module';
import { manifest as audit } from './audit';
import { manifest as auth } from './auth';
import { manifest as communeReports } from './commune-reports';
import { manifest as documents } from './documents';
import { manifest as files } from './files';
import { manifest as health } from './health';
import { manifest as home } from './home';
import { manifest as indicators } from './indicators';
import { manifest as notify } from './notify';
import { manifest as org } from './org';
import { manifest as people } from './people';
import { manifest as plans } from './plans';
import { manifest as progress } from './progress';
import { manifest as reporting } from './reporting';
import { manifest as inspections } from './inspections';
import { manifest as initiatives } from './initiatives';
import { manifest as models } from './models';
import { manifest as scoring } from './scoring';
import { manifest as training } from './training';
import { manifest as users } from './users';

export const modules: readonly ModuleManifest[] = [
  health,
  org,
  files,
  people,
  users,
  auth,
  audit,
  documents,
  plans,
  reporting,
  indicators,
  progress,
  communeReports,
  training,
  initiatives,
  models,
  inspections,
  scoring,
  notify,
  home,
];

installModules(modules);
