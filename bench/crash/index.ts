/**
 * crash: kill -9 the real server (a child process) at a random moment of a multi-row write, start
 * it again, and check that every write is all or nothing, that a client's retry adds nothing twice,
 * and that nothing acknowledged is lost; on the embedded database also that the next start opens
 * every time, and (torn_wal) that after a torn WAL the restored snapshot holds everything
 * acknowledged before it began. See bench/README.md.
 *
 *   npm run bench -- crash [--trials N] [--import-rows N] [--scenarios a,b] [--together]
 *                          [--report-batch N] [--publish-units N]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Database } from '@tds/api/src/db/client';
import { listSnapshots } from '@tds/api/src/db/snapshots';
import { runMigrations } from '@tds/api/src/db/migrate';
import { verifyAuditChains } from '@tds/api/src/cli/audit-verify';
import { MAX_IMPORT_ROWS } from '@tds/api/src/modules/org/import-units';
import { startServerProcess, type ServerProcess } from '@tds/api/src/testing/server-process';
import { createEmptyDatabase, dbKind, emit, median, progress, round, runMain, sleep } from '../_lib/common';
import { assertReachable } from '../_lib/database';
import { login } from '../_lib/server';
import { planPublish, reportBurst, tornWal, unitImport, type CheckResult, type Http, type Scenario } from './scenarios';
import { buildWorld, PASSWORD, USERNAME } from './setup';

/** Snapshot interval of the torn_wal scenario's server. */
const TORN_SNAPSHOT_SECONDS = 1.8;
const ALL = ['unit_import', 'report_burst', 'plan_publish', 'torn_wal'] as const;
type Name = (typeof ALL)[number];

