import { roleLabelsVi } from '@tds/contracts';
import type { Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { seedDemo, truncateAll, type DemoAccount } from '../demo/seed';
import { CliError, type Log } from './common';

/** Migrate, empty every table and seed the demo data again; returns the demo accounts. */
export async function demoReset(database: Database, opts: { production: boolean }): Promise<DemoAccount[]> {
  await runMigrations(database);
  await truncateAll(database.system);
  return seedDemo(database.system, { production: opts.production });
}

/** `demo reset [--yes]`: in production it refuses without --yes, since it deletes everything. */
export async function demoResetCommand(args: string[], open: () => Promise<Database>, log: Log, production: boolean): Promise<void> {
  const yes = args.includes('--yes');
  const rest = args.filter((a) => a !== '--yes');
  if (rest.length !== 1 || rest[0] !== 'reset') throw new CliError('Cách dùng: demo reset [--yes]');
  if (production && !yes) {
    throw new CliError('NODE_ENV=production: "demo reset" XÓA TOÀN BỘ dữ liệu thật. Nếu thật sự muốn, chạy lại với --yes.');
  }
  const database = await open();
  try {
    log(`Đang xóa toàn bộ dữ liệu và tạo lại dữ liệu mẫu trong ${database.kind === 'pglite' ? 'CSDL nhúng' : 'PostgreSQL'} ${database.where} ...`);
    const accounts = await demoReset(database, { production });
    const lines = accounts.map((a) => `  ${a.username.padEnd(20)} ${a.password}   ${roleLabelsVi[a.role]} – ${a.where}`);
    log(`Đã tạo lại dữ liệu mẫu (xã Gia Phúc, Hải Phòng). Tài khoản demo:\n${lines.join('\n')}`);
  } finally {
    await database.close();
  }
}
