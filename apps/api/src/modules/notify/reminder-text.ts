import { createHash } from 'node:crypto';
import { formatDateVi } from '@tds/contracts';

const DAY_MS = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** Whole days from `from` to `to` (both yyyy-MM-dd); negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The unique key of one reminder: due item, recipient, offset, channel. */
export function reminderKey(dueItemId: string, userId: string, offset: number, channel: string): string {
  return `${dueItemId}:${userId}:${offset}:${channel}`;
}

/** A Message-ID derived from the reminder key, so every retry (and every instance) produces the same one. */
export function reminderMessageId(dedupeKey: string, domain: string): string {
  return `<reminder.${createHash('sha1').update(dedupeKey).digest('hex')}@${domain}>`;
}

const KIND_VI: Record<string, string> = { report: 'Báo cáo', unit_plan: 'Kế hoạch của đơn vị', registration: 'Đăng ký thi đua' };

export interface ReminderFacts {
  recipientName: string;
  unitName: string;
  kind: string;
  title: string;
  /** Due date (yyyy-MM-dd) and today in Vietnam time. */
  dueDate: string;
  today: string;
  /** Public address of the app (no trailing slash). */
  baseUrl: string;
}

/** "Còn 3 ngày đến hạn", "Hôm nay đến hạn", "Đã quá hạn 2 ngày". */
function when(daysLeft: number): string {
  if (daysLeft > 0) return `Còn ${daysLeft} ngày đến hạn`;
  if (daysLeft === 0) return 'Hôm nay đến hạn';
  return `Đã quá hạn ${-daysLeft} ngày`;
}

/** One reminder in Vietnamese: the mail (subject, plain-text body) and the shorter in-app notification. */
export function reminderText(f: ReminderFacts): { subject: string; body: string; title: string; summary: string; link: string } {
  const daysLeft = daysFrom(f.today, f.dueDate);
  const what = `${KIND_VI[f.kind] ?? 'Hồ sơ'}: ${f.title}`;
  const status =
    daysLeft > 0
      ? `Còn ${daysLeft} ngày nữa đến hạn nộp.`
      : daysLeft === 0
        ? 'Hôm nay là ngày cuối cùng của hạn nộp.'
        : `Đã quá hạn ${-daysLeft} ngày. Đơn vị vẫn có thể nộp; hồ sơ sẽ được ghi nhận là nộp muộn.`;
  const link = '/reports';
  const body = [
    `Kính gửi ${f.recipientName},`,
    '',
    `Đơn vị: ${f.unitName}`,
    `Nội dung cần nộp: ${what}`,
    `Hạn nộp: ${formatDateVi(f.dueDate)}`,
    status,
    '',
    `Vui lòng đăng nhập Thi Đua Số để thực hiện: ${f.baseUrl}${link}`,
    '',
    'Đây là thư nhắc tự động của hệ thống Thi Đua Số, vui lòng không trả lời thư này.',
  ].join('\n');
  return {
    subject: `[Thi Đua Số] ${when(daysLeft)} ${formatDateVi(f.dueDate)}: ${f.title} – ${f.unitName}`,
    body,
    title: `${when(daysLeft)}: ${f.title}`,
    summary: `${f.unitName} – ${what}, hạn nộp ${formatDateVi(f.dueDate)}. ${status}`,
    link,
  };
}
