import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client';
import { APP_ROLE } from '../db/security';

/** What rows the current transaction may see: everything, or a set of communes and provinces. */
export interface Scope {
  all: boolean;
  communeIds: readonly string[];
  provinceIds: readonly string[];
  /** Provinces whose shared records (their plans) the actor may read and add to: those of its communes. */
  readProvinceIds?: readonly string[];
}

export const SYSTEM_SCOPE: Scope = { all: true, communeIds: [], provinceIds: [] };

/**
 * Run `fn` in one transaction as the application role (bound by row-level security), with the
 * scope set for this transaction only. Every use-case goes through here.
 */
export async function inScope<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    // One round trip: the scope and the role (set_config('role') is SET LOCAL ROLE).
    await tx.execute(sql`select set_config('app.scope_all', ${scope.all ? 'on' : 'off'}, true),
      set_config('app.commune_ids', ${scope.communeIds.join(',')}, true),
      set_config('app.province_ids', ${scope.provinceIds.join(',')}, true),
      set_config('app.read_province_ids', ${(scope.readProvinceIds ?? scope.provinceIds).join(',')}, true),
      set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}
