/** Uploaded files, kept in the database so that every app instance shares them: the module's face. */
import type { ModuleManifest } from '../../platform/module';
import * as filesTables from './files.table';

export { deleteFile, fileMeta, readFile, storeFile, type FileMeta } from './files.store';

export const manifest: ModuleManifest = { name: 'files', tables: filesTables };
