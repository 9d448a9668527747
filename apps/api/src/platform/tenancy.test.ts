import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { rowsOf } from '../db/security';
import { resolveSession, tokenId } from './session';
import { createSession } from '../modules/auth/sessions';
import { createTestDb, testDbKind } from '../testing/harness';
import { buildWorld, type World } from '../testing/world';
import { inScope, type Scope } from './tenancy';

const kind = testDbKind();

/** The database's own message of a failed query (drizzle wraps it as the cause). */
async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    const e = err as { message?: string; cause?: { message?: string } };
    return `${e.message ?? ''} ${e.cause?.message ?? ''}`;
  }
  return 'no error';
}

describe(`row-level security (${kind})`, () => {
  let database: Database;
  let w: World;
  let scopeA: Scope;
  let scopeSys: Scope;
  let tokenB: string;
  beforeAll(async () => {
    database = await createTestDb();
    w = await buildWorld(database.db);
    const session = async (username: string) => {
      const s = await createSession(database.db, w.users[username]!.id, 60, {}, new Date());
      return (await resolveSession(database.db, s.token, 60))!;
    };
    scopeA = (await session('a.admin')).scope;
    scopeSys = (await session('sysadmin')).scope;
    tokenB = (await session('b.admin')).scope.token!;
  });
  afterAll(async () => database?.close());

  const count = async (scope: Scope, query: string) => rowsOf<{ n: number }>(await inScope(database.db, scope, (tx) => tx.execute(sql.raw(query))))[0]!.n;

  it.runIf(kind === 'postgres')('a scoped transaction is opened in one round trip, and a failure inside it leaves nothing behind', async () => {
    const sent: string[] = [];
    const original = pg.Client.prototype.query;
    const spy = function (this: pg.Client, ...args: unknown[]) {
      const q = args[0] as string | { text?: string };
      sent.push(typeof q === 'string' ? q : (q.text ?? ''));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    pg.Client.prototype.query = spy as typeof original;
    try {
      const rows = await inScope(database.db, scopeA, (tx) =>
        tx.execute(sql`select current_user as who, current_setting('app.session_token') = ${scopeA.token!} as mine`),
      );
      expect(rowsOf<{ who: string; mine: boolean }>(rows)[0]).toEqual({ who: 'tds_app', mine: true });
    } finally {
      pg.Client.prototype.query = original;
    }
    expect(sent.map((q) => q.trim().split(/\s+/)[0]!.replace(';', '').toLowerCase())).toEqual(['begin', 'select', 'commit']);
    await expect(
      inScope(database.db, scopeA, async (tx) => {
        await tx.execute(sql`update unit set name = 'Tên Tạm Thời' where commune_id = ${w.a.id} and id = ${w.aOffice.id}`);
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    const left = await database.system.execute(sql`select name from unit where id = ${w.aOffice.id}`);
    expect(rowsOf<{ name: string }>(left)[0]!.name).toBe(w.aOffice.name);
  });

  it('an unfiltered select under commune A scope returns no commune-B row', async () => {
    for (const table of ['unit', 'person', 'app_user', 'role_assignment']) {
      const rows = await inScope(database.db, scopeA, (tx) => tx.execute(sql.raw(`select commune_id from ${table}`)));
      const communes = new Set(rowsOf<{ commune_id: string | null }>(rows).map((r) => r.commune_id));
      expect(communes.has(w.b.id), table).toBe(false);
      expect(communes.has(w.c.id), table).toBe(false);
    }
    expect(await count(scopeA, 'select count(*)::int as n from unit')).toBe(4);
  });

  it('writing a row of another commune under commune A scope is refused', async () => {
    await expect(
      inScope(database.db, scopeA, (tx) =>
        tx.execute(sql`insert into unit (commune_id, code, name, kind, path, search_key, sort_key) values (${w.b.id}, 'X', 'X', 'office', '/x/', 'x', 'x')`),
      ),
    ).rejects.toThrow();
    const updated = await inScope(database.db, scopeA, (tx) => tx.execute(sql`update unit set name = 'hacked' where commune_id = ${w.b.id} returning id`));
    expect(rowsOf(updated)).toHaveLength(0);
  });

  it('a token that opens no session sees nothing, not everything; a commune scope without a session is refused', async () => {
    const forged: Scope = { all: true, communeIds: [w.b.id], provinceIds: [w.p1.id], token: 'not-a-session' };
    expect(await count(forged, 'select count(*)::int as n from unit')).toBe(0);
    // The table keeps the token's hash: setting the hash of someone's session opens nothing either.
    expect(await count({ ...forged, token: tokenId(tokenB) }, 'select count(*)::int as n from unit')).toBe(0);
    await expect(inScope(database.db, { all: false, communeIds: [w.a.id], provinceIds: [] }, async () => 1)).rejects.toThrow(/session/u);
  });

  it('the scope follows the session, not the settings a query sets for itself', async () => {
    const widened = await inScope(database.db, scopeA, async (tx) => {
      await tx.execute(sql`select set_config('app.scope_all', 'on', true), set_config('app.commune_ids', ${`${w.a.id},${w.b.id},${w.c.id}`}, true),
        set_config('app.province_ids', ${`${w.p1.id},${w.p2.id}`}, true), set_config('app.read_province_ids', ${`${w.p1.id},${w.p2.id}`}, true)`);
      return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from unit where commune_id <> ${w.a.id}`))[0]!.n;
    });
    expect(widened).toBe(0);
    // Switching to another user's token needs that user's token, which the database never holds.
    const other = await inScope(database.db, scopeA, async (tx) => {
      await tx.execute(sql`select set_config('app.session_token', ${tokenB}, true)`);
      return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from unit where commune_id = ${w.b.id}`))[0]!.n;
    });
    expect(other).toBe(1); // only with B's real token: the scope is a function of the token
  });

  it("sessions, the login throttle and job leases are out of the application role's reach", async () => {
    for (const q of [
      'select count(*) from session',
      'select csrf_token from session',
      'delete from session',
      'delete from login_throttle',
      'update login_throttle set attempts = 0',
      'select * from job_lock',
    ]) {
      expect(await failure(inScope(database.db, scopeA, (tx) => tx.execute(sql.raw(q)))), q).toMatch(/permission denied/u);
      expect(await failure(inScope(database.db, scopeSys, (tx) => tx.execute(sql.raw(q)))), `${q} (system admin)`).toMatch(/permission denied/u);
    }
    // ... but its own session resolves through the function that takes the token.
    expect(
      await inScope(
        database.db,
        scopeA,
        async (tx) => rowsOf<{ ok: boolean }>(await tx.execute(sql`select tds_session_actor(${scopeA.token!}, 60) is not null as ok`))[0]!.ok,
      ),
    ).toBe(true);
  });

  it('directories and national catalogues are read-only outside system scope', async () => {
    const writes = [
      `update province set name = 'x'`,
      `update commune set name = 'x'`,
      `update indicator set name = 'x'`,
      `update award_kind set name = 'x'`,
      `delete from indicator`,
      `delete from award_kind`,
    ];
    for (const q of writes) {
      const r = await inScope(database.db, scopeA, (tx) => tx.execute(sql.raw(`${q} returning 1 as one`)));
      expect(rowsOf(r), q).toHaveLength(0);
    }
    await expect(
      inScope(database.db, scopeA, (tx) => tx.execute(sql`insert into province (code, name, search_key) values ('ZZ', 'Giả', 'gia')`)),
    ).rejects.toThrow();
    expect(await count(scopeA, 'select count(*)::int as n from indicator')).toBeGreaterThan(0);
    expect(await count(scopeA, 'select count(*)::int as n from province')).toBe(2);
    // A system administrator's session may write them.
    const r = await inScope(database.db, scopeSys, (tx) => tx.execute(sql`update province set name = name returning 1 as one`));
    expect(rowsOf(r)).toHaveLength(2);
  });

  it('request work runs as a role that cannot bypass RLS, and every table of the schema forces RLS', async () => {
    const who = await inScope(database.db, scopeA, (tx) =>
      tx.execute(sql`select current_user as u, (select rolbypassrls or rolsuper from pg_roles where rolname = current_user) as bypass`),
    );
    expect(rowsOf<{ u: string; bypass: boolean }>(who)[0]).toEqual({ u: 'tds_app', bypass: false });
    const tables = await database.system.execute(sql`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`);
    const list = rowsOf<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(tables);
    expect(list.length).toBeGreaterThanOrEqual(20);
    for (const t of list) expect([t.relname, t.relrowsecurity, t.relforcerowsecurity]).toEqual([t.relname, true, true]);
  });

  it('the audit log is append-only for the application role', async () => {
    await inScope(database.db, scopeSys, (tx) =>
      tx.execute(sql`insert into audit_entry (at, action, entity_type, summary, search_key, hash, seq, prev_hash)
        select now(), 'x', 'x', 'x', 'x', 'h', coalesce(h.seq, 0) + 1, h.hash from (select 1) one left join audit_head h on h.chain = 'system'`),
    );
    await expect(inScope(database.db, scopeSys, (tx) => tx.execute(sql`update audit_entry set summary = 'y'`))).rejects.toThrow();
    await expect(inScope(database.db, scopeSys, (tx) => tx.execute(sql`delete from audit_entry`))).rejects.toThrow();
  });

  // PGlite is one local process with no network and a superuser by construction: a query could
  // switch its role back there (docs/ARCHITECTURE.md says so). On PostgreSQL it cannot.
  it.runIf(kind === 'postgres')(
    'on PostgreSQL requests log in as a role that is neither superuser nor owner, and cannot take the owner role back',
    async () => {
      const login = rowsOf<{ u: string; sup: boolean; owns: number }>(
        await database.db.execute(sql`select session_user::text as u, (select rolsuper from pg_roles where rolname = session_user) as sup,
      (select count(*)::int from pg_tables where schemaname = 'public' and tableowner = session_user) as owns`),
      )[0]!;
      expect(login.sup).toBe(false);
      expect(login.owns).toBe(0);
      for (const role of ['postgres', 'tds_test_web']) {
        const back = inScope(database.db, scopeA, async (tx) => {
          await tx.execute(sql`select set_config('role', ${role}, true)`);
          return rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from unit where commune_id = ${w.b.id}`))[0]!.n;
        });
        if (role === 'postgres') expect(await failure(back)).toMatch(/permission denied/u);
        else expect(await back).toBe(0);
      }
      expect(
        await failure(inScope(database.db, scopeA, (tx) => tx.execute(sql`reset role`).then(() => tx.execute(sql`select count(*) from session`)))),
      ).toMatch(/permission denied/u);
    },
  );
});
