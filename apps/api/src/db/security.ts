import { sql } from 'drizzle-orm';
import type { Db } from './client';

export const APP_ROLE = 'tds_app';

/**
 * Tables the application role may not touch at all: sessions (with CSRF tokens), the login
 * throttle and job leases. Request work reaches sessions only through the
 * SECURITY DEFINER functions below, which take the session's token; the rest is system work.
 */
export const SYSTEM_ONLY_TABLES: ReadonlySet<string> = new Set(['session', 'login_throttle', 'job_lock']);
/** Directory tables: anyone may read (names of provinces and communes are public); only the system writes. */
const DIRECTORY_TABLES = new Set(['province', 'commune']);
/** Province records every commune of the province may read (written by the province): province plans, rubric templates. */
const SHARED_PROVINCE_TABLES = new Set(['province_plan', 'scoring_template']);
/** Append-only tables: the application role may insert and read, never change. */
const APPEND_ONLY_TABLES = new Set(['audit_entry']);
/** Tables the application role may only read: the audit chains' anchors, written by a trigger as the owner. */
const READ_ONLY_TABLES = new Set(['audit_head']);

// Each scope function is called in a scalar sub-select, so PostgreSQL computes it once per statement
// (an InitPlan) instead of once per row: with a province officer's 100 communes this is the difference
// between 1.2 s and 36 ms for a province roll-up (bench/province).
const SEES_ALL = `(select tds_rls_all())`;
const IN_COMMUNES = (col: string) => `${col} = ANY ((select tds_rls_communes())::uuid[])`;
const IN_PROVINCES = (col: string) => `${col} = ANY ((select tds_rls_provinces())::uuid[])`;
const IN_READ_PROVINCES = (col: string) => `${col} = ANY ((select tds_rls_read_provinces())::uuid[])`;

const quoteLiteral = (s: string) => `'${s.replace(/'/gu, "''")}'`;
const quoteIdent = (s: string) => `"${s.replace(/"/gu, '""')}"`;

/**
 * The functions the policies call. The scope of a transaction is a function of the session token it
 * runs for (`app.session_token`, hashed and looked up here), never of a setting the caller could
 * choose: a hand-set `app.*` value widens nothing. The owner's own connection (migrations, jobs,
 * the CLI, and these SECURITY DEFINER functions themselves) sees everything.
 */
function scopeFunctions(owner: string): string[] {
  const own = `pg_has_role(current_user, ${quoteLiteral(owner)}, 'MEMBER')`;
  const definer = `LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp`;
  const invoker = `LANGUAGE plpgsql STABLE SET search_path = public, pg_temp`;
  // The live session of the transaction's token: its user, if the session is current and the user enabled.
  const sessionUser = `
    SELECT s.user_id INTO uid FROM session s JOIN app_user u ON u.id = s.user_id
     WHERE s.id = encode(sha256(convert_to(t, 'UTF8')), 'hex') AND s.expires_at > now()
       AND s.created_at > now() - interval '12 hours' AND NOT u.disabled;`;
  const head = `DECLARE t text := current_setting('app.session_token', true); uid uuid; r uuid[];
BEGIN
  IF t IS NULL OR t = '' THEN RETURN '{}'; END IF;${sessionUser}
  IF uid IS NULL THEN RETURN '{}'; END IF;`;
  return [
    `CREATE OR REPLACE FUNCTION tds_session_all() RETURNS boolean ${definer} AS $$
DECLARE t text := current_setting('app.session_token', true); uid uuid;
BEGIN
  IF t IS NULL OR t = '' THEN RETURN false; END IF;${sessionUser}
  IF uid IS NULL THEN RETURN false; END IF;
  RETURN EXISTS (SELECT 1 FROM role_assignment WHERE user_id = uid AND role = 'system_admin');
END $$`,
    `CREATE OR REPLACE FUNCTION tds_session_communes() RETURNS uuid[] ${definer} AS $$
${head}
  SELECT array_agg(c.id) INTO r FROM commune c
   WHERE c.id IN (SELECT commune_id FROM role_assignment WHERE user_id = uid AND commune_id IS NOT NULL)
      OR c.province_id IN (SELECT province_id FROM role_assignment WHERE user_id = uid AND commune_id IS NULL AND province_id IS NOT NULL);
  RETURN coalesce(r, '{}');
END $$`,
    `CREATE OR REPLACE FUNCTION tds_session_provinces() RETURNS uuid[] ${definer} AS $$
${head}
  SELECT array_agg(DISTINCT province_id) INTO r FROM role_assignment WHERE user_id = uid AND commune_id IS NULL AND province_id IS NOT NULL;
  RETURN coalesce(r, '{}');
END $$`,
    `CREATE OR REPLACE FUNCTION tds_session_read_provinces() RETURNS uuid[] ${definer} AS $$
${head}
  SELECT array_agg(DISTINCT p) INTO r FROM (
    SELECT province_id AS p FROM role_assignment WHERE user_id = uid AND commune_id IS NULL AND province_id IS NOT NULL
    UNION SELECT c.province_id FROM commune c JOIN role_assignment ra ON ra.commune_id = c.id WHERE ra.user_id = uid) x;
  RETURN coalesce(r, '{}');
END $$`,
    // The policies' entry points run as the caller, so that the owner's connection (and the definer
    // functions above) are recognised by current_user and never recurse into the session lookups.
    `CREATE OR REPLACE FUNCTION tds_rls_all() RETURNS boolean ${invoker} AS $$
BEGIN
  IF ${own} THEN RETURN true; END IF;
  RETURN tds_session_all();
END $$`,
    ...(['communes', 'provinces', 'read_provinces'] as const).map(
      (k) => `CREATE OR REPLACE FUNCTION tds_rls_${k}() RETURNS uuid[] ${invoker} AS $$
BEGIN
  IF ${own} THEN RETURN '{}'; END IF;
  RETURN tds_session_${k}();
END $$`,
    ),
  ];
}

