import { modules } from '../modules';
import * as audit from '../platform/audit.table';

/**
 * Every table: the platform's (the audit log) and each module's, gathered from the one module list.
 * drizzle-kit reads the same table files (drizzle.config.ts); tests check the schema against it.
 */
export const tables: Readonly<Record<string, unknown>> = Object.assign({}, audit, ...modules.map((m) => m.tables ?? {}));
