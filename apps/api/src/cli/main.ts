import { loadConfig } from '../config/env';
import { createDb, type Database } from '../db/client';
import { auditVerifyCommand } from './audit-verify';
import { backupCommand } from './backup';
import { CliError, stderrLog } from './common';
import { demoResetCommand } from './demo-reset';
import { modules } from '../modules';
import { restoreCommand } from './restore';

/** The operator commands the modules add (notify run, plan parse...). */
function moduleCommands() {
  return modules.flatMap((m) => m.cli ?? []);
}

/** Usage text (Vietnamese), printed by `help` and on a wrong command. */
export const USAGE = `Thi Đua Số – công cụ quản trị dòng lệnh

Cách dùng: npm run cli -- <lệnh> [tham số]

Lệnh:
  backup FILE              Sao lưu toàn bộ dữ liệu ra FILE (JSON Lines nén gzip),
                           dùng được cho cả CSDL nhúng và PostgreSQL
  restore FILE [--force]   Khôi phục FILE vào CSDL trống; --force XÓA dữ liệu hiện có trước
  demo reset [--yes]       Xóa toàn bộ dữ liệu và tạo lại dữ liệu mẫu
                           (NODE_ENV=production cần thêm --yes)
  audit verify [--expect TỆP]
                           Kiểm tra các chuỗi nhật ký (audit) theo thứ tự ghi, đối chiếu mốc neo
                           của từng chuỗi và in mốc hiện tại; --expect so thêm với các mốc đã ghi
                           lại trước đó (dòng "<chuỗi> <số> <hash>"); lỗi: mã thoát 1
${moduleCommands()
  .flatMap((c) => c.usage.map((l) => `  ${l}`))
  .join('\n')}
  help                     Hiện hướng dẫn này

Cơ sở dữ liệu lấy từ DATABASE_OWNER_URL hoặc DATABASE_URL (PostgreSQL) hoặc DATA_DIR (CSDL nhúng, mặc định ./data).
Với CSDL nhúng, hãy dừng ứng dụng trước: chỉ một tiến trình được mở thư mục dữ liệu.`;

/** Run one command; resolves to the process exit code (0 ok, 1 failure, 2 wrong usage). */
export async function runCli(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    stderrLog(USAGE);
    return command ? 0 : 2;
  }
  try {
    const moduleCommand = moduleCommands().find((c) => c.name === command);
    const config = loadConfig();
    // Operator commands are system work: on PostgreSQL they run as the owner.
    const open = (): Promise<Database> => createDb({ databaseUrl: config.DATABASE_OWNER_URL ?? config.DATABASE_URL, dataDir: config.DATA_DIR });
    if (moduleCommand) {
      await moduleCommand.run(args, { open, config, log: stderrLog });
      return 0;
    }
    switch (command) {
      case 'backup':
        await backupCommand(args, open, stderrLog);
        break;
      case 'restore':
        await restoreCommand(args, open, stderrLog);
        break;
      case 'demo':
        await demoResetCommand(args, open, stderrLog, config.NODE_ENV === 'production');
        break;
      case 'audit':
        if (args[0] !== 'verify') throw new CliError('Cách dùng: audit verify [--expect TỆP]');
        await auditVerifyCommand(args.slice(1), open, stderrLog);
        break;
      default:
        stderrLog(`Lệnh không hợp lệ: "${command}".\n\n${USAGE}`);
        return 2;
    }
    return 0;
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? `\n  ${err.cause.message}` : '';
    stderrLog(`Lỗi: ${err instanceof Error ? err.message : String(err)}${cause}`);
    return 1;
  }
}

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    stderrLog(`Lỗi: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
