import { availableParallelism } from 'node:os';
import { z } from 'zod';

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Interface to listen on: this machine only by default; 0.0.0.0 behind a reverse proxy or in a container. */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATA_DIR: z.string().default('./data'),
  /** PostgreSQL login for request work (neither superuser nor owner in production); unset = embedded database. */
  DATABASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The owner's login: runs migrations, creates the role tds_app, does system work; defaults to DATABASE_URL. */
  DATABASE_OWNER_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Reverse proxies whose X-Forwarded-For is believed: empty (default) = none, the client address is
   * the socket's; "true" = any; a number = that many hops; or a comma-separated list of addresses/CIDRs.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((v, ctx): boolean | number | string => {
      const t = v.trim();
      if (t === '' || t === 'false') return false;
      if (t === 'true') return true;
      if (/^\d+$/u.test(t)) return Number(t);
      if (!/^[0-9a-fA-F.:/,\s]+$/u.test(t)) {
        ctx.addIssue({ code: 'custom', message: 'TRUST_PROXY: "true", số bước proxy, hoặc danh sách địa chỉ IP/CIDR cách nhau dấu phẩy.' });
        return z.NEVER;
      }
      return t
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
        .join(',');
    }),
  /** Minutes of inactivity before a session ends; absolute lifetime is 12 hours. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(120),
  /** Failed logins (per username and address) before each attempt must wait, and the longest wait in minutes. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Max upload size in bytes (stored in the database). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /** Worker threads that read uploaded documents and parse plans (default: one per spare core, at most 2). */
  PARSE_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(16)
    .default(Math.min(2, Math.max(1, availableParallelism() - 1))),
  /** Longest time one document may take to read and parse, in ms; the worker is then stopped (413 FILE_TOO_COMPLEX). */
  PARSE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
  /** Heap limit of each parse worker, in MB (past it the worker is stopped: 413 FILE_TOO_COMPLEX). */
  PARSE_MAX_MEMORY_MB: z.coerce.number().int().min(32).max(16_384).default(512),
  /** Most megabytes a .docx/.xlsx (a ZIP archive) may inflate to, all entries together. */
  ZIP_MAX_INFLATED_MB: z.coerce.number().int().min(1).max(4096).default(50),
  /** Most inflated bytes per byte of a .docx/.xlsx upload. */
  ZIP_MAX_RATIO: z.coerce.number().int().min(2).max(10_000).default(100),
  /** Most entries in a .docx/.xlsx upload. */
  ZIP_MAX_ENTRIES: z.coerce.number().int().min(10).max(1_000_000).default(2000),
  /** Allowed CORS origins, comma-separated; empty = closed. */
  CORS_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built web app lives; served when present. */
  WEB_DIST: z.string().optional(),
  /**
   * Stand the application's clock on this instant at start (ISO, e.g. 2026-06-15T09:00:00+07:00);
   * it runs on from there. For tests and rehearsals on a chosen day of the plan; unset in production.
   */
  CLOCK_AT: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || !Number.isNaN(Date.parse(v)), 'CLOCK_AT phải là một thời điểm ISO, ví dụ 2026-06-15T09:00:00+07:00'),
  /** Seed demo data into an empty database at start. */
  DEMO_SEED: z.enum(['true', 'false']).default('true'),
  /** Outgoing mail (reminders) over SMTP; mail sending is off while SMTP_HOST is unset. */
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** true: TLS from the first byte (port 465); false: plain, upgraded by STARTTLS when offered. */
  SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  /** Sender of the mail, e.g. "Thi Đua Số <no-reply@xa.gov.vn>"; its domain ends every Message-ID. */
  MAIL_FROM: z.string().optional(),
  /** Seconds between runs of the reminder job; 0 turns the job off. */
  REMINDER_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .default(300),
  /** Attempts to deliver one outbox message before it is marked failed. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  /** Seconds SIGTERM/SIGINT wait for requests, the database checkpoint and close before the process exits anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(8),
  /** Embedded database: minutes between snapshots (taken only when something changed); 0 = only at start and clean stop. */
  SNAPSHOT_INTERVAL_MINUTES: z.coerce
    .number()
    .min(0)
    .max(24 * 60)
    .default(15),
  /** Embedded database: how many snapshots to keep in DATA_DIR/snapshots. */
  SNAPSHOT_KEEP: z.coerce.number().int().min(1).max(50).default(3),
  /**
   * The key national ID numbers of residents are hashed with (HMAC-SHA-256), so that a stolen
   * database cannot be matched against a list of IDs. Keep it outside the database and its backups.
   * Without it, development uses a fixed key and production takes no ID numbers.
   */
  RESIDENT_ID_KEY: z
    .string()
    .min(32, { error: 'RESIDENT_ID_KEY cần ít nhất 32 ký tự.' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** Public address of the app, for links in mail (e.g. https://thiduaso.xa.gov.vn). */
  APP_BASE_URL: z
    .string()
    .url()
    .optional()
    .or(z.literal('').transform(() => undefined)),
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
