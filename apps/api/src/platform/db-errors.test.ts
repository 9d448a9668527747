import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { createTestDb, testDbKind } from '../testing/harness';
import { buildWorld, type World } from '../testing/world';
import { dbErrorAnswer } from './db-errors';

/** Real violations from the database, through the one table of constraint -> code, status, field. */
describe(`database errors (${testDbKind()})`, () => {
  let db: Database;
  let w: World;
  const fail = async (q: ReturnType<typeof sql>) => {
    try {
      await db.system.execute(q);
    } catch (err) {
      return dbErrorAnswer(err);
    }
    throw new Error('expected a violation');
  };
  beforeAll(async () => {
    db = await createTestDb();
    w = await buildWorld(db.db);
  }, 120_000);
  afterAll(async () => db?.close());

  it('a unique violation is a 409 naming the field', async () => {
    const dup = await fail(sql`insert into unit (commune_id, id, code, name, kind, path, sort_key, search_key)
      select commune_id, ${randomUUID()}, upper(code), name, kind, path, sort_key, search_key from unit where id = ${w.aSchool.id}`);
    expect(dup).toMatchObject({ status: 409, code: 'DUPLICATE_CODE', details: [{ field: 'code' }] });
  });

  it('a foreign key to nothing is a 400 (bad reference), never a 409', async () => {
    const bad = await fail(sql`insert into report_version (commune_id, report_id, version, action, status, sections, values)
      values (${w.a.id}, ${randomUUID()}, 1, 'create', 'draft', '[]'::jsonb, '[]'::jsonb)`);
    expect(bad).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', details: [{ field: 'reportId' }] });
  });

  it('deleting a referenced record is a 409 "in use"', async () => {
    const inUse = await fail(sql`delete from commune where id = ${w.a.id}`);
    expect(inUse).toMatchObject({ status: 409, code: 'IN_USE' });
  });

  it('other errors are not answered as constraint errors', () => {
    expect(dbErrorAnswer(new Error('boom'))).toBeNull();
  });
});
