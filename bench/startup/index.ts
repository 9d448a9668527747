/**
 * startup: seconds from `npm start` (node scripts/start.mjs) to the first 200 from /readyz on an
 * empty data directory (or an empty PostgreSQL database), i.e. process start, migrations and the
 * demo data. The web app is built beforehand when missing, so the figure is the server's start.
 *
 *   npm run bench -- startup      (BENCH_RUNS=3)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEmptyDatabase, dbKind, emit, envNumber, freePort, median, progress, round, runMain, sleep } from '../_lib/common';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LIMIT_SECONDS = 60; // the limit
const GIVE_UP_SECONDS = 180;
const POLL_MS = 100;

interface Run {
  seconds: number;
  healthz_seconds: number;
}

/** Make sure apps/web/dist exists, so start.mjs does not build it inside the timed window. */
function ensureWebBuilt(): boolean {
  if (existsSync(path.join(root, 'apps/web/dist/index.html'))) return true;
  progress('apps/web/dist is missing: building the web app first (npm run build -w apps/web), outside the timing');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '-w', 'apps/web'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status === 0 && existsSync(path.join(root, 'apps/web/dist/index.html'))) return true;
  progress('WARNING: the web app does not build right now. Timing the server directly (node --import tsx apps/api/src/main.ts,');
  progress('         what start.mjs runs after its build step) instead of `npm start`; fix the web build and run again for the real figure.');
  return false;
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

async function once(index: number, useStartScript: boolean): Promise<Run> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  let cleanup = async () => undefined as void;
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    const empty = await createEmptyDatabase(baseUrl);
    env.DATABASE_URL = empty.url;
    env.DATABASE_OWNER_URL = empty.ownerUrl;
    cleanup = empty.drop;
    progress(`run ${index}: empty database ${empty.name}, port ${port}`);
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tds-bench-startup-'));
    delete env.DATABASE_URL;
    delete env.DATABASE_OWNER_URL;
    env.DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    progress(`run ${index}: empty data directory ${dir}, port ${port}`);
  }

  const output: string[] = [];
  const args = useStartScript ? [path.join(root, 'scripts/start.mjs')] : ['--import', 'tsx', path.join(root, 'apps/api/src/main.ts')];
  const started = performance.now();
  // Own process group, so a stuck server can be killed with everything it started.
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const keep = (chunk: Buffer) => {
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  try {
    let healthz: number | null = null;
    let readyz: number | null = null;
    while (readyz === null) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before /readyz answered 200`);
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed > GIVE_UP_SECONDS) throw new Error(`no 200 from /readyz after ${GIVE_UP_SECONDS} s`);
      const [h, r] = await Promise.all([
        healthz === null ? status(`http://127.0.0.1:${port}/healthz`) : Promise.resolve(200),
        status(`http://127.0.0.1:${port}/readyz`),
      ]);
      const now = (performance.now() - started) / 1000;
      if (healthz === null && h === 200) healthz = now;
      if (r === 200) readyz = now;
      else await sleep(POLL_MS);
    }
    const run = { seconds: round(readyz, 2), healthz_seconds: round(healthz ?? readyz, 2) };
    const code = await stop(child, exited);
    progress(`run ${index}: /healthz 200 after ${run.healthz_seconds} s, /readyz 200 after ${run.seconds} s; stopped (exit ${code})`);
    return run;
  } catch (err) {
    process.stderr.write(`--- server output (last lines) ---\n${output.join('').split('\n').slice(-40).join('\n')}\n---\n`);
    throw err;
  } finally {
    await stop(child, exited);
    await cleanup().catch((e: unknown) => progress(`WARNING: cleanup failed: ${String(e)}`));
  }
}

async function main() {
  const runs = Math.round(envNumber('BENCH_RUNS', 3));
  const db = dbKind();
  progress(`database: ${db === 'postgres' ? 'PostgreSQL (an empty database on DATABASE_URL\'s server per run)' : 'PGlite (an empty data directory per run)'}`);
  const useStartScript = ensureWebBuilt();
  const results: Run[] = [];
  for (let i = 1; i <= runs; i++) results.push(await once(i, useStartScript));
  const seconds = median(results.map((r) => r.seconds));
  emit({
    bench: 'startup',
    db,
    seconds: round(seconds, 2),
    healthz_seconds: round(median(results.map((r) => r.healthz_seconds)), 2),
    startup_ratio: round(seconds / LIMIT_SECONDS, 3),
    runs: results,
    command: useStartScript ? 'node scripts/start.mjs' : 'node --import tsx apps/api/src/main.ts (web build failing)',
  });
}

runMain(main);
