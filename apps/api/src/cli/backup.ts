import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { BACKUP_FORMAT, BACKUP_VERSION, TableHasher, type BackupHeader, type BackupTable, type TableSummary } from './backup-format';
import { appliedMigrations, CliError, EPHEMERAL_TABLES, listTables, pkColumns, prepareSession, readTableRows, type Log } from './common';

/** Permissions of a backup file: read and write for its owner only. */
export const BACKUP_FILE_MODE = 0o600;

/** What a backup wrote. */
export interface BackupSummary {
  file: string;
  tables: Record<string, TableSummary>;
  migrations: number;
}

/**
 * Write a logical backup of every table except the ephemeral ones to `file` (gzip'd JSON lines,
 * see backup-format.ts). Reads one consistent snapshot as the owner with the system scope; writes
 * to `file.partial` and renames at the end, so a failed backup never leaves a half file behind. The
 * file is created with mode 0600 (owner only).
 */
export async function backupDatabase(database: Database, file: string, log: Log = () => undefined): Promise<BackupSummary> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  const gzip = createGzip({ level: 6 });
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  // Owner-only (0600) from the first byte: a backup holds password hashes and every commune's data.
  fs.rmSync(partial, { force: true });
  const written = pipeline(out, gzip, fs.createWriteStream(partial, { flags: 'wx', mode: BACKUP_FILE_MODE }));
  written.catch(() => undefined);
  const write = async (line: string) => {
    if (!out.write(`${line}\n`)) await Promise.race([once(out, 'drain'), written]);
  };
  try {
    const result = await database.system.transaction(async (tx) => {
      if (database.kind === 'postgres') await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      await prepareSession(tx);
      const migrations = await appliedMigrations(tx);
      if (!migrations?.length) throw new CliError('Cơ sở dữ liệu chưa được khởi tạo (chưa có migration nào); không có gì để sao lưu.');
      const tables = (await listTables(tx)).filter((t) => !EPHEMERAL_TABLES.has(t.name));
      const described: BackupTable[] = tables.map((t) => ({ name: t.name, columns: t.columns.map((c) => c.name), pk: t.pk }));
      const header: BackupHeader = {
        '@tds': 'header',
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        source: database.kind,
        migrations,
        tables: described,
      };
      await write(JSON.stringify(header));
      const summaries: Record<string, TableSummary> = {};
      for (const t of tables) {
        await write(JSON.stringify({ '@tds': 'table', name: t.name }));
        const hasher = new TableHasher();
        for await (const rows of readTableRows(
          tx,
          t.name,
          t.columns.map((c) => c.name),
          pkColumns(t),
        )) {
          for (const line of rows) {
            hasher.add(line);
            await write(line);
          }
          if (hasher.rows >= 10_000 && rows.length) log(`  ${t.name}: ${hasher.rows} dòng...`);
        }
        summaries[t.name] = hasher.summary();
        log(`  ${t.name}: ${summaries[t.name]!.rows} dòng`);
      }
      await write(JSON.stringify({ '@tds': 'trailer', tables: summaries }));
      return { tables: summaries, migrations: migrations.length };
    });
    out.end();
    await written;
    fs.renameSync(partial, target);
    return { file: target, ...result };
  } catch (err) {
    out.destroy();
    await written.catch(() => undefined);
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** `backup FILE`. */
export async function backupCommand(args: string[], open: () => Promise<Database>, log: Log): Promise<void> {
  const [file, ...rest] = args;
  if (!file || rest.length) throw new CliError('Cách dùng: backup FILE');
  if (fs.existsSync(file)) throw new CliError(`Tệp ${file} đã tồn tại; hãy chọn tên khác hoặc xóa tệp cũ trước.`);
  const database = await open();
  try {
    log(`Đang sao lưu ${database.kind === 'pglite' ? 'CSDL nhúng' : 'PostgreSQL'} ${database.where} vào ${file} ...`);
    const s = await backupDatabase(database, file, log);
    const total = Object.values(s.tables).reduce((n, t) => n + t.rows, 0);
    log(`Đã sao lưu ${Object.keys(s.tables).length} bảng, ${total} dòng (${s.migrations} migration) vào ${s.file} (${fs.statSync(s.file).size} byte).`);
  } finally {
    await database.close();
  }
}
