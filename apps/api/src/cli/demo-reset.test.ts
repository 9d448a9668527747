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

  it('runs the movement in Gia Phúc: a published plan, registrations, reports of past cycles, live roll-ups', async () => {
    const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await inScope(database.db, SYSTEM_SCOPE, (tx) => tx.execute(q)))[0]!;
    const plans = await one<{ n: number }>(
      sql`select count(*)::int as n from plan p join commune c on c.id = p.commune_id where c.code = 'HP-GIAPHUC' and p.status = 'published'`,
    );
    expect(plans.n).toBe(1);
    const reports = await one<{ accepted: number; submitted: number; late: number }>(sql`select count(*) filter (where status = 'accepted')::int as accepted,
      count(*) filter (where status = 'submitted')::int as submitted, count(*) filter (where late)::int as late from report`);
    expect(reports.accepted).toBeGreaterThan(20);
    expect(reports.submitted).toBeGreaterThan(0);
    expect(reports.late).toBeGreaterThan(0);
    // Every accepted figure is in the commune totals (ratio indicators keep numerators and denominators).
    const rollup = await one<{ n: number; den: number }>(sql`select count(*)::int as n, coalesce(sum(sum_denominator), 0)::float as den from indicator_rollup`);
    expect(rollup.n).toBeGreaterThan(10);
    expect(rollup.den).toBeGreaterThan(0);
    // The focal point's school keeps its latest report open for the guided tour.
    const open = await one<{ n: number }>(sql`select count(*)::int as n from due_item d join unit u on u.commune_id = d.commune_id and u.id = d.unit_id
      where u.code = 'TH-GP' and d.kind = 'report' and d.due_date < current_date and not exists (select 1 from report r where r.commune_id = d.commune_id and r.due_item_id = d.id)`);
    expect(open.n).toBeGreaterThan(0);
    const registrations = await one<{ n: number }>(sql`select count(*)::int as n from registration where status = 'submitted'`);
    expect(registrations.n).toBeGreaterThan(10);
  });
});
