/**
 * startup: seconds from spawning `npm start` (node scripts/start.mjs) to the first 200 from /readyz,
 * twice per run:
 *
 * - first start: as from a fresh clone after `npm install`: no built web app and no database, so the
 *   web build, the database's creation, the migrations and the demo data are all inside the figure.
 *   The web app is built into a new temporary folder (WEB_DIST, which start.mjs and the server both
 *   read), the database is a new temporary DATA_DIR (or, with DATABASE_URL, a new empty database on
 *   that server), and the TypeScript loader's cache is off. The repository's own apps/web/dist and
 *   ./data are never read, changed or removed.
 * - later start: the same command again on what the first start left (the built web app and the
 *   database), after a clean stop (SIGTERM).
 *
 *   npm run bench -- startup      (BENCH_RUNS=3)
 *
 * The last stdout line is one JSON object: first_start_seconds and later_start_seconds (medians) with
 * their limits (first_start_limit_seconds, later_start_limit_seconds) and ratios (lower is better,
 * must stay < 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, dbKind, emit, envNumber, freePort, median, progress, round, runMain, sleep } from '../_lib/common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The limits. */
const FIRST_LIMIT_SECONDS = 30;
const LATER_LIMIT_SECONDS = 5;
const GIVE_UP_SECONDS = 240;
const POLL_MS = 50;

interface Start {
  seconds: number;
  healthz_seconds: number;
}

interface Run {
  first: Start;
  later: Start;
}

async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}

/** SIGTERM, wait for the exit; SIGKILL the process group (ours) if it does not stop in time. */
async function stop(child: ChildProcess, exited: Promise<number | null>): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  child.kill('SIGTERM');
  const code = await Promise.race([exited, sleep(15_000).then(() => 'timeout' as const)]);
  if (code !== 'timeout') return code;
  progress('WARNING: the server did not stop within 15 s of SIGTERM; killing it');
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    /* gone */
  }
  return exited;
}

/** Spawn `node scripts/start.mjs` with `env`, time it to /readyz 200, check that it serves the web app, stop it. */
async function timeStart(label: string, env: NodeJS.ProcessEnv): Promise<Start> {
  const port = await freePort();
  const full: NodeJS.ProcessEnv = { ...env, PORT: String(port), HOST: '127.0.0.1' };
  const output: string[] = [];
  const started = performance.now();
  // Own process group, so a stuck server can be killed with everything it started.
  const child = spawn(process.execPath, [path.join(root, 'scripts/start.mjs')], { cwd: root, env: full, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 300) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    let healthz: number | null = null;
    let readyz: number | null = null;
    while (readyz === null) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`${label}: npm start exited (${child.exitCode ?? child.signalCode}) before /readyz answered 200`);
      if ((performance.now() - started) / 1000 > GIVE_UP_SECONDS) throw new Error(`${label}: no 200 from /readyz after ${GIVE_UP_SECONDS} s`);
      const [h, r] = await Promise.all([
        healthz === null ? status(`http://127.0.0.1:${port}/healthz`) : Promise.resolve(200),
        status(`http://127.0.0.1:${port}/readyz`),
      ]);
      const now = (performance.now() - started) / 1000;
      if (healthz === null && h === 200) healthz = now;
      if (r === 200) readyz = now;
      else await sleep(POLL_MS);
    }
    const page = await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(5000) });
    const html = await page.text();
    if (page.status !== 200 || !html.includes('<div id="root"')) throw new Error(`${label}: the web app is not served at / (${page.status})`);
    const code = await stop(child, exited);
    const start = { seconds: round(readyz, 2), healthz_seconds: round(healthz ?? readyz, 2) };
    progress(`${label}: /healthz 200 after ${start.healthz_seconds} s, /readyz 200 after ${start.seconds} s; stopped (exit ${code})`);
    return start;
  } catch (err) {
    process.stderr.write(`--- npm start output (last lines) ---\n${output.join('').split('\n').slice(-40).join('\n')}\n---\n`);
    throw err;
  } finally {
    await stop(child, exited);
  }
}

async function once(index: number): Promise<Run> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tds-bench-startup-'));
  const env: NodeJS.ProcessEnv = { ...process.env, WEB_DIST: path.join(dir, 'dist') };
  let cleanup = async () => undefined as void;
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const empty = await createEmptyDatabase(baseUrl);
    env.DATABASE_URL = empty.url;
    env.DATABASE_OWNER_URL = empty.ownerUrl;
    cleanup = empty.drop;
    progress(`run ${index}: no web build (${env.WEB_DIST}), empty database ${empty.name}`);
  } else {
    delete env.DATABASE_URL;
    delete env.DATABASE_OWNER_URL;
    env.DATA_DIR = path.join(dir, 'data');
    progress(`run ${index}: no web build (${env.WEB_DIST}), no data directory (${env.DATA_DIR})`);
  }
  try {
    // As after a fresh clone: nothing compiled or cached by the TypeScript loader either.
    const first = await timeStart(`run ${index}, first start`, { ...env, TSX_DISABLE_CACHE: '1' });
    const later = await timeStart(`run ${index}, later start`, env);
    return { first, later };
  } finally {
    await cleanup().catch((e: unknown) => progress(`WARNING: cleanup failed: ${String(e)}`));
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const runs = Math.round(envNumber('BENCH_RUNS', 3));
  const db = dbKind();
  progress(`database: ${db === 'postgres' ? "PostgreSQL (an empty database on DATABASE_URL's server per run)" : 'PGlite (a new data directory per run)'}`);
  const results: Run[] = [];
  for (let i = 1; i <= runs; i++) results.push(await once(i));
  const first = median(results.map((r) => r.first.seconds));
  const later = median(results.map((r) => r.later.seconds));
  emit({
    bench: 'startup',
    db,
    first_start_seconds: round(first, 2),
    later_start_seconds: round(later, 2),
    first_start_limit_seconds: FIRST_LIMIT_SECONDS,
    later_start_limit_seconds: LATER_LIMIT_SECONDS,
    first_start_ratio: round(first / FIRST_LIMIT_SECONDS, 3),
    later_start_ratio: round(later / LATER_LIMIT_SECONDS, 3),
    first_healthz_seconds: round(median(results.map((r) => r.first.healthz_seconds)), 2),
    later_healthz_seconds: round(median(results.map((r) => r.later.healthz_seconds)), 2),
    runs: results,
    command: 'node scripts/start.mjs',
  });
}

runMain(main);
