import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportWorkflow, type ReportTransition } from '@tds/contracts';
import { rowsOf } from '../../db/security';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { resolveSession } from '../../platform/session';
import { runTransition } from '../../platform/workflow';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../../testing/harness';
import { buildWorld, PASSWORD, type World } from '../../testing/world';
import { dueItemId, openReportVia, publishTemplatePlan } from '../../testing/kits/reports';
import { report } from './reporting.table';

const SECTIONS = [{ key: 'ket_qua', title: 'Kết quả triển khai thực hiện phong trào', text: 'Nội dung.' }];
const STATES = reportWorkflow.states;
const TRANSITIONS = ['save', 'submit', 'return', 'accept', 'reopen'] as const satisfies readonly ReportTransition[];

/** The request that takes each transition, from a version. */
const call = (c: Client, url: string, tr: (typeof TRANSITIONS)[number], version: number) => {
  switch (tr) {
    case 'save':
      return c.patch(url, { version, sections: SECTIONS });
    case 'submit':
      return c.post(`${url}/submit`, { version });
    case 'return':
      return c.post(`${url}/return`, { version, comment: 'Bổ sung.' });
    case 'accept':
      return c.post(`${url}/accept`, { version });
    case 'reopen':
      return c.post(`${url}/reopen`, { version, reason: 'Sửa số liệu.' });
  }
};

describe(`report abilities and the workflow runner (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  const clients: Record<string, Client> = {};
  let reportId = '';
  const url = () => `/api/communes/${w.a.id}/reports/${reportId}`;
  const sys = <T>(fn: Parameters<typeof inScope<T>>[2]) => inScope(t.database.db, SYSTEM_SCOPE, fn);
  const put = async (status: string) =>
    (await sys((tx) => tx.update(report).set({ status, sections: SECTIONS }).where(eq(report.id, reportId)).returning()))[0]!;

  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    for (const u of ['a.admin', 'a.focal', 'a.team', 'a.viewer', 'a.chair']) clients[u] = await loginAs(t, u, PASSWORD);
    const planId = await publishTemplatePlan(clients['a.admin']!, w.a.id);
    reportId = (await openReportVia(clients['a.focal']!, w.a.id, await dueItemId(t.database.db, planId, w.aSchool.id, { kind: 'report', year: 2027 }))).id;
  }, 180_000);
  afterAll(async () => t?.close());

  it('shows a user exactly the transitions that then work, in every state, for every role', async () => {
    const mismatches: string[] = [];
    for (const [name, c] of Object.entries(clients)) {
      for (const state of STATES) {
        for (const tr of TRANSITIONS) {
          const row = await put(state);
          const can = (await c.get(url())).json().can.transitions as Record<string, boolean>;
          const res = await call(c, url(), tr, row.version);
          const worked = res.statusCode === 200;
          if (worked !== can[tr]) mismatches.push(`${name} ${state} ${tr}: can=${can[tr]} answer=${res.statusCode}`);
          // Refused: nothing written.
          if (!worked) expect((await sys((tx) => tx.select().from(report).where(eq(report.id, reportId))))[0]!.version).toBe(row.version);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 240_000);

  it('the unit focal point, not the commune office, corrects a returned report; the office reviews', async () => {
    await put('returned');
    expect((await clients['a.admin']!.get(url())).json().can).toMatchObject({ edit: false, submit: false, review: false });
    expect((await clients['a.focal']!.get(url())).json().can).toMatchObject({ edit: true, submit: true });
    await put('submitted');
    expect((await clients['a.admin']!.get(url())).json().can).toMatchObject({ review: true, edit: false });
    expect((await clients['a.focal']!.get(url())).json().can).toMatchObject({ review: false, edit: false, submit: false });
  });

  it('runs a transition once: a retry by the same user writes nothing; a stale version writes nothing', async () => {
    const row = await put('draft');
    const count = async () =>
      Number(rowsOf<{ n: string }>(await t.database.system.execute(sql`select count(*)::text as n from audit_entry where entity_id = ${reportId}`))[0]!.n);
    const before = await count();
    const first = await clients['a.focal']!.post(`${url()}/submit`, { version: row.version });
    expect(first.statusCode).toBe(200);
    const again = await Promise.all([0, 1].map(() => clients['a.focal']!.post(`${url()}/submit`, { version: row.version })));
    expect(again.map((r) => [r.statusCode, r.json().version])).toEqual([
      [200, row.version + 1],
      [200, row.version + 1],
    ]);
    expect(await count()).toBe(before + 1);
    const stale = await clients['a.admin']!.post(`${url()}/accept`, { version: row.version });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, 'STALE_VERSION']);
    expect(await count()).toBe(before + 1);
  });

  it('keeps no detail in the audit entry of a redacted transition (a secret ballot, a sealed score)', async () => {
    const row = await put('submitted');
    const sealed: typeof reportWorkflow = {
      ...reportWorkflow,
      transitions: { ...reportWorkflow.transitions, accept: { ...reportWorkflow.transitions.accept, writes: { version: false, audit: 'redacted' as const } } },
    };
    // The runner is called directly here with the admin's actor, as a module would.
    const actor = (await resolveSession(t.database.db, clients['a.admin']!.token, 60))!;
    await inScope(t.database.db, actor.scope, (tx) =>
      runTransition(
        tx,
        actor,
        {},
        {
          workflow: sealed,
          transition: 'accept',
          now: new Date(),
          version: row.version,
          table: report,
          load: async () => ({ row: (await tx.select().from(report).where(eq(report.id, reportId)).for('update'))[0]!, communeId: w.a.id, subject: {} }),
          set: () => ({ reviewComment: 'Điểm niêm phong: 87' }),
          audit: () => ({ summary: 'Tiếp nhận (niêm phong)', before: { score: 87 }, after: { score: 87 } }),
        },
      ),
    );
    const [e] = rowsOf<{ before: unknown; after: unknown; summary: string }>(
      await t.database.system.execute(sql`select before, after, summary from audit_entry where entity_id = ${reportId} order by id desc limit 1`),
    );
    expect(e).toMatchObject({ before: null, after: null, summary: 'Tiếp nhận (niêm phong)' });
  });
});
