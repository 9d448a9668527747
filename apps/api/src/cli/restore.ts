import { sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../db/client';
import { runMigrations } from '../db/migrate';
import { rowsOf } from '../db/security';
import { truncateAll } from '../demo/seed';
import { checkBackupFile, readBackup, TableHasher, type BackupHeader, type BackupTable, type TableSummary } from './backup-format';
import { appliedMigrations, CliError, ident, listTables, prepareSession, readTableRows, type Log, type TableInfo } from './common';

/** Options of a restore. */
export interface RestoreOptions {
  /** Empty a database that already holds data first (in the same transaction). */
  force?: boolean;
  /** The result of `checkBackupFile(file)` when the caller already checked it. */
  checked?: Awaited<ReturnType<typeof checkBackupFile>>;
  log?: Log;
}

/** What a restore loaded. */
export interface RestoreSummary {
  tables: Record<string, TableSummary>;
  /** The backup came from older code: later migrations were already applied to the schema. */
  olderBackup: boolean;
}

/**
 * Restore a backup into an empty database (or any database with `force`). The whole file is read
 * and checked before anything is written; then migrations run, the backup's migrations must all be
 * known to this code, and the rows are loaded in ONE transaction with foreign-key checks and
 * triggers off (session_replication_role = replica), sequences are reset, and every table's count
 * and checksum is recomputed from the database and compared with the trailer before commit.
 */
export async function restoreBackup(database: Database, file: string, opts: RestoreOptions = {}): Promise<RestoreSummary> {
  const log = opts.log ?? (() => undefined);
  const { header, trailer } = opts.checked ?? (await checkBackupFile(file));
  await runMigrations(database);
  const known = new Set(((await appliedMigrations(database.system)) ?? []).map((m) => m.hash));
  const unknown = header.migrations.filter((m) => !known.has(m.hash));
  if (unknown.length) {
    throw new CliError(
      `Bản sao lưu được tạo bởi phiên bản phần mềm mới hơn (${unknown.length} migration chưa có ở phiên bản này). Hãy cập nhật phần mềm rồi khôi phục lại.`,
    );
  }
  const olderBackup = header.migrations.length < known.size;
  if (olderBackup)
    log(`Lưu ý: bản sao lưu có ${header.migrations.length} migration, phần mềm có ${known.size}; dữ liệu được nạp theo tên cột vào lược đồ mới.`);

  await database.system.transaction(async (tx) => {
    await prepareSession(tx);
    try {
      await tx.execute(sql`set local session_replication_role = replica`);
    } catch {
      throw new CliError('Khôi phục cần quyền superuser trên cơ sở dữ liệu (để tạm tắt kiểm tra khóa ngoại và trigger khi nạp).');
    }
    if (opts.force) {
      log('Đang xóa dữ liệu hiện có (--force) ...');
      await truncateAll(tx as unknown as Db, { includeCatalogues: true });
    } else {
      const r = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from province`));
      if ((r[0]?.n ?? 0) > 0) {
        throw new CliError(
          'Cơ sở dữ liệu đích đã có dữ liệu (có tỉnh/thành phố). Chỉ khôi phục vào CSDL trống, hoặc thêm --force để XÓA TOÀN BỘ dữ liệu hiện có rồi khôi phục.',
        );
      }
      // An empty database still holds the catalogues its migrations seeded; the backup carries them too.
      await truncateAll(tx as unknown as Db, { includeCatalogues: true });
    }
    const targets = new Map((await listTables(tx)).map((t) => [t.name, t]));
    checkTables(header, targets);
    const olderAudit = header.tables.find((t) => t.name === 'audit_entry' && !t.columns.includes('seq'));
    if (olderAudit) await tx.execute(sql`alter table audit_entry alter column seq drop not null, drop constraint audit_entry_chain_seq_uq`);
    await load(tx, file, log);
    if (olderAudit) await numberOlderAuditChains(tx, !header.tables.some((t) => t.name === 'audit_head'));
    await resetSequences(tx);
    await verify(tx, header, trailer.tables, targets, log);
  });
  return { tables: trailer.tables, olderBackup };
}

/**
 * A backup made before migration 0011 carries no `seq` and no anchors: number each chain by id (the
 * order its entries were appended under the chain's lock, as the migration did) and anchor each
 * chain at its last entry. Triggers are off here (replica), so the append-only trigger lets it be.
 */
async function numberOlderAuditChains(tx: Tx, anchor: boolean): Promise<void> {
  await tx.execute(sql`update audit_entry a set seq = n.seq
    from (select id, row_number() over (partition by commune_id order by id) as seq from audit_entry) n where a.id = n.id`);
  await tx.execute(sql`alter table audit_entry alter column seq set not null,
    add constraint audit_entry_chain_seq_uq unique nulls not distinct (commune_id, seq)`);
  if (anchor) {
    await tx.execute(sql`insert into audit_head (chain, commune_id, seq, hash, updated_at)
      select distinct on (commune_id) coalesce(commune_id::text, 'system'), commune_id, seq, hash, now()
      from audit_entry order by commune_id, seq desc`);
  }
}

function checkTables(header: BackupHeader, targets: Map<string, TableInfo>): void {
  for (const t of header.tables) {
    const target = targets.get(t.name);
    if (!target) throw new CliError(`Bảng ${t.name} trong bản sao lưu không có trong cơ sở dữ liệu này.`);
    const have = new Set(target.columns.map((c) => c.name));
    const missing = t.columns.filter((c) => !have.has(c));
    if (missing.length) throw new CliError(`Bảng ${t.name}: cột ${missing.join(', ')} trong bản sao lưu không có trong cơ sở dữ liệu này.`);
  }
}

async function load(tx: Tx, file: string, log: Log): Promise<void> {
  let table: string | null = null;
  let loaded = 0;
  for await (const ev of readBackup(file)) {
    if (ev.kind === 'rows') {
      await insertRows(tx, ev.table, ev.lines);
      loaded += ev.lines.length;
      if (loaded % 50_000 < ev.lines.length) log(`  ${ev.table.name}: ${loaded} dòng...`);
      continue;
    }
    if (table) log(`  ${table}: đã nạp ${loaded} dòng`);
    table = ev.kind === 'table' ? ev.table.name : null;
    loaded = 0;
  }
}

async function insertRows(tx: Tx, table: BackupTable, lines: string[]): Promise<void> {
  const cols = table.columns.map(ident).join(', ');
  const t = ident(table.name);
  await tx.execute(sql`insert into ${sql.raw(t)} (${sql.raw(cols)}) overriding system value
    select ${sql.raw(cols)} from json_populate_recordset(null::${sql.raw(t)}, ${`[${lines.join(',')}]`}::json)`);
}

/** Set every serial/identity sequence of the public schema to the max of its column. */
async function resetSequences(tx: Tx): Promise<void> {
  const r = await tx.execute(sql`
    select c.relname as tbl, a.attname as col, pg_get_serial_sequence(format('public.%I', c.relname), a.attname) as seq
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
      and pg_get_serial_sequence(format('public.%I', c.relname), a.attname) is not null`);
  for (const s of rowsOf<{ tbl: string; col: string; seq: string }>(r)) {
    const t = ident(s.tbl);
    const c = ident(s.col);
    await tx.execute(sql`select setval(${s.seq}::regclass, coalesce((select max(${sql.raw(c)}) from ${sql.raw(t)}), 1),
      (select max(${sql.raw(c)}) is not null from ${sql.raw(t)}))`);
  }
}

async function verify(tx: Tx, header: BackupHeader, want: Record<string, TableSummary>, targets: Map<string, TableInfo>, log: Log): Promise<void> {
  log('Đang đối chiếu số dòng và tổng kiểm ...');
  for (const t of header.tables) {
    const target = targets.get(t.name)!;
    const pk = t.pk.map((name) => target.columns.find((c) => c.name === name)!);
    const hasher = new TableHasher();
    for await (const rows of readTableRows(tx, t.name, t.columns, pk.every(Boolean) ? pk : [])) for (const line of rows) hasher.add(line);
    const got = hasher.summary();
    const w = want[t.name]!;
    if (got.rows !== w.rows || got.sha256 !== w.sha256) {
      throw new CliError(`Sau khi nạp, bảng ${t.name} có ${got.rows} dòng (bản sao lưu: ${w.rows}) hoặc tổng kiểm khác; đã hủy khôi phục, không ghi gì.`);
    }
  }
}

/** `restore FILE [--force]`. */
export async function restoreCommand(args: string[], open: () => Promise<Database>, log: Log): Promise<void> {
  const force = args.includes('--force');
  const rest = args.filter((a) => a !== '--force');
  const [file] = rest;
  if (!file || rest.length !== 1 || file.startsWith('--')) throw new CliError('Cách dùng: restore FILE [--force]');
  log(`Đang kiểm tra tệp ${file} ...`);
  const checked = await checkBackupFile(file);
  const database = await open();
  try {
    log(`Đang khôi phục ${file} vào ${database.kind === 'pglite' ? 'CSDL nhúng' : 'PostgreSQL'} ${database.where} ...`);
    const s = await restoreBackup(database, file, { force, log, checked });
    const total = Object.values(s.tables).reduce((n, t) => n + t.rows, 0);
    log(`Đã khôi phục ${Object.keys(s.tables).length} bảng, ${total} dòng; số dòng và tổng kiểm khớp.`);
  } finally {
    await database.close();
  }
}
