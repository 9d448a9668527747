import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemDbOf, type Database, type Db } from '../db/client';
import { rowsOf } from '../db/security';
import { seedDemo } from '../demo/seed';
import { entryHash, writeAudit } from '../platform/audit';
import { inScope, SYSTEM_SCOPE, type Scope } from '../platform/tenancy';
import { resolveSession } from '../platform/session';
import { createSession } from '../modules/auth/sessions';
import { createTestDb, testDbKind } from '../testing/harness';
import { parseExpectedHeads, verifyAuditChains } from './audit-verify';
import { prepareSession } from './common';
import { tamperAudit } from '../testing/cli-fixtures';

interface Entry {
  id: string;
  seq: number;
  hash: string;
  at: string;
}

/** The entries of one chain in write order. */
async function chainOf(db: Db, communeId: string | null): Promise<Entry[]> {
  return systemDbOf(db).transaction(async (tx) => {
    await prepareSession(tx);
    const r = await tx.execute(sql`select id::text as id, seq::int as seq, hash, at::text as at from audit_entry
      where ${communeId ? sql`commune_id = ${communeId}::uuid` : sql`commune_id is null`} order by seq`);
    return rowsOf<Entry>(r);
  });
}

/** Run `check` on a tampered log, then put audit_entry and audit_head back exactly as they were. */
async function tampered(db: Db, statements: string[], check: () => Promise<void>): Promise<void> {
  const saved = await systemDbOf(db).transaction(async (tx) => {
    await prepareSession(tx);
    const e = rowsOf<{ j: string }>(await tx.execute(sql`select coalesce(json_agg(a), '[]')::text as j from audit_entry a`))[0]!.j;
    const h = rowsOf<{ j: string }>(await tx.execute(sql`select coalesce(json_agg(h), '[]')::text as j from audit_head h`))[0]!.j;
    return { e, h };
  });
  try {
    for (const s of statements) await tamperAudit(db, s);
    await check();
  } finally {
    await tamperAudit(db, 'delete from audit_entry');
    await tamperAudit(db, 'delete from audit_head');
    await tamperAudit(db, `insert into audit_entry select * from json_populate_recordset(null::audit_entry, '${saved.e.replace(/'/gu, "''")}'::json)`);
    await tamperAudit(db, `insert into audit_head select * from json_populate_recordset(null::audit_head, '${saved.h.replace(/'/gu, "''")}'::json)`);
  }
}

