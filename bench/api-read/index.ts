/**
 * api-read: requests per second of an authenticated list endpoint (a page of 100 units) and of a
 * hello-world route of the same server, in the same run. The ratio says how much of the server's
 * raw capacity is left once a request goes through the session check, two transactions under
 * row-level security, the query and the response serialization.
 *
 * Also the same page against a bare route that sends the same bytes with no session or database
 *   (api_read_bytes_ratio, higher is better).
 *
 *   npm run bench -- api-read      (BENCH_SECONDS=10 per endpoint, BENCH_ROUNDS=2, BENCH_CONNECTIONS=10)
 */
import autocannon, { type Result } from 'autocannon';
import { unitKinds, type UnitKind } from '@tds/contracts';
import { buildApp } from '@tds/api/src/app';
import { loadConfig } from '@tds/api/src/config/env';
import { makeCommune, makeProvince, makeUnit, makeUser } from '@tds/api/src/testing/factories';
import { freshDatabase } from '../_lib/database';
import { dbKind, emit, envNumber, median, progress, round, runMain } from '../_lib/common';

const UNITS = 100;
const PASSWORD = 'MatKhau@2025';

async function main() {
  const seconds = envNumber('BENCH_SECONDS', 10);
  const connections = envNumber('BENCH_CONNECTIONS', 10);
  const rounds = Math.round(envNumber('BENCH_ROUNDS', 2));
  const warmupSeconds = Math.min(3, Math.max(1, Math.round(seconds / 4)));
  const db = dbKind();

  progress(`database: ${db === 'postgres' ? "PostgreSQL (a fresh database on DATABASE_URL's server)" : 'PGlite in memory'}`);
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', DEMO_SEED: 'false' });
  const database = await freshDatabase();
  let closeApp = async () => undefined as void;
  try {
    progress(`seeding one commune with ${UNITS} units`);
    const province = await makeProvince(database.db, { code: 'BP', name: 'Tỉnh Đo Tải' });
    const commune = await makeCommune(database.db, { provinceId: province.id, code: 'BX', name: 'Xã Đo Tải' });
    // Ten villages, each with a few child units; the rest flat, every kind represented.
    const parents: string[] = [];
    for (let i = 0; i < UNITS; i++) {
      const n = String(i + 1).padStart(3, '0');
      if (i < 10) {
        const v = await makeUnit(database.db, commune.id, {
          code: `THON-${n}`,
          name: `Thôn số ${n}`,
          kind: 'village',
          contactName: 'Nguyễn Văn Bình',
          phone: '0912345678',
        });
        parents.push(v.id);
      } else if (i < 40) {
        await makeUnit(database.db, commune.id, { code: `TO-${n}`, name: `Tổ công nghệ số ${n}`, kind: 'digital_team', parentId: parents[i % 10]! });
      } else {
        const kind: UnitKind = unitKinds[i % unitKinds.length]!;
        await makeUnit(database.db, commune.id, { code: `DV-${n}`, name: `Đơn vị ${kind} số ${n}`, kind, email: `dv${n}@example.vn` });
      }
    }
    await makeUser(database.db, { username: 'bench.admin', password: PASSWORD, roles: [{ role: 'commune_admin', communeId: commune.id }] });

    const { app, readiness } = await buildApp({ config, database });
    app.get('/bench/hello', async () => ({ hello: 'world' }));
    // The same bytes as the authenticated page, with no session, scope or database: the bare cost of sending them.
    let sameBytes = Buffer.alloc(0);
    app.get('/bench/bytes', async (_req, reply) => reply.type('application/json; charset=utf-8').send(sameBytes));
    readiness.ready = true;
    await app.ready();
    closeApp = () => app.close();
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    progress(`server listening on ${address}`);

    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'bench.admin', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const session = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .find((c) => c.startsWith('tds_session='));
    if (!session) throw new Error('login answered 200 without a tds_session cookie');
    const cookie = session;

    const listUrl = `${address}/api/communes/${commune.id}/units?pageSize=${UNITS}`;
    const helloUrl = `${address}/bench/hello`;
    // Check before measuring: a bench of 401s or empty pages would be meaningless.
    for (let i = 0; i < 3; i++) {
      const res = await fetch(listUrl, { headers: { cookie } });
      const body = (await res.json()) as { items?: unknown[]; total?: number };
      if (res.status !== 200 || body.items?.length !== UNITS) {
        throw new Error(
          `GET ${listUrl} answered ${res.status} with ${body.items?.length ?? 'no'} items (expected 200 with ${UNITS}): ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
    }
    const hello = await fetch(helloUrl);
    if (hello.status !== 200) throw new Error(`GET ${helloUrl} answered ${hello.status}`);
    sameBytes = Buffer.from(await (await fetch(listUrl, { headers: { cookie } })).arrayBuffer());
    const listBytes = sameBytes.byteLength;
    const bytesUrl = `${address}/bench/bytes`;
    if ((await (await fetch(bytesUrl)).arrayBuffer()).byteLength !== listBytes) throw new Error('the bare route does not send the same bytes');
    progress(`checked: list answers 200 with ${UNITS} items (${listBytes} bytes), hello answers 200`);

    // autocannon runs in a worker thread so the load generator does not share the server's event loop.
    const load = async (label: string, url: string, headers: Record<string, string>, duration: number): Promise<Result> => {
      progress(`${label}: ${duration} s, ${connections} connections`);
      const r = await autocannon({ url, headers, connections, duration, workers: 1 });
      const rps = r['2xx'] / r.duration;
      progress(
        `${label}: ${round(rps)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}`,
      );
      if (r['2xx'] === 0) throw new Error(`${label}: no successful responses`);
      if (r.non2xx > 0 || r.errors > 0) progress(`${label}: WARNING: ${r.non2xx} non-2xx responses and ${r.errors} errors (only 2xx counted)`);
      return r;
    };

    await load('warm-up list', listUrl, { cookie }, warmupSeconds);
    await load('warm-up hello', helloUrl, {}, warmupSeconds);
    // The machine is noisy: measure in rounds, alternating the order (list/hello, hello/list, ...)
    // so a slow drift in background load hits both figures alike.
    const slice = Math.max(1, Math.round(seconds / rounds));
    const lists: Result[] = [];
    const hellos: Result[] = [];
    const bytes: Result[] = [];
    await load('warm-up bytes', bytesUrl, {}, warmupSeconds);
    for (let i = 0; i < rounds; i++) {
      const steps = [
        async () => lists.push(await load(`round ${i + 1}/${rounds} list`, listUrl, { cookie }, slice)),
        async () => hellos.push(await load(`round ${i + 1}/${rounds} hello`, helloUrl, {}, slice)),
        async () => bytes.push(await load(`round ${i + 1}/${rounds} same bytes`, bytesUrl, {}, slice)),
      ];
      for (const step of i % 2 === 0 ? steps : steps.reverse()) await step();
    }
    const rate = (rs: Result[]) => rs.reduce((n, r) => n + r['2xx'], 0) / rs.reduce((n, r) => n + r.duration, 0);
    const rps = rate(lists);
    const helloRps = rate(hellos);
    const bytesRps = rate(bytes);
    await closeApp();
    closeApp = async () => undefined;
    emit({
      bench: 'api-read',
      db,
      rps: round(rps, 1),
      hello_rps: round(helloRps, 1),
      api_read_ratio: round(rps / helloRps, 3),
      // The authenticated 100-unit page ÷ a bare route sending the same bytes (higher is better; goal ≥ 0.6).
      api_read_bytes_ratio: round(rps / bytesRps, 3),
      bytes_rps: round(bytesRps, 1),
      round_ratios: lists.map((l, i) => round(rate([l]) / rate([hellos[i]!]), 3)),
      latency_p50_ms: median(lists.map((r) => r.latency.p50)),
      latency_p99_ms: median(lists.map((r) => r.latency.p99)),
      hello_latency_p50_ms: median(hellos.map((r) => r.latency.p50)),
      units: UNITS,
      response_bytes: listBytes,
      connections,
      seconds: slice * rounds,
      rounds,
    });
  } finally {
    await closeApp().catch(() => undefined);
    await database.close();
  }
}

runMain(main);