interface Args {
  trials: number;
  importRows: number;
  scenarios: Name[];
  reportBatch: number;
  publishUnits: number;
  together: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  const num = (flag: string, fallback: number) => {
    const v = get(flag);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} needs a positive integer, got "${v}"`);
    return n;
  };
  const names = (get('--scenarios') ?? ALL.join(',')).split(',').filter(Boolean);
  for (const n of names) if (!(ALL as readonly string[]).includes(n)) throw new Error(`unknown scenario "${n}" (${ALL.join(', ')})`);
  return {
    trials: num('--trials', 20),
    importRows: num('--import-rows', 100_000),
    scenarios: names as Name[],
    reportBatch: num('--report-batch', 20),
    publishUnits: num('--publish-units', 300),
    together: argv.includes('--together'),
  };
}

/** Figures of one scenario. */
interface Tally {
  trials: number;
  /** Next open after the kill succeeded (embedded database; counted for every trial). */
  reopen_ok: number;
  /** The open had to restore a snapshot. */
  restored: number;
  /** Server starts after a kill that reached /readyz. */
  restart_ok: number;
  partial: Set<string>;
  duplicate: Set<string>;
  lost: Set<string>;
  /** Units of work without an answer when the server died (sent again after the restart). */
  unanswered: number;
  kill_after_ms: number[];
  extra: Record<string, number>;
}

const newTally = (): Tally => ({
  trials: 0,
  reopen_ok: 0,
  restored: 0,
  restart_ok: 0,
  partial: new Set(),
  duplicate: new Set(),
  lost: new Set(),
  unanswered: 0,
  kill_after_ms: [],
  extra: {},
});

function record(t: Tally, r: CheckResult): void {
  for (const id of r.partial) t.partial.add(id);
  for (const id of r.duplicate) t.duplicate.add(id);
  for (const id of r.lost) t.lost.add(id);
  for (const [k, v] of Object.entries(r.extra ?? {})) t.extra[k] = k.startsWith('lost') ? (t.extra[k] ?? 0) + v : v;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const kind = dbKind();
  const started = performance.now();
  const scenarios = args.scenarios.filter((s) => kind === 'pglite' || s !== 'torn_wal');
  const perFile = Math.min(MAX_IMPORT_ROWS, args.importRows);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-bench-crash-'));
  const dataDir = path.join(tmp, 'data');
  let dropDb = async () => undefined as void;
  let env: Record<string, string>;
  // On PostgreSQL the bench keeps one pool open for the checks (as the owner, past row-level security).
  let pgCheck: Database | null = null;
  if (kind === 'postgres') {
    await assertReachable(process.env.DATABASE_URL!);
    const empty = await createEmptyDatabase(process.env.DATABASE_URL!);
    dropDb = empty.drop;
    env = { DATABASE_URL: empty.url, DATABASE_OWNER_URL: empty.ownerUrl };
  } else {
    env = { DATA_DIR: dataDir, DATABASE_URL: '', DATABASE_OWNER_URL: '' };
  }
  env.SHUTDOWN_TIMEOUT_SECONDS = '5';
  const open = () => createDb(kind === 'postgres' ? { databaseUrl: env.DATABASE_URL!, ownerUrl: env.DATABASE_OWNER_URL! } : { dataDir });

  const live: { server: ServerProcess | null } = { server: null };
  const figures: Record<string, unknown> = {};
  try {
    progress(`database: ${kind}; trials ${args.trials} per scenario; scenarios ${scenarios.join(', ')}; import ${args.importRows} rows in files of ${perFile}`);
    const files = Math.ceil(args.importRows / perFile);
    const setupDb = await open();
    await runMigrations(setupDb);
    const world = await buildWorld(setupDb.db, {
      importCommunes: Math.ceil((args.trials * 3 + 2) / files) + 1,
      drafts: args.reportBatch * (args.trials * 8 + 8),
      plans: args.trials * 6 + 6,
      publishUnits: args.publishUnits,
    });
    if (kind === 'postgres') pgCheck = setupDb;
    else await setupDb.close();
    progress(
      `world built in ${round((performance.now() - started) / 1000, 1)} s: ${world.draftIds.length} draft reports, ${world.planIds.length} draft plans of ${world.dueItemsPerPlan} due items each`,
    );

    /** torn_wal: when the newest snapshot at the kill began (what was acknowledged before it must survive). */
    let snapshotCut: string | null = null;
    /** Opens after a kill (embedded database): every one must succeed (a failure ends the bench, said on stderr). */
    const reopens = { ok: 0, restored: 0, kills: 0 };
    const all: Scenario[] = [];
    for (const name of scenarios) {
      if (name === 'unit_import') all.push(await unitImport(world, args.importRows, perFile));
      if (name === 'report_burst') all.push(reportBurst(world, args.reportBatch));
      if (name === 'plan_publish') all.push(planPublish(world));
      if (name === 'torn_wal') all.push(tornWal(world, () => snapshotCut));
    }
    const tallies = new Map(all.map((s) => [s.name, newTally()]));

    let session: { cookie: string; csrf: string } | null = null;
    const start = async (extraEnv: Record<string, string> = {}): Promise<Http> => {
      live.server = await startServerProcess({ ...env, ...extraEnv }, 180_000);
      // Sessions live in the database: keep the one we have (logins are rate-limited per address) unless
      // it is gone (a restored snapshot may predate it).
      if (session) {
        const me = await fetch(`${live.server.url}/api/auth/me`, { headers: { cookie: session.cookie } });
        await me.arrayBuffer();
        if (me.status === 200) return { url: live.server.url, ...session };
      }
      session = await login(live.server.url, USERNAME, PASSWORD);
      return { url: live.server.url, cookie: session.cookie, csrf: session.csrf };
    };
    /** Open the database the way the next start does (embedded: recovery included), run the checks, close. */
    const checkAll = async (list: Scenario[], reopened: Tally[]) => {
      let database: Database;
      if (pgCheck) database = pgCheck;
      else {
        try {
          database = await open();
        } catch (err) {
          progress(`REOPEN FAILED: ${err instanceof Error ? err.message : String(err)}`);
          throw err;
        }
        const restored = database.embedded?.recovery?.kind === 'restored';
        if (reopened.length) {
          reopens.ok++;
          if (restored) reopens.restored++;
        }
        for (const t of reopened) {
          t.reopen_ok++;
          if (restored) t.restored++;
        }
      }
      try {
        for (const s of list) record(tallies.get(s.name)!, await s.check(database.system));
      } finally {
        if (!pgCheck) await database.close();
      }
    };

    const checked: Scenario[] = [];
    let http: Http | null = null;
    // Each scenario on its own, or (--together) the crash scenarios driven at once and killed together.
    const crashScenarios = all.filter((s) => s.name !== 'torn_wal');
    const groups = [...(args.together ? [crashScenarios] : crashScenarios.map((s) => [s])), ...all.filter((s) => s.name === 'torn_wal').map((s) => [s])].filter(
      (g) => g.length,
    );
    for (const group of groups) {
      const torn = group[0]!.name === 'torn_wal';
      const serverEnv: Record<string, string> = torn ? { SNAPSHOT_INTERVAL_MINUTES: String(TORN_SNAPSHOT_SECONDS / 60) } : {};
      if (torn && checked.length) {
        // Restoring a snapshot rolls back the other scenarios too: check them for the last time now.
        await stopServer(live);
        await checkAll(checked, []);
        checked.length = 0;
      }
      checked.push(...group);
      if (torn) await stopServer(live);
      if (!live.server || !http) http = await start(serverEnv);
      const ts = group.map((s) => tallies.get(s.name)!);
      for (let trial = 1; trial <= args.trials; trial++) {
        const estimate = Math.max(...group.map((s) => s.estimateMs()));
        const killAfter = torn ? TORN_SNAPSHOT_SECONDS * 1000 * (1.5 + Math.random() * 1.5) : Math.max(50, estimate * (0.05 + Math.random() * 1.2));
        const failed = Promise.all(group.map((s) => s.drive(http!))).then(
          () => null,
          (err: unknown) => err,
        );
        const early = await Promise.race([sleep(killAfter).then(() => null), failed]);
        if (early) throw early;
        live.server!.child.kill('SIGKILL');
        await live.server!.exited;
        live.server = null;
        reopens.kills++;
        const err = await failed;
        if (err) throw err;
        for (const [i, s] of group.entries()) {
          ts[i]!.trials++;
          ts[i]!.kill_after_ms.push(killAfter);
          ts[i]!.unanswered += s.unanswered();
        }
        if (torn) {
          snapshotCut = listSnapshots(dataDir)[0]?.meta.createdAt ?? null;
          tearNewestWal(dataDir);
        }
        const restoredBefore = ts[0]!.restored;
        await checkAll(checked, ts);
        // The torn WAL still opened: PostgreSQL took the torn record for the end of the log and what
        // followed it is gone without a restore (what fsync off means after a power loss).
        if (torn && ts[0]!.restored === restoredBefore) ts[0]!.extra.opened_without_restore = (ts[0]!.extra.opened_without_restore ?? 0) + 1;
        http = await start(serverEnv);
        for (const [i, s] of group.entries()) {
          ts[i]!.restart_ok++;
          await s.retry(http);
        }
        for (const [i, s] of group.entries()) {
          const t = ts[i]!;
          progress(
            `${s.name} trial ${trial}: killed after ${Math.round(killAfter)} ms; ${s.acked()} acknowledged so far; partial ${t.partial.size}, duplicates ${t.duplicate.size}, lost ${t.lost.size}${torn ? `; restored ${t.restored}, lost after the snapshot ${t.extra.lost_after_snapshot ?? 0}` : ''}`,
          );
          if (t.partial.size + t.duplicate.size + t.lost.size)
            progress(`  partial: ${[...t.partial].join(' ')}; duplicate: ${[...t.duplicate].join(' ')}; lost: ${[...t.lost].join(' ')}`);
        }
      }
    }
    // Last: a clean stop, then the final state of what was checked since (after the retries).
    await stopServer(live);
    await checkAll(checked, []);
    const auditDb = pgCheck ?? (await open());
    const audit = await verifyAuditChains(auditDb.db);
    if (!pgCheck) await auditDb.close();

    const sum = (f: (t: Tally) => number, filter: (name: string) => boolean = () => true) =>
      [...tallies.entries()].filter(([n]) => filter(n)).reduce((n, [, t]) => n + f(t), 0);
    const per: Record<string, unknown> = {};
    for (const [name, t] of tallies) {
      per[name] = {
        trials: t.trials,
        ...(kind === 'pglite' ? { reopen_ok: t.reopen_ok, restored: t.restored } : {}),
        restart_ok: t.restart_ok,
        partial_records: t.partial.size,
        duplicate_records: t.duplicate.size,
        lost_committed: t.lost.size,
        unanswered: t.unanswered,
        retries: all.find((s) => s.name === name)!.retries,
        acknowledged: all.find((s) => s.name === name)!.acked(),
        ran_out_of_work: all.find((s) => s.name === name)!.idle.n,
        kill_after_ms_median: Math.round(median(t.kill_after_ms.length ? t.kill_after_ms : [0])),
        ...t.extra,
      };
    }
    const crashes = (n: string) => n !== 'torn_wal';
    Object.assign(figures, {
      bench: 'crash',
      db: kind,
      trials: args.trials,
      kills: reopens.kills,
      ...(kind === 'pglite'
        ? { pglite_reopen_ok: reopens.ok, pglite_reopen_ratio: round(reopens.ok / Math.max(1, reopens.kills), 3), pglite_restored: reopens.restored }
        : {}),
      partial_records: sum((t) => t.partial.size),
      duplicate_records: sum((t) => t.duplicate.size),
      lost_committed: sum((t) => t.lost.size, crashes),
      ...(tallies.has('torn_wal') ? { lost_before_snapshot: tallies.get('torn_wal')!.lost.size } : {}),
      audit_chains_ok: audit.ok,
      import_rows: args.importRows,
      import_rows_per_file: perFile,
      report_batch: args.reportBatch,
      together: args.together,
      due_items_per_publish: world.dueItemsPerPlan,
      scenarios: per,
      seconds: round((performance.now() - started) / 1000, 1),
    });
  } finally {
    if (live.server) {
      live.server.child.kill('SIGKILL');
      await live.server.exited;
    }
    if (pgCheck) await pgCheck.close().catch(() => undefined);
    await dropDb().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  emit(figures as { bench: string; db: 'pglite' | 'postgres' });
}

/** A clean stop (SIGTERM), when a server runs. */
async function stopServer(live: { server: ServerProcess | null }): Promise<void> {
  if (!live.server) return;
  live.server.child.kill('SIGTERM');
  await live.server.exited;
  live.server = null;
}

/** Overwrite the newest WAL segment with noise: what a power loss can leave of the log (PGlite runs with fsync off). */
function tearNewestWal(dataDir: string): void {
  const wal = path.join(dataDir, 'pg_wal');
  // The segment being written is the one changed last (recycled segments wait under later names).
  const last = fs
    .readdirSync(wal)
    .filter((n) => /^[0-9A-F]{24}$/u.test(n))
    .map((n) => ({ n, t: fs.statSync(path.join(wal, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t)[0]?.n;
  if (!last) return;
  const fd = fs.openSync(path.join(wal, last), 'r+');
  const noise = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < noise.length; i += 4) noise.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
  fs.writeSync(fd, noise, 0, noise.length, 0);
  fs.closeSync(fd);
}

runMain(main);
