import { sql } from 'drizzle-orm';
import { NodePgSession, NodePgTransaction } from 'drizzle-orm/node-postgres';
import pg from 'pg';
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
  const pool = poolOf(db);
  if (pool) return onePoolClient(pool, token, fn);
  return db.transaction(async (tx) => {
    // One round trip: the session token and the role (set_config('role') is SET LOCAL ROLE).
    await tx.execute(sql`select set_config('app.session_token', ${token}, true), set_config('role', ${APP_ROLE}, true)`);
    return fn(tx);
  });
}

/** The node-postgres session and pool behind a drizzle database (PGlite has none). */
function poolOf(db: Db): { session: NodePgSession<never, never>; client: pg.Pool } | null {
  const session = (db as unknown as { session?: unknown }).session;
  if (!(session instanceof NodePgSession)) return null;
  const client = (session as unknown as { client: unknown }).client;
  return client instanceof pg.Pool ? { session: session as NodePgSession<never, never>, client } : null;
}

/**
 * A scoped transaction on PostgreSQL in one round trip: BEGIN and the scope travel as one simple
 * query (the token as an escaped literal: a simple query takes no parameters), where drizzle's own
 * transaction would send BEGIN, wait, then the scope. The transaction object is drizzle's, on the
 * pool client, so everything inside (savepoints included) works as before.
 */
async function onePoolClient<T>(pool: { session: NodePgSession<never, never>; client: pg.Pool }, token: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const root = pool.session as unknown as { dialect: never; schema: never; options: never };
  const client = await pool.client.connect();
  const session = new NodePgSession(client, root.dialect, root.schema, root.options);
  const tx = new NodePgTransaction(root.dialect, session, root.schema) as unknown as Tx;
  let broken = false;
  try {
    await client.query(
      `begin; select set_config('app.session_token', ${client.escapeLiteral(token)}, true), set_config('role', ${client.escapeLiteral(APP_ROLE)}, true)`,
    );
    const result = await fn(tx);
    await client.query('commit');
    return result;
  } catch (err) {
    await client.query('rollback').catch(() => (broken = true));
    throw err;
  } finally {
    // A connection that could not even roll back is not given to the next request.
    client.release(broken || undefined);
  }
}
