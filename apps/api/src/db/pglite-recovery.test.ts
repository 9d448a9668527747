import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../testing/harness';
import { createDb } from './client';
import { inspectDataDir, pendingRecovery } from './pglite-recovery';
import { listSnapshots, restoreSnapshot, takeSnapshot } from './snapshots';

const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;

/** A PostgreSQL WAL segment file name. */
const isSegment = (name: string) => /^[0-9A-F]{24}$/u.test(name);

/**
 * A separate process writing rows into `dataDir` one transaction at a time, printing each id once
 * committed, killed with SIGKILL after `rows` commits. Resolves to the committed ids.
 */
async function killDuringWrites(dir: string, dataDir: string, rows: number): Promise<number[]> {
  const script = path.join(dir, 'writer.mjs');
  fs.writeFileSync(
    script,
    `import { PGlite } from ${JSON.stringify(pglite)};
const db = await PGlite.create({ dataDir: process.argv[2] });
await db.exec('create table if not exists t (id int primary key, v text)');
let i = (await db.query('select coalesce(max(id), 0) + 1 as n from t')).rows[0].n;
for (;;) { await db.query('insert into t values ($1, $2)', [i, 'x'.repeat(300)]); process.stdout.write(i + '\\n'); i++; }
`,
  );
  const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const acked: number[] = [];
  let buf = '';
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolve());
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop()!;
      for (const l of lines) acked.push(Number(l));
      if (acked.length >= rows) child.kill('SIGKILL');
    });
  });
  return acked;
}

async function count(dataDir: string): Promise<{ n: number; max: number; recovery: unknown }> {
  const d = await createDb({ dataDir });
  try {
    const r = await d.embedded!.client.query<{ n: number; max: number }>('select count(*)::int as n, coalesce(max(id), 0) as max from t');
    return { ...r.rows[0]!, recovery: d.embedded!.recovery };
  } finally {
    await d.close();
  }
}

/** Overwrite the newest WAL segment with noise: the torn WAL a power loss can leave. */
function tearWal(dataDir: string): void {
  const wal = path.join(dataDir, 'pg_wal');
  // The segment being written is the one changed last (recycled segments wait under later names).
  const last = fs
    .readdirSync(wal)
    .filter(isSegment)
    .sort((a, b) => fs.statSync(path.join(wal, b)).mtimeMs - fs.statSync(path.join(wal, a)).mtimeMs)[0]!;
  const fd = fs.openSync(path.join(wal, last), 'r+');
  const noise = Buffer.alloc(16 * 1024 * 1024);
  for (let i = 0; i < noise.length; i += 4) noise.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
  fs.writeSync(fd, noise, 0, noise.length, 0);
  fs.closeSync(fd);
}