/** Functions the application role may call (everything else in public is revoked from PUBLIC). */
const APP_FUNCTIONS = [
  'tds_rls_all()',
  'tds_rls_communes()',
  'tds_rls_provinces()',
  'tds_rls_read_provinces()',
  'tds_session_all()',
  'tds_session_communes()',
  'tds_session_provinces()',
  'tds_session_read_provinces()',
  'tds_session_actor(text, integer)',
  'tds_session_end(text)',
  'tds_unit_version(uuid)',
  'tds_user_facts(uuid[])',
  'tds_audit_lock_head(uuid)',
  'tds_province_reviewers(uuid, text[])',
];

/**
 * Grants for the application role and row-level security on every table of the public schema,
 * derived from the columns each table has, so that no new table escapes: a table with a tenant
 * column is isolated by commune/province, one without is a catalogue the application role may only
 * read (writes need a system administrator's session), and the system tables are out of its reach.
 * Idempotent; runs after every migration as the owner. FORCE binds the owner to the policies too
 * (the owner's own connection passes them: it is the system).
 */
export async function applySecurity(db: Db, opts: { requestRole?: string | null } = {}): Promise<void> {
  const owner = rowsOf<{ u: string }>(await db.execute(sql`select current_user::text as u`))[0]!.u;
  const cols = await db.execute<{ table_name: string; column_name: string | null }>(sql`
    select t.table_name, c.column_name from information_schema.tables t
    left join information_schema.columns c on c.table_schema = t.table_schema and c.table_name = t.table_name
      and c.column_name in ('commune_id', 'province_id')
    where t.table_schema = 'public' and t.table_type = 'BASE TABLE'`);
  const tables = new Map<string, Set<string>>();
  for (const r of rowsOf<{ table_name: string; column_name: string | null }>(cols)) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Set());
    if (r.column_name) tables.get(r.table_name)!.add(r.column_name);
  }
  const stmts: string[] = [
    `GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE}`,
  ];
  for (const f of APP_FUNCTIONS) stmts.push(`GRANT EXECUTE ON FUNCTION ${f} TO ${APP_ROLE}`);
  for (const t of APPEND_ONLY_TABLES) stmts.push(`REVOKE UPDATE, DELETE, TRUNCATE ON ${t} FROM ${APP_ROLE}`);
  for (const t of READ_ONLY_TABLES) stmts.push(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${t} FROM ${APP_ROLE}`);
  for (const [table, c] of tables) {
    stmts.push(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`, `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
    for (const p of ['tenant_isolation', 'directory_read', 'shared_read', 'shared_insert', 'system_only', 'catalogue_read', 'catalogue_write']) {
      stmts.push(`DROP POLICY IF EXISTS ${p} ON ${table}`);
    }
    if (SYSTEM_ONLY_TABLES.has(table)) {
      stmts.push(`REVOKE ALL ON ${table} FROM ${APP_ROLE}`);
      stmts.push(`CREATE POLICY system_only ON ${table} FOR ALL USING (${SEES_ALL}) WITH CHECK (${SEES_ALL})`);
      continue;
    }
    if (SHARED_PROVINCE_TABLES.has(table)) {
      stmts.push(`CREATE POLICY shared_read ON ${table} FOR SELECT USING (${IN_READ_PROVINCES('province_id')})`);
    }
    if (DIRECTORY_TABLES.has(table) || c.size === 0) {
      // Directories and national catalogues: read by all, written by the system only.
      stmts.push(`CREATE POLICY catalogue_read ON ${table} FOR SELECT USING (true)`);
      stmts.push(`CREATE POLICY catalogue_write ON ${table} FOR ALL USING (${SEES_ALL}) WITH CHECK (${SEES_ALL})`);
      continue;
    }
    const parts = [SEES_ALL];
    if (c.has('commune_id')) parts.push(IN_COMMUNES('commune_id'));
    if (c.has('province_id')) parts.push(c.has('commune_id') ? `(commune_id IS NULL AND ${IN_PROVINCES('province_id')})` : IN_PROVINCES('province_id'));
    const expr = parts.join(' OR ');
    stmts.push(`CREATE POLICY tenant_isolation ON ${table} FOR ALL USING (${expr}) WITH CHECK (${expr})`);
  }
  await db.transaction(async (tx) => {
    for (const s of scopeFunctions(owner)) await tx.execute(sql.raw(s));
    // Our own functions: nobody but the owner may call them unless granted (APP_FUNCTIONS).
    const own = rowsOf<{ sig: string }>(
      await tx.execute(sql`
      select p.oid::regprocedure::text as sig from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.proname like 'tds\_%'`),
    );
    for (const f of own) await tx.execute(sql.raw(`REVOKE EXECUTE ON FUNCTION ${f.sig} FROM PUBLIC`));
    for (const s of stmts) await tx.execute(sql.raw(s));
  });
  // Let the owner switch to the application role (a no-op for superusers), and let the request
  // login act as it. Needs CREATEROLE (or ADMIN on tds_app) the first time; harmless afterwards.
  for (const grantee of ['CURRENT_USER', ...(opts.requestRole ? [quoteIdent(opts.requestRole)] : [])]) {
    try {
      await db.execute(sql.raw(`GRANT ${APP_ROLE} TO ${grantee}`));
    } catch {
      /* already a member, or a superuser */
    }
  }
}

/** Rows of a raw `execute` result on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
