import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { BROKEN_DIR, fsyncPath, listSnapshots, OWN_ENTRIES, POSTMASTER_PID, RECOVERY_MARKER, restoreSnapshot, writeFileDurably } from './snapshots';

/*
 * Opening the embedded database after an unclean stop (power loss, kill -9). PGlite runs
 * PostgreSQL in one process with fsync off; after a crash the directory still holds PostgreSQL's
 * lock file and pg_control says "in production". Usually the WAL replays and all is well, but a
 * torn WAL or a half-written lock file make the open fail (`Aborted()` from the WASM module, or
 * "PGlite failed to initialize properly"). PGlite 0.5 throws these as ordinary errors and a new
 * instance in the same process works afterwards, so the open is retried in-process.
 *
 * Steps: (1) the lock file postmaster.pid is always stale here (tds.lock makes us the only process
 * on the directory, and PGlite writes a fake pid), so it is removed; (2) open; (3) if that fails,
 * move the directory's PostgreSQL files to DATA_DIR/broken/<time>/ (never deleted) and restore the
 * newest snapshot that opens, saying so on the console and leaving a marker for the audit log.
 */

/** pg_control's DBState values that mean "stopped cleanly". */
const SHUT_DOWN_STATES = new Set([1, 2]);

/** How the directory looked before opening. */
export interface DirState {
  /** A PostgreSQL data directory exists (PG_VERSION). */
  initialised: boolean;
  /** Signs of an unclean stop: a leftover postmaster.pid, or pg_control not in a shut-down state. */
  unclean: boolean;
  reasons: string[];
}

/** What happened at open, for the console and the audit log. */
export interface RecoveryReport {
  /** `replayed`: opened after an unclean stop (crash recovery); `restored`: opened from a snapshot. */
  kind: 'replayed' | 'restored';
  at: string;
  reasons: string[];
  /** Where the unopenable files were moved (restored only). */
  brokenDir?: string;
  /** The snapshot restored, with the instant up to which its data is complete. */
  snapshot?: { name: string; createdAt: string };
  /** Why the first open failed. */
  error?: string;
}

/** Look at a data directory without opening it. */
export function inspectDataDir(dataDir: string): DirState {
  const reasons: string[] = [];
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return { initialised: false, unclean: false, reasons };
  if (fs.existsSync(path.join(dataDir, POSTMASTER_PID))) reasons.push('còn tệp khóa postmaster.pid của lần chạy trước');
  try {
    const control = fs.readFileSync(path.join(dataDir, 'global', 'pg_control'));
    const state = control.readInt32LE(16);
    if (!SHUT_DOWN_STATES.has(state)) reasons.push(`pg_control ở trạng thái ${state} (không phải đã dừng sạch)`);
  } catch {
    reasons.push('không đọc được global/pg_control');
  }
  return { initialised: true, unclean: reasons.length > 0, reasons };
}

/** Open and check that the catalogue answers; close the instance again when the check fails. */
async function openChecked(create: () => Promise<PGlite>): Promise<PGlite> {
  const client = await create();
  try {
    await client.query('select count(*) from pg_catalog.pg_class');
    return client;
  } catch (err) {
    await client.close().catch(() => undefined);
    throw err;
  }
}

/** Console output of the recovery (Vietnamese); stderr by default. */
export type RecoveryLog = (message: string) => void;
const stderr: RecoveryLog = (m) => process.stderr.write(`${m}\n`);

/**
 * Open the embedded database in `dataDir` with `create`, repairing and restoring as described
 * above. Throws when the directory cannot be opened and no snapshot opens either (nothing is
 * deleted; the message says where the files are).
 */