describe.skipIf(testDbKind() === 'postgres')('the embedded database after an unclean stop', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-recovery-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  let base: string;

  beforeAll(async () => {
    base = path.join(dir, 'base');
    const d = await createDb({ dataDir: base });
    await d.embedded!.client.exec('create table t (id int primary key, v text)');
    await d.close();
  }, 60_000);

  const copyOfBase = (name: string) => {
    const to = path.join(dir, name);
    fs.cpSync(base, to, { recursive: true });
    return to;
  };

  it('a clean close leaves a clean directory: no PostgreSQL lock file, pg_control shut down, no recovery', async () => {
    expect(inspectDataDir(base)).toEqual({ initialised: true, unclean: false, reasons: [] });
    expect(fs.existsSync(path.join(base, 'tds.lock'))).toBe(false);
    const { recovery } = await count(base);
    expect(recovery).toBeNull();
    expect(pendingRecovery(base)).toBeNull();
  });

  it('kill -9 during writes: the next open replays the WAL, every committed row is there, and says so', async () => {
    const d = copyOfBase('killed');
    const acked = await killDuringWrites(dir, d, 300);
    const state = inspectDataDir(d);
    expect(state.unclean).toBe(true);
    const after = await count(d);
    expect(after.n).toBeGreaterThanOrEqual(acked.length);
    expect(after.max).toBeGreaterThanOrEqual(acked[acked.length - 1]!);
    expect(after.recovery).toMatchObject({ kind: 'replayed' });
    expect(pendingRecovery(d)).toMatchObject({ kind: 'replayed' });
    expect(inspectDataDir(d).unclean).toBe(false);
  }, 60_000);

  it('a stale, half-written postmaster.pid (which makes PGlite fail to start) is removed', async () => {
    const d = copyOfBase('stale-pid');
    fs.writeFileSync(path.join(d, 'postmaster.pid'), '');
    const after = await count(d);
    expect(after.recovery).toMatchObject({ kind: 'replayed', reasons: [expect.stringContaining('postmaster.pid')] });
  }, 60_000);

  it('a torn WAL without any snapshot: refuses with a clear message and moves nothing', async () => {
    const d = copyOfBase('no-snapshot');
    await killDuringWrites(dir, d, 50);
    tearWal(d);
    const before = fs.readdirSync(d).sort();
    await expect(createDb({ dataDir: d })).rejects.toThrow(/chưa có bản chụp nào/u);
    const pgFiles = (names: string[]) => names.filter((n) => n !== 'postmaster.pid').sort();
    expect(pgFiles(fs.readdirSync(d))).toEqual(pgFiles(before));
    expect(fs.existsSync(path.join(d, 'tds.lock'))).toBe(false);
  }, 60_000);

  it('a torn WAL: the broken files move aside, the newest snapshot that opens is restored, nothing before it lost', async () => {
    const d = copyOfBase('torn');
    const db = await createDb({ dataDir: d });
    const client = db.embedded!.client;
    await client.query("insert into t select g, 'a' from generate_series(1, 100) g");
    const first = await takeSnapshot(client, d, 3);
    await client.query("insert into t select g, 'b' from generate_series(101, 250) g");
    const second = await takeSnapshot(client, d, 3);
    await db.close();
    expect(listSnapshots(d).map((s) => s.name)).toEqual([second.name, first.name]);
    // One owner-only file with the files PostgreSQL needs, only the WAL from the checkpoint on, none of ours.
    expect(fs.statSync(second.file).mode & 0o777).toBe(0o600);
    const unpacked = path.join(dir, 'unpacked');
    fs.mkdirSync(unpacked);
    restoreSnapshot(second, unpacked);
    expect(fs.existsSync(path.join(unpacked, 'global', 'pg_control'))).toBe(true);
    expect(fs.readdirSync(path.join(unpacked, 'pg_wal')).filter(isSegment).length).toBeLessThanOrEqual(2);
    for (const own of ['snapshots', 'tds.lock', 'postmaster.pid']) expect(fs.existsSync(path.join(unpacked, own))).toBe(false);

    await killDuringWrites(dir, d, 100);
    tearWal(d);
    // The newest snapshot is damaged too (its checksum no longer matches): the one before it is used.
    const fd = fs.openSync(second.file, 'r+');
    fs.writeSync(fd, Buffer.from('bit rot'), 0, 7, Math.floor(fs.statSync(second.file).size / 2));
    fs.closeSync(fd);
    const after = await count(d);
    expect(after.recovery).toMatchObject({ kind: 'restored', snapshot: { name: first.name } });
    expect(after.n).toBe(100);
    const report = pendingRecovery(d)!;
    expect(report.kind).toBe('restored');
    const broken = fs.readdirSync(report.brokenDir!);
    expect(broken).toEqual(expect.arrayContaining(['PG_VERSION', 'pg_wal', 'base']));
    // Snapshots are kept (the damaged one too: nothing is deleted).
    expect(listSnapshots(d).map((s) => s.name)).toEqual([second.name, first.name]);
  }, 120_000);

  it('keeps the newest snapshots only, and clears what an interrupted one left', async () => {
    const d = copyOfBase('rolling');
    const db = await createDb({ dataDir: d });
    try {
      fs.mkdirSync(path.join(d, 'snapshots'));
      fs.writeFileSync(path.join(d, 'snapshots', '.tmp-20000101T000000000Z.snap'), 'half');
      fs.writeFileSync(path.join(d, 'snapshots', '20000101T000000000Z.snap'), 'no json: never finished');
      const names: string[] = [];
      for (let i = 0; i < 4; i++) {
        await db.embedded!.client.query('insert into t values ($1, $2)', [1000 + i, 'x']);
        names.push((await takeSnapshot(db.embedded!.client, d, 2)).name);
      }
      expect(listSnapshots(d).map((s) => s.name)).toEqual([names[3], names[2]]);
      expect(fs.readdirSync(path.join(d, 'snapshots')).sort()).toEqual([names[2], names[3]].flatMap((n) => [`${n}.json`, `${n}.snap`]));
    } finally {
      await db.close();
    }
  }, 60_000);
});
