/**
 * Timing one question both ways: the endpoint over HTTP with the officer's session, and a SQL
 * statement through the same driver and pool, as the application role under the officer's scope
 * (inScope: one transaction, the scope and role set first, as every use-case runs).
 */
import type { SQL } from 'drizzle-orm';
import type { Db } from '@tds/api/src/db/client';
import { rowsOf } from '@tds/api/src/db/security';
import { inScope, type Scope } from '@tds/api/src/platform/tenancy';
import { median, progress, round } from '../_lib/common';
import type { Session } from '../_lib/server';
import { compareAnswers, type Question } from './questions';

export interface Ctx {
  db: Db;
  scope: Scope;
  address: string;
  session: Session;
}

/** GET `path` as the session: milliseconds until the whole body arrived, and the parsed body. */
export async function callEndpoint(ctx: Pick<Ctx, 'address' | 'session'>, path: string): Promise<{ ms: number; body: unknown; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${ctx.address}${path}`, { headers: { cookie: ctx.session.cookie } });
  const buf = await res.arrayBuffer();
  const ms = performance.now() - t0;
  const text = new TextDecoder().decode(buf);
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return { ms, body: JSON.parse(text) as unknown, bytes: buf.byteLength };
}

/** Run `statement` as the application role in `scope`: milliseconds until the rows arrived, and the rows. */
export async function callSql(ctx: Pick<Ctx, 'db' | 'scope'>, statement: SQL): Promise<{ ms: number; rows: Record<string, unknown>[] }> {
  const t0 = performance.now();
  const result = await inScope(ctx.db, ctx.scope, (tx) => tx.execute(statement));
  const ms = performance.now() - t0;
  return { ms, rows: rowsOf<Record<string, unknown>>(result) };
}

export interface Timing {
  endpointMs: number;
  /** The endpoint right after an announced change, when nothing it keeps in memory may be used. */
  uncachedMs: number | null;
  /** The hand-written statement. */
  sqlMs: number;
  /** The endpoint's own statement run bare, when its module exports it. */
  sharedSqlMs: number | null;
  bytes: number;
  rows: number;
}

/**
 * Check that the hand-written statement and the endpoint give the same answer (throws, listing the
 * differences, when not), warm both up, then time `runs` rounds. Each round runs every contender
 * once, in an order that rotates from round to round, so that drifting background load hits all alike.
 */
export async function measureQuestion(
  ctx: Ctx,
  q: Question,
  opts: { runs: number; warmup: number; shared?: SQL | null; forget?: () => Promise<void> },
): Promise<Timing> {
  const fromEndpoint = await callEndpoint(ctx, q.path);
  const fromSql = await callSql(ctx, q.sql);
  const want = q.fromSql(fromSql.rows);
  const differences = compareAnswers(q, want, q.fromEndpoint(fromEndpoint.body));
  if (differences.length) {
    throw new Error(`${q.name}: the endpoint's answer differs from the SQL's in ${differences.length} place(s):\n  ${differences.slice(0, 15).join('\n  ')}`);
  }
  progress(`${q.name}: endpoint and SQL agree (${want.size} figures, ${fromEndpoint.bytes} bytes from the endpoint)`);

  const contenders: { name: string; run: () => Promise<number>; times: number[] }[] = [
    { name: 'endpoint', run: async () => (await callEndpoint(ctx, q.path)).ms, times: [] },
    { name: 'sql', run: async () => (await callSql(ctx, q.sql)).ms, times: [] },
  ];
  const shared = opts.shared;
  if (shared) contenders.push({ name: 'shared', run: async () => (await callSql(ctx, shared)).ms, times: [] });
  const forget = opts.forget;
  // Untimed: the change is announced and received first, then the endpoint has to read; a second,
  // untimed read keeps the page for the other contenders.
  if (forget)
    contenders.push({
      name: 'uncached',
      run: async () => {
        await forget();
        const { ms } = await callEndpoint(ctx, q.path);
        await callEndpoint(ctx, q.path);
        return ms;
      },
      times: [],
    });
  for (let i = 0; i < opts.warmup; i++) for (const c of contenders) await c.run();
  for (let i = 0; i < opts.runs; i++) {
    for (let j = 0; j < contenders.length; j++) {
      const c = contenders[(i + j) % contenders.length]!;
      c.times.push(await c.run());
    }
  }
  const time = (name: string) => {
    const c = contenders.find((x) => x.name === name);
    return c ? median(c.times) : undefined;
  };
  const [endpoint, hand, sharedTimes, uncached] = [time('endpoint'), time('sql'), time('shared'), time('uncached')];
  const timing: Timing = {
    endpointMs: round(endpoint!, 2),
    uncachedMs: uncached === undefined ? null : round(uncached, 2),
    sqlMs: round(hand!, 2),
    sharedSqlMs: sharedTimes === undefined ? null : round(sharedTimes, 2),
    bytes: fromEndpoint.bytes,
    rows: fromSql.rows.length,
  };
  progress(
    `${q.name}: endpoint ${timing.endpointMs} ms${timing.uncachedMs === null ? '' : ` (${timing.uncachedMs} ms right after a change)`}, hand-written SQL ${timing.sqlMs} ms${timing.sharedSqlMs === null ? '' : `, the endpoint's own statement ${timing.sharedSqlMs} ms`} (medians of ${opts.runs})`,
  );
  return timing;
}