describe(`audit verify (${testDbKind()})`, () => {
  let database: Database;
  let communeId: string;
  let chain: Entry[];
  /** Request scopes (the application role) of two demo sessions: a system administrator and a province officer. */
  let asAdmin: Scope;
  let asProvince: Scope;
  const sessionScope = async (username: string) => {
    const [u] = rowsOf<{ id: string }>(await database.system.execute(sql`select id::text as id from app_user where username = ${username}`));
    const s = await createSession(database.db, u!.id, 60, {}, new Date());
    return (await resolveSession(database.db, s.token, 60))!.scope;
  };

  beforeAll(async () => {
    database = await createTestDb();
    await seedDemo(database.db, { production: false });
    const r = await database.db.execute(sql`select id::text as id from commune where name = 'Xã Gia Phúc'`);
    communeId = rowsOf<{ id: string }>(r)[0]!.id;
    asAdmin = await sessionScope('admin');
    asProvince = await sessionScope('haiphong.sonoivu');
    // System-chain entries written under different scopes: a province officer's row-level security
    // sees only its province's entries of that chain, yet its entry must follow the chain's real head.
    const provinceId = rowsOf<{ id: string }>(await database.db.execute(sql`select province_id::text as id from commune where id = ${communeId}`))[0]!.id;
    await inScope(database.db, SYSTEM_SCOPE, (tx) => writeAudit(tx, null, {}, { action: 'test', entityType: 'x', summary: 'hệ thống' }));
    await inScope(database.db, asProvince, (tx) => writeAudit(tx, null, {}, { action: 'test', entityType: 'x', provinceId, summary: 'cấp tỉnh' }));
    // Entries of two chains in one transaction, interleaving their ids.
    await inScope(database.db, SYSTEM_SCOPE, async (tx) => {
      for (let i = 0; i < 3; i++) {
        await writeAudit(tx, null, {}, { action: 'test', entityType: 'x', communeId, summary: `xã ${i}`, after: { n: i + 0.5, z: [1e21, -0] } });
        await writeAudit(tx, null, {}, { action: 'test', entityType: 'x', summary: `hệ thống ${i}` });
      }
    });
    chain = await chainOf(database.db, communeId);
  }, 120_000);
  afterAll(async () => database?.close());

  it('a freshly seeded database verifies clean, every chain anchored at its last entry', async () => {
    const v = await verifyAuditChains(database.db);
    expect(v.broken).toEqual([]);
    expect(v.ok).toBe(true);
    expect(chain.length).toBeGreaterThan(20);
    // More than 9 entries, so an order by id as text (1, 10, 100, 2 ...) would break the chain.
    expect(chain.map((e) => e.seq)).toEqual(chain.map((_, i) => i + 1));
    for (const c of v.chains) expect(c.anchor).toEqual(c.last);
    const system = v.chains.find((c) => c.chain === 'system')!;
    expect(system.entries).toBe(5);
  });

  it('the application role reads the anchors but cannot write them, and cannot append out of chain', async () => {
    const heads = await inScope(database.db, asAdmin, (tx) => tx.execute(sql`select chain from audit_head`));
    expect(rowsOf(heads).length).toBeGreaterThanOrEqual(2);
    for (const s of [sql`update audit_head set seq = 1`, sql`delete from audit_head`, sql`insert into audit_head values ('x', null, 1, 'h', now())`]) {
      await expect(inScope(database.db, asAdmin, (tx) => tx.execute(s))).rejects.toThrow();
    }
    await expect(
      inScope(database.db, asAdmin, (tx) =>
        tx.execute(sql`insert into audit_entry (at, action, entity_type, summary, search_key, hash, seq, prev_hash)
      values (now(), 'x', 'x', 'x', 'x', 'h', 1, null)`),
      ),
    ).rejects.toThrow();
    expect((await verifyAuditChains(database.db)).ok).toBe(true);
  });

  it('an edited row: that row is the first bad entry, by id and time', async () => {
    const e = chain[4]!;
    await tampered(database.db, [`update audit_entry set summary = 'đã sửa' where id = ${e.id}`], async () => {
      const v = await verifyAuditChains(database.db);
      const c = v.chains.find((x) => x.chain === communeId)!;
      expect(v.ok).toBe(false);
      expect(c.firstBad).toMatchObject({ id: e.id, seq: 5, at: new Date(e.at).toISOString() });
      expect(c.firstBad!.reason).toMatch(/bị sửa/u);
    });
  });

  it('a deleted middle row: the entry after the gap is the first bad one', async () => {
    await tampered(database.db, [`delete from audit_entry where id = ${chain[6]!.id}`], async () => {
      const c = (await verifyAuditChains(database.db)).chains.find((x) => x.chain === communeId)!;
      expect(c.firstBad).toMatchObject({ id: chain[7]!.id, seq: 8 });
      expect(c.firstBad!.reason).toMatch(/thiếu mục số 7.*prev_hash/u);
    });
  });

  it('a deleted last row: the chain is shorter than its anchor', async () => {
    const last = chain[chain.length - 1]!;
    const before = chain[chain.length - 2]!;
    await tampered(database.db, [`delete from audit_entry where id = ${last.id}`], async () => {
      const v = await verifyAuditChains(database.db);
      const c = v.chains.find((x) => x.chain === communeId)!;
      expect(v.ok).toBe(false);
      expect(c.broken).toBe(1);
      expect(c.firstBad).toMatchObject({ id: null, seq: last.seq });
      expect(c.firstBad!.reason).toContain(`thiếu 1 mục cuối`);
      expect(c.firstBad!.reason).toContain(`#${before.id}`);
    });
  });

  it('a reordered pair: the first of the two places is the first bad entry', async () => {
    const [a, b] = [chain[9]!, chain[10]!];
    await tampered(
      database.db,
      [
        `update audit_entry set seq = -1 where id = ${a.id}`,
        `update audit_entry set seq = ${a.seq} where id = ${b.id}`,
        `update audit_entry set seq = ${b.seq} where id = ${a.id}`,
      ],
      async () => {
        const c = (await verifyAuditChains(database.db)).chains.find((x) => x.chain === communeId)!;
        expect(c.firstBad).toMatchObject({ id: b.id, seq: a.seq });
      },
    );
  });

  it('an inserted row, hashed like a real one, is named itself; one appended past the anchor too', async () => {
    const k = chain[11]!;
    const forged = (seq: number, prevHash: string) => {
      const f = {
        at: new Date().toISOString(),
        actorId: null,
        action: 'update',
        entityType: 'unit',
        entityId: null,
        communeId,
        summary: 'giả mạo',
        before: null,
        after: null,
        prevHash,
      };
      return `insert into audit_entry (at, action, entity_type, commune_id, summary, search_key, prev_hash, hash, seq)
        values ('${f.at}', 'update', 'unit', '${communeId}', 'giả mạo', 'gia mao', '${prevHash}', '${entryHash(f)}', ${seq})`;
    };
    const shift = [
      `update audit_entry set seq = -seq where commune_id = '${communeId}' and seq > ${k.seq}`,
      `update audit_entry set seq = -seq + 1 where commune_id = '${communeId}' and seq < 0`,
    ];
    await tampered(database.db, [...shift, forged(k.seq + 1, k.hash)], async () => {
      const c = (await verifyAuditChains(database.db)).chains.find((x) => x.chain === communeId)!;
      expect(c.firstBad!.seq).toBe(k.seq + 1);
      expect(c.firstBad!.id).not.toBe(chain[12]!.id);
      expect(c.firstBad!.reason).toMatch(/chèn/u);
    });
    const last = chain[chain.length - 1]!;
    await tampered(database.db, [forged(last.seq + 1, last.hash)], async () => {
      const c = (await verifyAuditChains(database.db)).chains.find((x) => x.chain === communeId)!;
      expect(c.broken).toBe(1);
      expect(c.firstBad!.seq).toBe(last.seq + 1);
      expect(c.firstBad!.reason).toMatch(/sau mốc neo/u);
    });
    expect((await verifyAuditChains(database.db)).ok).toBe(true);
  });

  it('checks heads noted earlier: a tail rewritten together with its anchor is still found', async () => {
    const last = chain[chain.length - 1]!;
    const expected = parseExpectedHeads(`rác\n  ${communeId} ${last.seq} ${last.hash}\n`);
    expect(expected.get(communeId)).toEqual({ seq: last.seq, hash: last.hash });
    expect((await verifyAuditChains(database.db, { expected })).ok).toBe(true);
    const prev = chain[chain.length - 2]!;
    await tampered(
      database.db,
      [`delete from audit_entry where id = ${last.id}`, `update audit_head set seq = ${prev.seq}, hash = '${prev.hash}' where chain = '${communeId}'`],
      async () => {
        expect((await verifyAuditChains(database.db)).ok).toBe(true);
        const c = (await verifyAuditChains(database.db, { expected })).chains.find((x) => x.chain === communeId)!;
        expect(c.firstBad).toMatchObject({ id: null, seq: last.seq });
      },
    );
  });
});
