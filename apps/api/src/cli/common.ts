import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { rowsOf } from '../db/security';

import { CliError, type Log } from '../platform/module';

export { CliError, type Log };

/** Progress to stderr. */
export const stderrLog: Log = (message) => {
  process.stderr.write(`${message}\n`);
};

/** Tables never backed up or restored: sessions and login throttling are ephemeral. */
export const EPHEMERAL_TABLES: ReadonlySet<string> = new Set(['session', 'login_throttle', 'job_lock']);

/** A quoted SQL identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/gu, '""')}"`;
}

export interface ColumnInfo {
  name: string;
  /** `format_type` of the column, e.g. `uuid`, `bigint`, `text`. */
  type: string;
  collatable: boolean;
}

export interface TableInfo {
  name: string;
  /** Insertable columns in table order (generated columns left out). */
  columns: ColumnInfo[];
  /** Primary-key column names in key order; empty when the table has none. */
  pk: string[];
}

/**
 * Settings that make the dump text identical on PGlite and PostgreSQL, plus the system scope so
 * that FORCE ROW LEVEL SECURITY does not hide rows from a non-superuser owner. Transaction-local.
 */
export async function prepareSession(tx: Executor): Promise<void> {
  await tx.execute(sql`select set_config('app.scope_all', 'on', true), set_config('TimeZone', 'UTC', true),
    set_config('bytea_output', 'hex', true), set_config('extra_float_digits', '1', true),
    set_config('IntervalStyle', 'postgres', true)`);
}

/** Every ordinary table of the public schema with its columns and primary key, by name. */
export async function listTables(tx: Executor): Promise<TableInfo[]> {
  const r = await tx.execute(sql`
    select c.relname as name,
      (select json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod),
                'collatable', a.attcollation <> 0) order by a.attnum)
         from pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = '') as columns,
      (select json_agg(a.attname order by k.ord)
         from pg_index i cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
         where i.indrelid = c.oid and i.indisprimary) as pk
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
    order by c.relname`);
  return rowsOf<{ name: string; columns: unknown; pk: unknown }>(r).map((t) => ({
    name: t.name,
    columns: (parseJson(t.columns) ?? []) as ColumnInfo[],
    pk: (parseJson(t.pk) ?? []) as string[],
  }));
}

function parseJson(v: unknown): unknown {
  return typeof v === 'string' ? JSON.parse(v) : v;
}

export interface MigrationRef {
  hash: string;
  createdAt: string;
}

/** The drizzle migrations applied to this database, oldest first; null when it was never migrated. */
export async function appliedMigrations(tx: Executor): Promise<MigrationRef[] | null> {
  const exists = rowsOf<{ ok: boolean }>(await tx.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`));
  if (!exists[0]?.ok) return null;
  const r = await tx.execute(sql`select hash, created_at::text as created_at from drizzle.__drizzle_migrations order by id`);
  return rowsOf<{ hash: string; created_at: string }>(r).map((m) => ({ hash: m.hash, createdAt: m.created_at }));
}

const MAX_BATCH_ROWS = 1000;
const TARGET_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * The rows of one table as `row_to_json` text over the given columns, in primary-key order
 * (text keys compared with collation "C", so both databases agree), read in keyset batches whose
 * size adapts to the row size so that memory stays bounded even with large files.
 */
export async function* readTableRows(tx: Executor, table: string, columns: readonly string[], pk: readonly ColumnInfo[]): AsyncGenerator<string[]> {
  const colList = sql.raw(columns.map(ident).join(', '));
  const keyOf = (c: ColumnInfo) => `r.${ident(c.name)}${c.collatable ? ' collate "C"' : ''}`;
  const orderBy = pk.length ? pk.map(keyOf).join(', ') : 'row_to_json(r)::text collate "C"';
  const keySelect = pk.map((c, i) => `, r.${ident(c.name)}::text as k${i}`).join('');
  let limit = MAX_BATCH_ROWS;
  let last: string[] | null = null;
  let offset = 0;
  for (;;) {
    let where: SQL = sql``;
    if (last && pk.length) {
      const params = sql.join(
        last.map((v, i) => sql`${v}::${sql.raw(pk[i]!.type)}${sql.raw(pk[i]!.collatable ? ' collate "C"' : '')}`),
        sql`, `,
      );
      where = sql`where (${sql.raw(pk.map(keyOf).join(', '))}) > (${params})`;
    }
    const page = pk.length ? sql`` : sql` offset ${offset}`;
    const res = rowsOf<Record<string, string>>(
      await tx.execute(sql`
      select row_to_json(r)::text as j${sql.raw(keySelect)} from (select ${colList} from ${sql.raw(ident(table))}) r
      ${where} order by ${sql.raw(orderBy)} limit ${limit}${page}`),
    );
    if (!res.length) return;
    yield res.map((row) => row.j!);
    if (res.length < limit) return;
    const lastRow = res[res.length - 1]!;
    last = pk.map((_, i) => lastRow[`k${i}`]!);
    offset += res.length;
    const bytes = res.reduce((n, row) => n + row.j!.length, 0);
    limit = Math.max(1, Math.min(MAX_BATCH_ROWS, Math.floor(TARGET_BATCH_BYTES / Math.max(1, bytes / res.length))));
  }
}

/** Primary-key column infos of a table, in key order. */
export function pkColumns(t: TableInfo): ColumnInfo[] {
  return t.pk.map((name) => t.columns.find((c) => c.name === name)!).filter(Boolean);
}
