import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CliError, type MigrationRef } from './common';

/*
 * Backup file: gzip'd JSON lines. Line 1 is the header, then for each table a section line
 * followed by one `row_to_json` line per row, and last a trailer with each table's row count and
 * the SHA-256 of its row lines (each line plus "\n", in primary-key order). Control lines start
 * with {"@tds": so that they can never be mistaken for a row.
 */

/** Format name written in every header. */
export const BACKUP_FORMAT = 'tds-backup';
/** Format version this code writes and reads. */
export const BACKUP_VERSION = 1;
/** Prefix of every control line (header, section, trailer). */
export const CONTROL_PREFIX = '{"@tds":';

/** One table as recorded in the header: the column list its row lines carry. */
export interface BackupTable {
  name: string;
  columns: string[];
  pk: string[];
}

/** First line of a backup. */
export interface BackupHeader {
  '@tds': 'header';
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  source: 'pglite' | 'postgres';
  migrations: MigrationRef[];
  tables: BackupTable[];
}

/** Row count and checksum of one table. */
export interface TableSummary {
  rows: number;
  sha256: string;
}

/** Last line of a backup. */
export interface BackupTrailer {
  '@tds': 'trailer';
  tables: Record<string, TableSummary>;
}

/** Running row count and SHA-256 of one table's row lines. */
export class TableHasher {
  rows = 0;
  private readonly hash: Hash = createHash('sha256');
  /** Add one row line. */
  add(line: string): void {
    this.hash.update(line);
    this.hash.update('\n');
    this.rows++;
  }
  /** Count and hex digest (call once). */
  summary(): TableSummary {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/** Lines of a gzip'd text file, streamed; a line may be large but is never split. */
export async function* readGzipLines(file: string): AsyncGenerator<string> {
  if (!fs.existsSync(file)) throw new CliError(`Không tìm thấy tệp ${file}.`);
  const gunzip = createGunzip();
  gunzip.setEncoding('utf8');
  const done = pipeline(fs.createReadStream(file), gunzip).catch(() => undefined);
  let pending: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      let start = 0;
      for (let idx = chunk.indexOf('\n'); idx !== -1; idx = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, idx));
        const line = pending.join('');
        pending = [];
        start = idx + 1;
        yield line;
      }
      if (start < chunk.length) pending.push(chunk.slice(start));
    }
  } catch (err) {
    throw new CliError(`Tệp ${file} không phải bản sao lưu hợp lệ: không giải nén được (${(err as Error).message}).`);
  } finally {
    gunzip.destroy();
    await done;
  }
  if (pending.length) yield pending.join('');
}

/** What reading a backup yields, in file order. */
export type BackupEvent =
  | { kind: 'header'; header: BackupHeader }
  | { kind: 'table'; table: BackupTable }
  | { kind: 'rows'; table: BackupTable; lines: string[]; bytes: number }
  | { kind: 'end'; trailer: BackupTrailer };

function notBackup(file: string, why: string): CliError {
  return new CliError(`Tệp ${file} không phải bản sao lưu Thi Đua Số hợp lệ: ${why}.`);
}

function parseControl(file: string, line: string): Record<string, unknown> {
  try {
    const v = JSON.parse(line) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    /* below */
  }
  throw notBackup(file, 'dòng điều khiển không đọc được');
}

function checkHeader(file: string, line: string | undefined): BackupHeader {
  let h: Partial<BackupHeader> | null = null;
  try {
    h = line === undefined ? null : (JSON.parse(line) as Partial<BackupHeader>);
  } catch {
    h = null;
  }
  if (!h || typeof h !== 'object' || h.format !== BACKUP_FORMAT) throw notBackup(file, 'thiếu phần đầu "tds-backup"');
  if (h.version !== BACKUP_VERSION)
    throw new CliError(`Tệp ${file} dùng định dạng sao lưu phiên bản ${String(h.version)}; phiên bản phần mềm này chỉ đọc được phiên bản ${BACKUP_VERSION}.`);
  if (!Array.isArray(h.tables) || !Array.isArray(h.migrations)) throw notBackup(file, 'phần đầu thiếu danh sách bảng hoặc migration');
  for (const t of h.tables) {
    if (!t || typeof t.name !== 'string' || !Array.isArray(t.columns) || !Array.isArray(t.pk)) throw notBackup(file, 'phần đầu có bảng không hợp lệ');
  }
  return h as BackupHeader;
}

