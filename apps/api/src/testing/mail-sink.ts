/*
 * A mail server for trying the reminders on one's own machine: it accepts every mail on
 * 127.0.0.1 and prints it in the terminal; nothing leaves the machine. Run `npm run mail-sink`,
 * then in another terminal `SMTP_HOST=127.0.0.1 SMTP_PORT=2525 npm start`: the demo's reminders
 * (one deadline falls a week after the demo is made) arrive here within the first run of the job.
 */
import { startTestSmtp } from './smtp';

const port = Number(process.env.MAIL_SINK_PORT ?? 2525);
const sink = await startTestSmtp(port, (mail) => {
  const line = '─'.repeat(72);
  process.stdout.write(`${line}\nĐến: ${mail.to.join(', ')}\nTừ: ${mail.from}\nTiêu đề: ${mail.subject}\n\n${mail.text.trim()}\n`);
});
process.stdout.write(
  `Hộp thư thử nghiệm đang nghe tại 127.0.0.1:${sink.port}; chạy ứng dụng với SMTP_HOST=127.0.0.1 SMTP_PORT=${sink.port}. Ctrl+C để dừng.\n`,
);
const stop = () => void sink.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
