import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { rowsOf } from '../db/security';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { createTestDb, testDbKind } from '../testing/harness';
import { buildWorld } from '../testing/world';
import { demoReset } from './demo-reset';

describe(`demo reset (${testDbKind()})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDb();
    await buildWorld(database.db);
  });
  afterAll(async () => database?.close());

  it('replaces everything with the demo data and returns the demo accounts', async () => {
    const accounts = await demoReset(database, { production: false });
    expect(accounts.map((a) => a.username)).toContain('giaphuc.vhxh');
    const provinces = await inScope(database.db, SYSTEM_SCOPE, (tx) => tx.execute(sql`select code from province order by code`));
    expect(rowsOf<{ code: string }>(provinces).map((p) => p.code)).toEqual(['DNG', 'HP']);
    const users = await inScope(database.db, SYSTEM_SCOPE, (tx) => tx.execute(sql`select count(*)::int as n from app_user`));
    expect(rowsOf<{ n: number }>(users)[0]!.n).toBe(accounts.length);
  });
});
