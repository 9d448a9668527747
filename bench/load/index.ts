/**
 * Load: two app instances on one PostgreSQL, a realistic mix at saturation for 60 s (80% reads, 20%
 * writes, requests spread over both instances as a reverse proxy would), then: 5xx answers, time-outs,
 * latency percentiles, and the memory growth of each instance after warm-up.
 *
 *   npm run bench -- load [--seconds 60] [--connections 32] [--warmup 15]
 *
 * The instances run with NODE_ENV=development so that the demo accounts need no first password change.
 * Needs PostgreSQL (DATABASE_URL's server, else 127.0.0.1:5432): the embedded database admits one
 * process only. 409 (stale versions of the same draft) and 429 answers the mix provokes are expected.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertReachable } from '../_lib/database';
import { BenchError, createEmptyDatabase, emit, freePort, median, progress, round, runMain } from '../_lib/common';
import { login, sessionHeaders, type Session } from '../_lib/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'ThiDua@2025';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

interface Instance {
  proc: ChildProcess;
  address: string;
  pid: number;
}

async function startInstance(env: NodeJS.ProcessEnv, seed: boolean): Promise<Instance> {
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/main.ts'], {
    cwd: root,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DEMO_SEED: seed ? 'true' : 'false',
      REMINDER_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  proc.stderr?.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const address = `http://127.0.0.1:${port}`;
  const until = Date.now() + 180_000;
  while (Date.now() < until) {
    if (proc.exitCode !== null) throw new BenchError(`instance exited: ${err}`);
    const ok = await fetch(`${address}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { proc, address, pid: proc.pid! };
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new BenchError(`instance not ready in 180 s: ${err}`);
}

/** Resident memory of a process, in MB (Linux). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

interface Actor {
  session: Session;
  communeId: string;
  reports: { id: string; version: number }[];
  unitId?: string;
}

async function get<T>(address: string, s: Session, p: string): Promise<T> {
  const r = await fetch(`${address}${p}`, { headers: sessionHeaders(s) });
  if (r.status !== 200) throw new BenchError(`GET ${p}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

async function main() {
  const seconds = arg('seconds', 60);
  const connections = arg('connections', 32);
  const warmup = arg('warmup', 15);
  const server = process.env.DATABASE_URL || DEFAULT_URL;
  await assertReachable(server);
  const empty = await createEmptyDatabase(server);
  const env = { ...process.env, DATABASE_URL: empty.url, DATABASE_OWNER_URL: empty.ownerUrl };
  const instances: Instance[] = [];
  try {
    progress('starting instance 1 (migrations, demo data)');
    instances.push(await startInstance(env, true));
    progress('starting instance 2');
    instances.push(await startInstance(env, false));
    const [a] = instances;
    const admin = await login(a!.address, 'giaphuc.vhxh', PASSWORD);
    const me = await get<{ communes: { id: string }[] }>(a!.address, admin, '/api/auth/me');
    const communeId = me.communes[0]!.id;
    // The school's open report (the demo leaves its latest one to fill): autosaved by its focal point.
    const focal = await login(a!.address, 'giaphuc.truong-th', PASSWORD);
    const drafts = await get<{ items: { id: string; version: number; status: string }[] }>(a!.address, focal, `/api/communes/${communeId}/reports?pageSize=50`);
    const open = drafts.items.filter((r) => r.status === 'draft' || r.status === 'returned');
    const actors: Actor[] = [];
    for (const name of ['giaphuc.vhxh', 'giaphuc.chutich', 'giaphuc.truong-th', 'giaphuc.thondong', 'haiphong.sonoivu']) {
      for (const inst of instances)
        actors.push({
          session: await login(inst.address, name, PASSWORD),
          communeId,
          reports: name === 'giaphuc.truong-th' ? open.map((r) => ({ id: r.id, version: r.version })) : [],
        });
    }
    const units = await get<{ items: { id: string }[] }>(a!.address, admin, `/api/communes/${communeId}/units?pageSize=50`);
    const reads = [
      (c: string) => `/api/communes/${c}/units?pageSize=50`,
      (c: string) => `/api/communes/${c}/people?pageSize=20&q=nguyen`,
      (c: string) => `/api/communes/${c}/reports?pageSize=20`,
      (c: string) => `/api/communes/${c}/due-items?pageSize=20`,
      (c: string) => `/api/communes/${c}/progress/completeness?year=2025`,
      (c: string) => `/api/communes/${c}/plans`,
      () => '/api/auth/me',
    ];
    progress(
      `${actors.length} sessions over ${instances.length} instances; ${open.length} open reports; mix 80% reads / 20% writes; ${connections} connections for ${seconds} s (warm-up ${warmup} s)`,
    );

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let timeouts = 0;
    let errors = 0;
    let n = 0;
    const memory: { t: number; rss: number[] }[] = [];
    const t0 = Date.now();
    const end = t0 + (warmup + seconds) * 1000;
    const sampler = setInterval(() => memory.push({ t: (Date.now() - t0) / 1000, rss: instances.map((i) => rssMb(i.pid)) }), 1000);
    const worker = async (k: number) => {
      while (Date.now() < end) {
        const i = n++;
        const inst = instances[i % instances.length]!;
        const actor = actors[(i * 7 + k) % actors.length]!;
        const write = i % 5 === 4;
        let method = 'GET';
        let p = reads[i % reads.length]!(actor.communeId);
        let body: string | undefined;
        if (write) {
          const admin = actors[i % 2]!; // the commune admin on either instance
          const writer = actors[4 + (i % 2)]!; // the school's focal point on either instance
          const r = writer.reports.length ? writer.reports[i % writer.reports.length]! : null;
          const asWriter = !!r && i % 10 === 4;
          if (asWriter) {
            method = 'PATCH';
            p = `/api/communes/${communeId}/reports/${r.id}`;
            body = JSON.stringify({ version: r.version, summary: `Tự lưu ${i}` });
          } else {
            method = 'POST';
            p = `/api/communes/${communeId}/people`;
            body = JSON.stringify({ unitId: units.items[i % units.items.length]!.id, fullName: `Người tải thử ${i}` });
          }
          const started = performance.now();
          const res = await fetch(`${inst.address}${p}`, {
            method,
            headers: sessionHeaders((asWriter ? writer : admin).session, { 'content-type': 'application/json' }),
            body,
            signal: AbortSignal.timeout(10_000),
          }).catch((e: Error) => e);
          record(res, started, Date.now() - t0 > warmup * 1000);
          if (!(res instanceof Error) && res.status === 200 && method === 'PATCH' && r) r.version = ((await res.json()) as { version: number }).version;
          else if (!(res instanceof Error)) await res.arrayBuffer();
          continue;
        }
        const started = performance.now();
        const res = await fetch(`${inst.address}${p}`, { headers: sessionHeaders(actor.session), signal: AbortSignal.timeout(10_000) }).catch((e: Error) => e);
        record(res, started, Date.now() - t0 > warmup * 1000);
        if (!(res instanceof Error)) await res.arrayBuffer();
      }
    };
    const record = (res: Response | Error, started: number, counted: boolean) => {
      if (!counted) return;
      if (res instanceof Error) {
        if (res.name === 'TimeoutError' || res.name === 'AbortError') timeouts++;
        else errors++;
        return;
      }
      latencies.push(performance.now() - started);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    };
    await Promise.all(Array.from({ length: connections }, (_, k) => worker(k)));
    clearInterval(sampler);
    latencies.sort((x, y) => x - y);
    const pct = (q: number) => round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0, 1);
    const afterWarmup = memory.filter((m) => m.t >= warmup);
    const growth = instances.map((_, k) => {
      const first = median(afterWarmup.slice(0, 5).map((m) => m.rss[k]!));
      const last = median(afterWarmup.slice(-5).map((m) => m.rss[k]!));
      return round(((last - first) / first) * 100, 1);
    });
    const count = (pred: (s: number) => boolean) => [...statuses].filter(([s]) => pred(s)).reduce((a, [, c]) => a + c, 0);
    emit({
      bench: 'load',
      db: 'postgres',
      instances: instances.length,
      seconds,
      connections,
      warmup_s: warmup,
      requests: latencies.length,
      rps: round(latencies.length / seconds, 1),
      status_5xx: count((s) => s >= 500),
      timeouts,
      network_errors: errors,
      status_409: count((s) => s === 409),
      status_429: count((s) => s === 429),
      status_2xx: count((s) => s >= 200 && s < 300),
      status_other_4xx: count((s) => s >= 400 && s < 500 && s !== 409 && s !== 429),
      p50_ms: pct(0.5),
      p90_ms: pct(0.9),
      p99_ms: pct(0.99),
      max_ms: pct(1),
      memory_growth_pct: growth,
      memory_growth_max_pct: Math.max(...growth),
      rss_mb_after_warmup: instances.map((_, k) => round(afterWarmup[0]?.rss[k] ?? 0)),
      rss_mb_end: instances.map((_, k) => round(afterWarmup.at(-1)?.rss[k] ?? 0)),
    });
  } finally {
    for (const i of instances) i.proc.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1500));
    for (const i of instances) if (i.proc.exitCode === null) i.proc.kill('SIGKILL');
    await empty.drop().catch(() => undefined);
  }
}

runMain(main);
