import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  /** Minutes of inactivity before a session ends; absolute lifetime is 12 hours. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(120),
  /** Failed logins before a temporary lockout, and its length. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Max upload size in bytes (stored in the database). */
  MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Allowed CORS origins, comma-separated; empty = closed. */
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built web app lives; served when present. */
  WEB_DIST: z.string().optional(),
  /** Seed demo data into an empty database at start. */
  DEMO_SEED: z.enum(['true', 'false']).default('true'),
  /** Outgoing mail (reminders) over SMTP; mail sending is off while SMTP_HOST is unset. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS when offered. */
  SMTP_SECURE: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** Sender of the mail, e.g. "Thi Đua Số <no-reply@xa.gov.vn>"; its domain ends every Message-ID. */
  MAIL_FROM: z.string().optional(),
  /** Seconds between runs of the reminder job; 0 turns the job off. */
  REMINDER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(24 * 3600).default(300),
  /** Attempts to deliver one outbox message before it is marked failed. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** Seconds SIGTERM/SIGINT wait for requests, the database checkpoint and close before the process exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(8),
  /** Embedded database: minutes between snapshots (taken only when something changed); 0 = only at start and clean stop. */
  SNAPSHOT_INTERVAL_MINUTES: z.coerce.number().min(0).max(24 * 60).default(15),
  /** Embedded database: how many snapshots to keep in DATA_DIR/snapshots. */
  SNAPSHOT_KEEP: z.coerce.number().int().min(1).max(50).default(3),
  /** Public address of the app, for links in mail (e.g. https://thiduaso.xa.gov.vn). */
  APP_BASE_URL: z.string().url().optional().or(z.literal('').transform(() => undefined)),
});

export type Config = z.infer<typeof envSchema>;

/** Parse the environment once; nothing else reads process.env. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Cấu hình môi trường không hợp lệ:\n${lines}`);
  }
  return parsed.data;
}
