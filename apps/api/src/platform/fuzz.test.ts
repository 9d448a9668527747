import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlanTemplate } from '../modules/plans/plan-template';
import { makePlan } from '../testing/factories';
import { createTestApp, loginAs, testDbKind, type Client, type TestApp } from '../testing/harness';
import { buildWorld, PASSWORD, type World } from '../testing/world';

/** The subset of JSON Schema the OpenAPI document of our Zod schemas uses. */
interface Schema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}
interface Operation {
  parameters?: { in: string; name: string; schema: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

/** Runs per operation (FUZZ_RUNS for a longer hunt outside CI). */
// eslint-disable-next-line no-restricted-syntax -- a test knob, not configuration of the product
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const SLOW_MS = 2000;
const CONTROL_CHARS = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f'];

/** Values hostile to any field: wrong types, huge and control-character strings, deep nesting. */
const hostile = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({ maxDepth: 2, maxKeys: 4 }),
    fc.constant('x'.repeat(200_000)),
    fc.constantFrom(...CONTROL_CHARS).map((c) => `Tên${c}độc`),
    fc.integer({ min: 1, max: 60 }).map((n) => {
      let v: unknown = 'đáy';
      for (let i = 0; i < n; i++) v = i % 2 ? { a: v } : [v];
      return v;
    }),
    fc.constantFrom(
      1e308,
      -1e308,
      -1,
      0,
      2 ** 53,
      0.5,
      '',
      ' ',
      '00000000-0000-0000-0000-000000000000',
      '2025-02-30',
      '31/12/2025',
      'null',
      '<script>',
      "'; drop table unit; --",
    ),
  );

/** A value that fits the schema, more or less (the server must cope either way). */
function valid(schema: Schema | undefined, ids: string[], depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(null);
  let arb: fc.Arbitrary<unknown>;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (schema.enum?.length) arb = fc.constantFrom(...schema.enum);
  else if (schema.anyOf?.length || schema.oneOf?.length) arb = fc.oneof(...(schema.anyOf ?? schema.oneOf)!.map((s) => valid(s, ids, depth + 1)));
  else if (type === 'string' && schema.format === 'uuid') arb = fc.oneof(fc.constantFrom(...ids), fc.uuid());
  else if (type === 'string' && schema.format === 'date')
    arb = fc.date({ min: new Date('2020-01-01'), max: new Date('2032-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  else if (type === 'string') arb = fc.string({ maxLength: Math.min(schema.maxLength ?? 40, 40) });
  else if (type === 'integer') arb = fc.integer({ min: Math.max(schema.minimum ?? -5, -1000), max: Math.min(schema.maximum ?? 3000, 3000) });
  else if (type === 'number') arb = fc.double({ min: -1000, max: 1000, noNaN: true });
  else if (type === 'boolean') arb = fc.boolean();
  else if (type === 'array') arb = fc.array(valid(schema.items, ids, depth + 1), { maxLength: 3 });
  else if (type === 'object' || schema.properties) {
    const props = schema.properties ?? {};
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, s] of Object.entries(props)) model[k] = valid(s, ids, depth + 1);
    arb = fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => k in props) });
  } else arb = fc.anything({ maxDepth: 1 });
  return schema.nullable ? fc.option(arb, { nil: null }) : arb;
}

/** A body that fits, then broken in one way: a field missing, an extra one, a field or the whole made hostile. */
function bodyOf(schema: Schema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const base = valid(schema, ids);
  const keys = Object.keys(schema?.properties ?? {});
  return fc.oneof(
    base,
    hostile(),
    fc.tuple(base, fc.nat()).map(([v, i]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v) || !keys.length) return v;
      const { [keys[i % keys.length]!]: _dropped, ...rest } = v as Record<string, unknown>;
      return rest;
    }),
    base.map((v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as object), truongLa: 1 } : v)),
    fc.tuple(base, fc.nat(), hostile()).map(([v, i, h]) => {
      if (!v || typeof v !== 'object' || Array.isArray(v) || !keys.length) return h;
      return { ...(v as object), [keys[i % keys.length]!]: h };
    }),
  );
}