export async function openEmbedded(
  dataDir: string,
  create: () => Promise<PGlite>,
  log: RecoveryLog = stderr,
): Promise<{ client: PGlite; recovery: RecoveryReport | null }> {
  const state = inspectDataDir(dataDir);
  if (state.unclean) {
    log(`CẢNH BÁO: cơ sở dữ liệu nhúng ${dataDir} không được dừng đúng cách lần trước (${state.reasons.join('; ')}); đang phục hồi...`);
    fs.rmSync(path.join(dataDir, POSTMASTER_PID), { force: true });
  }
  let firstError: unknown;
  try {
    const client = await openChecked(create);
    if (!state.unclean) return { client, recovery: null };
    log('Đã mở lại cơ sở dữ liệu nhúng: PostgreSQL đã phục hồi từ nhật ký ghi trước (WAL).');
    const report: RecoveryReport = { kind: 'replayed', at: new Date().toISOString(), reasons: state.reasons };
    writeFileDurably(path.join(dataDir, RECOVERY_MARKER), JSON.stringify(report, null, 2));
    return { client, recovery: report };
  } catch (err) {
    if (!state.initialised) throw err;
    firstError = err;
  }
  const error = errorText(firstError);
  const snapshots = listSnapshots(dataDir);
  if (!snapshots.length) {
    throw new Error(
      `Không mở được cơ sở dữ liệu nhúng ${dataDir} (${error}) và chưa có bản chụp nào trong ${path.join(dataDir, 'snapshots')} để khôi phục. ` +
        'Thư mục được giữ nguyên; hãy khôi phục từ bản sao lưu (npm run cli -- restore TỆP vào một DATA_DIR mới).',
    );
  }
  log(`Không mở được cơ sở dữ liệu nhúng (${error}).`);
  const stamp = new Date().toISOString().replace(/[-:]/gu, '').replace('.', '');
  const brokenDir = moveAside(dataDir, path.join(dataDir, BROKEN_DIR, stamp));
  log(`Đã chuyển các tệp hỏng sang ${brokenDir} (không xóa).`);
  for (const [i, snap] of snapshots.entries()) {
    try {
      restoreSnapshot(snap, dataDir);
      const client = await openChecked(create);
      const report: RecoveryReport = {
        kind: 'restored',
        at: new Date().toISOString(),
        reasons: state.reasons,
        brokenDir,
        error,
        snapshot: { name: snap.name, createdAt: snap.meta.createdAt },
      };
      writeFileDurably(path.join(dataDir, RECOVERY_MARKER), JSON.stringify(report, null, 2));
      log(
        `ĐÃ KHÔI PHỤC cơ sở dữ liệu nhúng từ bản chụp ${snap.name} (dữ liệu đến ${formatVn(snap.meta.createdAt)}, giờ Việt Nam). ` +
          'Các thay đổi sau thời điểm đó không còn; hãy kiểm tra và nhập lại nếu cần.',
      );
      return { client, recovery: report };
    } catch (err) {
      log(`Bản chụp ${snap.name} cũng không mở được (${errorText(err)}).`);
      moveAside(dataDir, path.join(brokenDir, `snapshot-${i + 1}-${snap.name}`));
    }
  }
  throw new Error(`Không mở được cơ sở dữ liệu nhúng ${dataDir} và không bản chụp nào mở được; các tệp ở ${brokenDir}. Hãy khôi phục từ bản sao lưu.`);
}

/** Move every PostgreSQL entry of `dataDir` (not our own files) into `target`; returns `target`. */
function moveAside(dataDir: string, target: string): string {
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  for (const name of fs.readdirSync(dataDir)) {
    if (OWN_ENTRIES.has(name)) continue;
    fs.renameSync(path.join(dataDir, name), path.join(target, name));
  }
  fsyncPath(target);
  fsyncPath(dataDir);
  return target;
}

/** The pending recovery report the audit log has not recorded yet, if any. */
export function pendingRecovery(dataDir: string): RecoveryReport | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, RECOVERY_MARKER), 'utf8')) as RecoveryReport;
  } catch {
    return null;
  }
}

/** Forget the pending report once the audit log holds it. */
export function clearPendingRecovery(dataDir: string): void {
  fs.rmSync(path.join(dataDir, RECOVERY_MARKER), { force: true });
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 200);
}

function formatVn(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
}
