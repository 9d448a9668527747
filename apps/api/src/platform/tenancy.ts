import { sql } from 'drizzle-orm';
import { systemDbOf, type Db, type Tx } from '../db/client';
import { APP_ROLE } from '../db/security';

/** What rows the current transaction may see: everything, or a set of communes and provinces. */
export interface Scope {
  all: boolean;
  communeIds: readonly string[];
  provinceIds: readonly string[];
  /** Provinces whose shared records (their plans) the actor may read and add to: those of its communes. */
  readProvinceIds?: readonly string[];
  /**
   * The session token the scope belongs to. Row-level security derives the rows a transaction may
   * see from this token (a function of the session, not a free setting); the lists above only serve
   * the application's own checks. Absent only for the system scope.
   */
  token?: string;
}

/** System work (jobs, login, demo data, CLI): runs on the owner's connection, never for a request. */
export const SYSTEM_SCOPE: Scope = { all: true, communeIds: [], provinceIds: [] };

/**
 * Run `fn` in one transaction. A session's scope runs on the request connection as the application
 * role (bound by row-level security), with the session token set for this transaction only: the
 * policies derive the visible communes from it. The system scope runs on the owner's connection.
 * Every use-case goes through here.
 */
export async function inScope<T>(db: Db, scope: Scope, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (!scope.token) {
    if (!scope.all) throw new Error('inScope: a commune or province scope needs the session it belongs to.');
    return systemDbOf(db).transaction(fn);
  }
  const token = scope.token;
  return db.transaction(async (tx) => {
    // One round trip: the session token and the role (set_config('role') is SET LOCAL ROLE).
    await tx.execute(sql`select set_config('app.session_token', ${token}, true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}
