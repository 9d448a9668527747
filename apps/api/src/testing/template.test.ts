import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { rowsOf } from '../db/security';
import { createTestDb, testDbKind } from './harness';
import { testTemplate } from './template';

/** What the migrations and the security setup leave in a database, as comparable text. */
async function describeSchema(database: Database) {
  const q = async (text: string) => rowsOf<Record<string, unknown>>(await database.system.execute(sql.raw(text))).map((r) => JSON.stringify(r));
  return {
    columns: await q(`select table_name, column_name, data_type, is_nullable, column_default from information_schema.columns
      where table_schema = 'public' order by table_name, column_name`),
    indexes: await q(`select tablename, indexname, indexdef from pg_indexes where schemaname = 'public' order by tablename, indexname`),
    constraints: await q(`select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def from pg_constraint
      where connamespace = 'public'::regnamespace order by 1, 2`),
    policies: await q(`select tablename, policyname, cmd, roles::text, qual, with_check from pg_policies where schemaname = 'public' order by 1, 2`),
    rls: await q(`select relname, relrowsecurity, relforcerowsecurity from pg_class
      where relnamespace = 'public'::regnamespace and relkind = 'r' order by 1`),
    functions: await q(`select p.oid::regprocedure::text as sig, md5(p.prosrc) as src, p.prosecdef, coalesce(p.proacl::text, '') as acl from pg_proc p
      where p.pronamespace = 'public'::regnamespace order by 1`),
    triggers: await q(`select tgrelid::regclass::text as t, tgname, pg_get_triggerdef(oid) as def from pg_trigger where not tgisinternal order by 1, 2`),
    grants: await q(`select table_name, grantee, privilege_type from information_schema.role_table_grants
      where table_schema = 'public' order by 1, 2, 3`),
    migrations: await q(`select hash from drizzle.__drizzle_migrations order by id`),
    catalogues: await q(`select (select count(*) from award_kind)::int as awards, (select count(*) from indicator)::int as indicators`),
  };
}

describe(`the tests' template database (${testDbKind()})`, () => {
  let scratch: Database;
  let copy: Database;
  beforeAll(async () => {
    // The committed migrations and the security setup, from nothing, on this backend.
    scratch = await createTestDb({ fromScratch: true });
    copy = await createTestDb();
  });
  afterAll(async () => {
    await scratch?.close();
    await copy?.close();
  });

  it('is built by the global setup, and each test file gets a copy', async () => {
    expect((await testTemplate())?.kind).toBe(testDbKind());
  });

  it('a copy of it is exactly what migrating a fresh database gives', async () => {
    const fresh = await describeSchema(scratch);
    expect(fresh.columns.length).toBeGreaterThan(100);
    expect(fresh.policies.length).toBeGreaterThan(20);
    expect(await describeSchema(copy)).toEqual(fresh);
  });

  it('copies are independent of each other', async () => {
    await copy.system.execute(sql`insert into province (code, name, search_key) values ('TPL', 'Tỉnh mẫu', 'tinh mau')`);
    const other = await createTestDb();
    try {
      const n = rowsOf<{ n: number }>(await other.system.execute(sql`select count(*)::int as n from province`))[0]!.n;
      expect(n).toBe(0);
    } finally {
      await other.close();
    }
  });
});
