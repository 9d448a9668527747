import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/*
 * Rolling snapshots of the embedded database's data directory, kept in DATA_DIR/snapshots/ as one
 * archive file each (<name>.snap, with <name>.json beside it). A snapshot is taken right after a
 * CHECKPOINT while no other statement can run (inside one PGlite transaction, which holds its only
 * connection), with only the WAL segments from the checkpoint's redo point on; opening it is the
 * same crash recovery as after a kill, replaying nothing but that checkpoint. One file, so that one
 * fsync makes it durable (a thousand small files took a second of fsyncs): written as `.tmp-*`,
 * fsync'd, renamed, then its .json written durably; only a snapshot with both files counts, and its
 * SHA-256 is checked before it is restored. Owner-only (0600): it holds password hashes.
 *
 * Archive: the line "TDSSNAP1", then per entry one JSON line {"p": path, "t": "d"|"f", "s": size}
 * followed by `s` bytes for a file.
 */

/** Folder of the snapshots inside the data directory. */
export const SNAPSHOT_DIR = 'snapshots';
/** Folder where unopenable data directories are moved (never deleted). */
export const BROKEN_DIR = 'broken';
/** Marker of a recovery the audit log has not recorded yet. */
export const RECOVERY_MARKER = 'recovery-pending.json';
/** Our own files in the data directory: never part of a snapshot, never moved aside. */
export const OWN_ENTRIES: ReadonlySet<string> = new Set([SNAPSHOT_DIR, BROKEN_DIR, RECOVERY_MARKER, 'tds.lock']);
/** PostgreSQL's lock file: always stale when we hold tds.lock, never copied. */
export const POSTMASTER_PID = 'postmaster.pid';
const MAGIC = 'TDSSNAP1\n';
const CHUNK = 1024 * 1024;

/** What <name>.json records. */
export interface SnapshotMeta {
  /** When the copy began (ISO): every transaction committed before this instant is in it. */
  createdAt: string;
  /** WAL position right after the checkpoint (pg_current_wal_lsn), to tell whether anything changed since. */
  lsn: string;
  files: number;
  /** Size of the data files copied. */
  bytes: number;
  /** SHA-256 of the archive file. */
  sha256: string;
}

/** A complete snapshot on disk. */
export interface Snapshot {
  name: string;
  /** The archive file. */
  file: string;
  meta: SnapshotMeta;
}

