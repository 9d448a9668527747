import { CliError, type CliCommand } from '../../platform/module';
import { notifyContext } from './channels';
import { runReminderJob } from './reminder-job';

/** `notify run`: plan the reminders due today and deliver the outbox once (under the job's lease). */
export const notifyRunCommand: CliCommand = {
  name: 'notify',
  usage: ['notify run               Lập nhắc hạn đến hôm nay và gửi các thư đang chờ một lần', '                         (SMTP_HOST... như khi chạy máy chủ)'],
  needsDatabase: true,
  async run(args, { open, config, log }) {
    if (args[0] !== 'run' || args.length !== 1) throw new CliError('Cách dùng: notify run');
    const database = await open();
    const ctx = notifyContext(config);
    try {
      if (!ctx.channels.names().length) log('Chưa cấu hình SMTP_HOST: chỉ lập thông báo trong ứng dụng, không gửi thư.');
      const r = await runReminderJob({ db: database.system, ctx });
      if (!r.ran) {
        log('Một tiến trình khác đang chạy nhắc hạn; lần này bỏ qua.');
        return;
      }
      log(`Đã lập ${r.planned.notifications} thông báo trong ứng dụng và ${r.planned.messages} thư mới.`);
      log(`Gửi thư: ${r.delivered.sent} thành công, ${r.delivered.retrying} sẽ thử lại, ${r.delivered.failed} thất bại hẳn.`);
    } finally {
      ctx.channels.close();
      await database.close();
    }
  },
};