const queryValue = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

describe(`fuzzing every JSON endpoint from the OpenAPI document (${testDbKind()})`, () => {
  let t: TestApp;
  let w: World;
  let client: Client;
  let paths: Record<string, Record<string, Operation>>;
  let ids: string[];
  beforeAll(async () => {
    t = await createTestApp();
    w = await buildWorld(t.database.db);
    const plan = await makePlan(t.database.db, w.a.id, { doc: buildPlanTemplate({ communeName: 'Xã Gia Phúc', provinceName: 'Tỉnh Một', year: 2026 }) });
    ids = [w.a.id, w.c.id, w.p1.id, w.aSchool.id, w.aVillage.id, w.aPerson.id, plan.id, w.users['a.viewer']!.id];
    // The commune administrator reaches every commune rule; a system administrator every other one.
    client = await loginAs(t, 'a.admin', PASSWORD);
    paths = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json().paths;
  }, 120_000);
  afterAll(async () => t?.close());

  it('no 500, nothing slower than 2 s, and every 400 names its field', async () => {
    const problems: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    const slowest = { ms: 0, what: '' };
    for (const [path, ops] of Object.entries(paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/auth/') || path.startsWith('/api/docs')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const content = op.requestBody?.content ?? {};
        if (Object.keys(content).some((c) => c.startsWith('multipart/'))) continue; // files: the upload tests
        const bodySchema = content['application/json']?.schema;
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        const queryParams = (op.parameters ?? []).filter((p) => p.in === 'query');
        const arb = fc.record({
          params: fc.tuple(
            ...pathParams.map(() =>
              fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.constantFrom('khong-phai-uuid', '1', '%2e%2e') }),
            ),
          ),
          query: fc.tuple(
            ...queryParams.map((q) =>
              fc.option(fc.oneof({ weight: 3, arbitrary: valid(q.schema, ids) }, { weight: 1, arbitrary: hostile() }), { nil: undefined }),
            ),
          ),
          body: bodySchema ? bodyOf(bodySchema, ids) : fc.constant(undefined),
        });
        await fc.assert(
          fc.asyncProperty(arb, async ({ params, query, body }) => {
            let i = 0;
            let url = path.replace(/\{(\w+)\}/gu, () => encodeURIComponent(String(params[i++] ?? ids[0])));
            const qs = queryParams.map((q, k) => (query[k] === undefined ? null : `${q.name}=${encodeURIComponent(queryValue(query[k]))}`)).filter(Boolean);
            if (qs.length) url += `?${qs.join('&')}`;
            const t0 = performance.now();
            const res = await client.request(method.toUpperCase(), url, method === 'get' ? undefined : (body ?? {}));
            const ms = performance.now() - t0;
            requests++;
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (ms > slowest.ms) Object.assign(slowest, { ms, what: `${method.toUpperCase()} ${path}` });
            const what = `${method.toUpperCase()} ${url.slice(0, 120)} -> ${res.statusCode}`;
            if (res.statusCode >= 500) problems.push(`${what}: ${res.body.slice(0, 200)}`);
            if (ms > SLOW_MS) problems.push(`${what}: ${Math.round(ms)} ms`);
            if (res.statusCode === 400) {
              const err = res.json().error as { details?: { field?: string }[] };
              if (!err.details?.[0]?.field) problems.push(`${what}: a 400 without a field: ${res.body.slice(0, 200)}`);
            }
          }),
          { numRuns: RUNS },
        );
      }
    }
    console.log(
      `fuzz: ${requests} requests (${[...statuses]
        .sort((a, b) => a[0] - b[0])
        .map(([s, n]) => `${s}: ${n}`)
        .join(', ')}), ${problems.length} problems, slowest ${Math.round(slowest.ms)} ms (${slowest.what})`,
    );
    expect(requests).toBeGreaterThan(500);
    expect([...new Set(problems)].slice(0, 30)).toEqual([]);
  }, 600_000);
});
