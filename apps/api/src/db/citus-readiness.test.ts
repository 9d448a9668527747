import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { rowsOf } from './security';
import { createTestDb, testDbKind } from '../testing/harness';

/**
 * Ready for sharding by commune (a distributed table co-located by commune_id): every primary key
 * and unique index of a table owned by one commune (commune_id NOT NULL) includes commune_id, and
 * every foreign key between such tables includes it.
 */
const PROBLEMS = sql`
  with ct as (
    select c.oid, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attname = 'commune_id' and a.attnotnull
    where n.nspname = 'public' and c.relkind = 'r'
  )
  select 'index' as kind, ct.relname as tbl, i.relname as name from ct
    join pg_index x on x.indrelid = ct.oid join pg_class i on i.oid = x.indexrelid
    where (x.indisprimary or x.indisunique)
      and not exists (select 1 from unnest(x.indkey) k join pg_attribute a on a.attrelid = ct.oid and a.attnum = k where a.attname = 'commune_id')
  union all
  select 'foreign key', ct.relname, con.conname from ct
    join pg_constraint con on con.conrelid = ct.oid and con.contype = 'f'
    where con.confrelid in (select oid from ct)
      and not exists (select 1 from unnest(con.conkey) k join pg_attribute a on a.attrelid = ct.oid and a.attnum = k where a.attname = 'commune_id')
  order by 1, 2, 3`;

describe(`ready for sharding by commune (${testDbKind()})`, () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDb();
  }, 120_000);
  afterAll(async () => db?.close());

  it('every key and unique index of a commune table, and every foreign key between them, includes commune_id', async () => {
    const tables = rowsOf<{ n: number }>(
      await db.system.execute(sql`select count(*)::int as n from pg_attribute a join pg_class c on c.oid = a.attrelid
      join pg_namespace s on s.oid = c.relnamespace where s.nspname = 'public' and c.relkind = 'r' and a.attname = 'commune_id' and a.attnotnull`),
    );
    expect(tables[0]!.n).toBeGreaterThan(10);
    expect(rowsOf(await db.system.execute(PROBLEMS))).toEqual([]);
  });

  it('a new table that breaks it is caught', async () => {
    await db.system.execute(sql`create table citus_probe (commune_id uuid not null, id uuid primary key, ref uuid)`);
    try {
      expect(rowsOf<{ kind: string; tbl: string }>(await db.system.execute(PROBLEMS))).toEqual([
        { kind: 'index', tbl: 'citus_probe', name: 'citus_probe_pkey' },
      ]);
    } finally {
      await db.system.execute(sql`drop table citus_probe`);
    }
  });
});
