import { sql } from 'drizzle-orm';
import type { Db } from './client';

export const APP_ROLE = 'tds_app';

/** Directory tables: anyone may read (names of provinces and communes are public); only system scope writes. */
const DIRECTORY_TABLES = new Set(['province', 'commune']);
/** Province records every commune of the province may read and add to (but not change): province plans. */
const SHARED_PROVINCE_TABLES = new Set(['province_plan']);
// Each setting is read in a scalar sub-select, so PostgreSQL computes it once per statement (an
// InitPlan) instead of once per row: with a province officer's 100 communes this is the difference
// between 1.2 s and 36 ms for a province roll-up (bench/province).
const IN_READ_PROVINCES = (col: string) =>
  `${col} = ANY ((select string_to_array(nullif(current_setting('app.read_province_ids', true), ''), ',')::uuid[])::uuid[])`;

/** Append-only tables: the application role may insert and read, never change. */
const APPEND_ONLY_TABLES = new Set(['audit_entry']);
/** Tables the application role may only read: the audit chains' anchors, written by a trigger as the owner. */
const READ_ONLY_TABLES = new Set(['audit_head']);

const SCOPE_ALL = `(select current_setting('app.scope_all', true) = 'on')`;
const IN_COMMUNES = (col: string) =>
  `${col} = ANY ((select string_to_array(nullif(current_setting('app.commune_ids', true), ''), ',')::uuid[])::uuid[])`;
const IN_PROVINCES = (col: string) =>
  `${col} = ANY ((select string_to_array(nullif(current_setting('app.province_ids', true), ''), ',')::uuid[])::uuid[])`;

/**
 * Grants for the application role and row-level security on every province and commune table,
 * derived from the columns each table has, so that no new table escapes. Idempotent; runs after
 * every migration. FORCE makes the owner subject to the policies as well.
 */
export async function applySecurity(db: Db): Promise<void> {
  const cols = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
      and c.column_name in ('commune_id', 'province_id')`);
  const tables = new Map<string, Set<string>>();
  for (const r of rowsOf<{ table_name: string; column_name: string }>(cols)) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Set());
    tables.get(r.table_name)!.add(r.column_name);
  }
  const stmts: string[] = [
    `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`,
  ];
  for (const t of APPEND_ONLY_TABLES) stmts.push(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM ${APP_ROLE}`);
  for (const t of READ_ONLY_TABLES) stmts.push(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${t} FROM ${APP_ROLE}`);
  for (const [table, c] of tables) {
    stmts.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`, `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    stmts.push(`DROP POLICY IF EXISTS tenant_isolation ON ${table}`, `DROP POLICY IF EXISTS directory_read ON ${table}`);
    stmts.push(`DROP POLICY IF EXISTS shared_read ON ${table}`, `DROP POLICY IF EXISTS shared_insert ON ${table}`);
    if (SHARED_PROVINCE_TABLES.has(table)) {
      stmts.push(`CREATE POLICY shared_read ON ${table} FOR SELECT USING (${IN_READ_PROVINCES('province_id')})`);
      stmts.push(`CREATE POLICY shared_insert ON ${table} FOR INSERT WITH CHECK (${IN_READ_PROVINCES('province_id')})`);
    }
    if (DIRECTORY_TABLES.has(table)) {
      stmts.push(`CREATE POLICY directory_read ON ${table} FOR SELECT USING (true)`);
      stmts.push(`CREATE POLICY tenant_isolation ON ${table} FOR ALL USING (${SCOPE_ALL}) WITH CHECK (${SCOPE_ALL})`);
      continue;
    }
    const parts = [SCOPE_ALL];
    if (c.has('commune_id')) parts.push(IN_COMMUNES('commune_id'));
    if (c.has('province_id')) parts.push(c.has('commune_id') ? `(commune_id IS NULL AND ${IN_PROVINCES('province_id')})` : IN_PROVINCES('province_id'));
    const expr = parts.join(' OR ');
    stmts.push(`CREATE POLICY tenant_isolation ON ${table} FOR ALL USING (${expr}) WITH CHECK (${expr})`);
  }
  await db.transaction(async (tx) => {
    for (const s of stmts) await tx.execute(sql.raw(s));
  });
  // Let the connecting user switch to the application role (a no-op for superusers).
  try {
    await db.execute(sql.raw(`GRANT ${APP_ROLE} TO CURRENT_USER`));
  } catch {
    /* already a member, or a superuser */
  }
}

/** Rows of a raw `execute` result on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