/** Complete snapshots of a data directory, newest first. */
export function listSnapshots(dataDir: string): Snapshot[] {
  const root = path.join(dataDir, SNAPSHOT_DIR);
  if (!fs.existsSync(root)) return [];
  const out: Snapshot[] = [];
  for (const entry of fs.readdirSync(root)) {
    if (entry.startsWith('.') || !entry.endsWith('.json')) continue;
    const name = entry.slice(0, -'.json'.length);
    const file = path.join(root, `${name}.snap`);
    try {
      const meta = JSON.parse(fs.readFileSync(path.join(root, entry), 'utf8')) as SnapshotMeta;
      if (fs.existsSync(file)) out.push({ name, file, meta });
    } catch {
      /* incomplete or foreign: not a snapshot */
    }
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

/** A sortable name for a snapshot taken at `at`. */
function snapshotName(at: Date): string {
  return at.toISOString().replace(/[-:]/gu, '').replace('.', '');
}

/**
 * Take a snapshot of the open database `client` (files in `dataDir`) and keep the newest `keep`.
 * Other statements wait while the files are copied (a fraction of a second for a commune's
 * database); the fsync happens after.
 */
export async function takeSnapshot(client: PGlite, dataDir: string, keep: number): Promise<Snapshot> {
  const root = path.join(dataDir, SNAPSHOT_DIR);
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  removeLeftovers(root);
  const started = new Date();
  const name = snapshotName(started);
  const tmp = path.join(root, `.tmp-${name}.snap`);
  const file = path.join(root, `${name}.snap`);
  let lsn = '';
  let written = { files: 0, bytes: 0, sha256: '' };
  await client.transaction(async (tx) => {
    // CHECKPOINT is allowed in a transaction block; while this transaction runs nothing else can.
    await tx.exec('CHECKPOINT');
    const r = await tx.query<{ redo: string; cur: string; lsn: string }>(
      `select redo_wal_file as redo, pg_walfile_name(pg_current_wal_lsn()) as cur, pg_current_wal_lsn()::text as lsn from pg_control_checkpoint()`,
    );
    const { redo, cur } = r.rows[0]!;
    lsn = r.rows[0]!.lsn;
    written = writeArchive(dataDir, tmp, (rel) => {
      const [top, second] = rel.split('/');
      if (rel === top) return !OWN_ENTRIES.has(top!) && top !== POSTMASTER_PID;
      // WAL: only the segments from the checkpoint's redo point to the current one.
      if (top === 'pg_wal' && second && /^[0-9A-F]{24}$/u.test(second)) return second >= redo && second <= cur;
      return true;
    });
  });
  fsyncPath(tmp);
  fs.renameSync(tmp, file);
  const meta: SnapshotMeta = { createdAt: started.toISOString(), lsn, ...written };
  writeFileDurably(path.join(root, `${name}.json`), JSON.stringify(meta, null, 2));
  for (const old of listSnapshots(dataDir).slice(Math.max(1, keep))) {
    fs.rmSync(path.join(root, `${old.name}.json`), { force: true });
    fs.rmSync(old.file, { force: true });
  }
  return { name, file, meta };
}

/** Remove what interrupted snapshots left: temp archives, and archives whose .json never came. */
function removeLeftovers(root: string): void {
  for (const entry of fs.readdirSync(root)) {
    const orphan = entry.endsWith('.snap') && !fs.existsSync(path.join(root, `${entry.slice(0, -'.snap'.length)}.json`));
    if (entry.startsWith('.tmp-') || orphan) fs.rmSync(path.join(root, entry), { recursive: true, force: true });
  }
}

/** Write the entries of `from` that `keep(relative path)` accepts into the archive `file`. */
function writeArchive(from: string, file: string, keep: (rel: string) => boolean): { files: number; bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const out = fs.openSync(file, 'wx', 0o600);
  const buf = Buffer.alloc(CHUNK);
  let files = 0;
  let bytes = 0;
  const put = (b: Buffer) => {
    hash.update(b);
    fs.writeSync(out, b);
  };
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${entry.name}` : entry.name;
      if (!keep(r)) continue;
      if (entry.isDirectory()) {
        put(Buffer.from(`${JSON.stringify({ p: r, t: 'd' })}\n`));
        walk(r);
      } else if (entry.isFile()) {
        const fd = fs.openSync(path.join(from, r), 'r');
        try {
          const size = fs.fstatSync(fd).size;
          put(Buffer.from(`${JSON.stringify({ p: r, t: 'f', s: size })}\n`));
          for (let done = 0; done < size;) {
            const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, size - done), done);
            if (n <= 0) throw new Error(`${r} became shorter while it was copied`);
            put(buf.subarray(0, n));
            done += n;
          }
          files++;
          bytes += size;
        } finally {
          fs.closeSync(fd);
        }
      }
    }
  };
  try {
    put(Buffer.from(MAGIC));
    walk('');
  } finally {
    fs.closeSync(out);
  }
  return { files, bytes, sha256: hash.digest('hex') };
}

/** SHA-256 of a file, read in chunks. */
function fileSha256(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(CHUNK);
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, CHUNK, null)) > 0;) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Unpack snapshot `snap` into `dataDir` (whose PostgreSQL files were moved away) and make the files
 * durable. Throws, writing nothing, when the archive does not match its checksum.
 */
export function restoreSnapshot(snap: Snapshot, dataDir: string): void {
  if (fileSha256(snap.file) !== snap.meta.sha256) throw new Error(`bản chụp ${snap.name} bị hỏng (tổng kiểm SHA-256 không khớp)`);
  const fd = fs.openSync(snap.file, 'r');
  const buf = Buffer.alloc(CHUNK);
  let pos = 0;
  let have = 0;
  let start = 0;
  const fill = () => {
    if (start > 0) {
      buf.copy(buf, 0, start, have);
      have -= start;
      start = 0;
    }
    const n = fs.readSync(fd, buf, have, CHUNK - have, pos);
    pos += n;
    have += n;
    return n;
  };
  const line = (): string | null => {
    for (;;) {
      const nl = buf.indexOf(10, start);
      if (nl !== -1 && nl < have) {
        const text = buf.toString('utf8', start, nl);
        start = nl + 1;
        return text;
      }
      if (fill() === 0) return null;
    }
  };
  const root = path.resolve(dataDir);
  try {
    if (`${line()}\n` !== MAGIC) throw new Error(`bản chụp ${snap.name} không đúng định dạng`);
    for (let text = line(); text !== null; text = line()) {
      const e = JSON.parse(text) as { p: string; t: 'd' | 'f'; s?: number };
      const target = path.resolve(dataDir, ...e.p.split('/'));
      if (!target.startsWith(root + path.sep)) throw new Error(`đường dẫn lạ trong bản chụp: ${e.p}`);
      if (e.t === 'd') {
        fs.mkdirSync(target, { recursive: true, mode: 0o700 });
        continue;
      }
      const out = fs.openSync(target, 'w', 0o600);
      try {
        for (let left = e.s ?? 0; left > 0;) {
          if (start >= have && fill() === 0) throw new Error(`bản chụp ${snap.name} bị cắt cụt`);
          const n = Math.min(left, have - start);
          fs.writeSync(out, buf, start, n);
          start += n;
          left -= n;
        }
        fs.fsyncSync(out);
      } finally {
        fs.closeSync(out);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  fsyncTree(dataDir);
}

/** fsync one file or folder (a folder's fsync makes the names in it durable). */
export function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** fsync every folder under `dir` but our own, deepest first, then `dir` itself. */
export function fsyncTree(dir: string, top = true): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && !(top && OWN_ENTRIES.has(entry.name))) fsyncTree(path.join(dir, entry.name), false);
  }
  fsyncPath(dir);
}

/** Write a small file so that it is on disk when this returns: temp file, fsync, rename, fsync the folder. */
export function writeFileDurably(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fsyncPath(tmp);
  fs.renameSync(tmp, file);
  fsyncPath(path.dirname(file));
}

/** What the periodic snapshots need. */
export interface SnapshotTimerOptions {
  client: PGlite;
  dataDir: string;
  /** Minutes between checks; a snapshot is taken only when something was written since the last one. */
  intervalMinutes: number;
  keep: number;
  log: { info(msg: string): void; warn(msg: string): void };
}

/** Periodic snapshots; `stop()` waits for one in progress; `snapshotIfChanged()` takes one now if needed. */
export interface SnapshotTimer {
  snapshotIfChanged(): Promise<Snapshot | null>;
  stop(): Promise<void>;
}

/** Take a snapshot every `intervalMinutes` when the database changed (0: only on demand). */
export function startSnapshots(opts: SnapshotTimerOptions): SnapshotTimer {
  let running: Promise<Snapshot | null> | null = null;
  let stopped = false;
  const changed = async (): Promise<boolean> => {
    const last = listSnapshots(opts.dataDir)[0];
    if (!last) return true;
    const r = await opts.client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    return r.rows[0]!.lsn !== last.meta.lsn;
  };
  const snapshotIfChanged = (): Promise<Snapshot | null> => {
    running ??= (async () => {
      try {
        if (!(await changed())) return null;
        const s = await takeSnapshot(opts.client, opts.dataDir, opts.keep);
        opts.log.info(`Đã lưu bản chụp CSDL nhúng ${s.name} (${Math.round(s.meta.bytes / 1e6)} MB).`);
        return s;
      } catch (err) {
        opts.log.warn(`Không lưu được bản chụp CSDL nhúng: ${err instanceof Error ? err.message : String(err)}`);
        return null;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer =
    opts.intervalMinutes > 0
      ? setInterval(() => {
          if (!stopped) void snapshotIfChanged();
        }, opts.intervalMinutes * 60_000)
      : null;
  timer?.unref();
  return {
    snapshotIfChanged,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