/**
 * Read and check a backup as a stream of events: header first, rows in batches (up to
 * `batchRows` rows or about 4 MB), and `end` only after every table's count and checksum matched
 * the trailer. Any malformation throws a CliError before `end`.
 */
export async function* readBackup(file: string, batchRows = 1000): AsyncGenerator<BackupEvent> {
  const lines = readGzipLines(file);
  const first = await lines.next();
  const header = checkHeader(file, first.done ? undefined : first.value);
  yield { kind: 'header', header };
  const tables = new Map(header.tables.map((t) => [t.name, t]));
  const seen = new Map<string, TableSummary>();
  let current: BackupTable | null = null;
  let hasher: TableHasher | null = null;
  let batch: string[] = [];
  let bytes = 0;
  let trailer: BackupTrailer | null = null;
  const close = () => {
    if (current && hasher) seen.set(current.name, hasher.summary());
    current = null;
    hasher = null;
  };
  for await (const line of lines) {
    if (trailer) throw notBackup(file, 'có dữ liệu sau phần cuối');
    if (line.startsWith(CONTROL_PREFIX)) {
      if (batch.length && current) yield { kind: 'rows', table: current, lines: batch, bytes };
      batch = [];
      bytes = 0;
      close();
      const c = parseControl(file, line);
      if (c['@tds'] === 'table') {
        const t = tables.get(String(c.name));
        if (!t || seen.has(t.name)) throw notBackup(file, `bảng "${String(c.name)}" không khai báo ở phần đầu hoặc lặp lại`);
        current = t;
        hasher = new TableHasher();
        yield { kind: 'table', table: t };
      } else if (c['@tds'] === 'trailer' && c.tables && typeof c.tables === 'object') {
        trailer = c as unknown as BackupTrailer;
      } else {
        throw notBackup(file, 'dòng điều khiển lạ');
      }
      continue;
    }
    if (!current || !hasher) throw notBackup(file, 'có dòng dữ liệu ngoài bảng');
    if (!line.startsWith('{') || !line.endsWith('}')) throw notBackup(file, `dòng dữ liệu hỏng trong bảng ${(current as BackupTable).name}`);
    (hasher as TableHasher).add(line);
    batch.push(line);
    bytes += line.length;
    if (batch.length >= batchRows || bytes >= 4 * 1024 * 1024) {
      yield { kind: 'rows', table: current, lines: batch, bytes };
      batch = [];
      bytes = 0;
    }
  }
  if (!trailer) throw notBackup(file, 'thiếu phần cuối (tệp bị cắt cụt?)');
  const end: BackupTrailer = trailer;
  for (const t of header.tables) {
    const want = end.tables[t.name];
    const got = seen.get(t.name) ?? new TableHasher().summary();
    if (!want || want.rows !== got.rows || want.sha256 !== got.sha256) {
      throw notBackup(file, `bảng ${t.name} có ${got.rows} dòng, tổng kiểm không khớp với phần cuối (${want?.rows ?? '?'} dòng)`);
    }
  }
  yield { kind: 'end', trailer: end };
}

/** Read a whole backup without touching any database; returns its header and trailer or throws. */
export async function checkBackupFile(file: string): Promise<{ header: BackupHeader; trailer: BackupTrailer }> {
  let header: BackupHeader | null = null;
  for await (const ev of readBackup(file)) {
    if (ev.kind === 'header') header = ev.header;
    if (ev.kind === 'end') return { header: header!, trailer: ev.trailer };
  }
  throw new CliError(`Tệp ${file} không đọc được đến hết.`);
}
