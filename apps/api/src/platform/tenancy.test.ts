import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { rowsOf } from '../db/security';
import { createTestDb, testDbKind } from '../testing/harness';
import { buildWorld, type World } from '../testing/world';
import { inScope } from './tenancy';

describe(`row-level security (${testDbKind()})`, () => {
  let database: Database;
  let w: World;
  beforeAll(async () => {
    database = await createTestDb();
    w = await buildWorld(database.db);
  });
  afterAll(async () => database?.close());

  const scopeA = () => ({ all: false, communeIds: [w.a.id], provinceIds: [] });

  it('an unfiltered select under commune A scope returns no commune-B row', async () => {
    for (const table of ['unit', 'person', 'app_user', 'role_assignment']) {
      const rows = await inScope(database.db, scopeA(), (tx) => tx.execute(sql.raw(`select commune_id from ${table}`)));
      const communes = new Set(rowsOf<{ commune_id: string | null }>(rows).map((r) => r.commune_id));
      expect(communes.has(w.b.id), table).toBe(false);
      expect(communes.has(w.c.id), table).toBe(false);
    }
    const units = await inScope(database.db, scopeA(), (tx) => tx.execute(sql`select count(*)::int as n from unit`));
    expect(rowsOf<{ n: number }>(units)[0]!.n).toBe(4);
  });

  it('writing a row of another commune under commune A scope is refused', async () => {
    await expect(
      inScope(database.db, scopeA(), (tx) =>
        tx.execute(sql`insert into unit (commune_id, code, name, kind, path, search_key, sort_key) values (${w.b.id}, 'X', 'X', 'office', '/x/', 'x', 'x')`)),
    ).rejects.toThrow();
    const updated = await inScope(database.db, scopeA(), (tx) => tx.execute(sql`update unit set name = 'hacked' where commune_id = ${w.b.id} returning id`));
    expect(rowsOf(updated)).toHaveLength(0);
  });

  it('an empty scope sees nothing, not everything', async () => {
    const rows = await inScope(database.db, { all: false, communeIds: [], provinceIds: [] }, (tx) => tx.execute(sql`select count(*)::int as n from unit`));
    expect(rowsOf<{ n: number }>(rows)[0]!.n).toBe(0);
  });

  it('request work runs as a role that cannot bypass RLS, and every tenant table forces RLS', async () => {
    const who = await inScope(database.db, scopeA(), (tx) => tx.execute(sql`select current_user as u, (select rolbypassrls or rolsuper from pg_roles where rolname = current_user) as bypass`));
    expect(rowsOf<{ u: string; bypass: boolean }>(who)[0]).toEqual({ u: 'tds_app', bypass: false });
    const tables = await database.db.execute(sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from information_schema.columns i where i.table_name = c.relname and i.column_name in ('commune_id', 'province_id'))`);
    const list = rowsOf<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(tables);
    expect(list.length).toBeGreaterThanOrEqual(7);
    for (const t of list) expect([t.relname, t.relrowsecurity, t.relforcerowsecurity]).toEqual([t.relname, true, true]);
  });

  it('the audit log is append-only for the application role', async () => {
    await inScope(database.db, { all: true, communeIds: [], provinceIds: [] }, (tx) =>
      tx.execute(sql`insert into audit_entry (at, action, entity_type, summary, search_key, hash, seq, prev_hash)
        select now(), 'x', 'x', 'x', 'x', 'h', coalesce(h.seq, 0) + 1, h.hash from (select 1) one left join audit_head h on h.chain = 'system'`));
    await expect(inScope(database.db, { all: true, communeIds: [], provinceIds: [] }, (tx) => tx.execute(sql`update audit_entry set summary = 'y'`))).rejects.toThrow();
    await expect(inScope(database.db, { all: true, communeIds: [], provinceIds: [] }, (tx) => tx.execute(sql`delete from audit_entry`))).rejects.toThrow();
  });
});
