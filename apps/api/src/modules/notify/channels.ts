import nodemailer from 'nodemailer';
import type { NotifyChannelName } from '@tds/contracts';
import type { Config } from '../../config/env';

/** Who a message goes to, as far as a channel needs to know to find an address. */
export interface Recipient {
  userId: string;
  fullName: string;
  email: string | null;
}

/** One outbox message handed to a channel. */
export interface OutgoingMessage {
  /** Stable RFC 5322 Message-ID (`<...@domain>`), the same on every retry. */
  messageId: string;
  to: string;
  subject: string;
  body: string;
}

/**
 * A way of delivering outbox messages (e-mail now; SMS or Zalo later). `in_app` is not a channel:
 * in-app notifications are rows the user reads, not messages to send.
 */
export interface NotificationChannel {
  name: Exclude<NotifyChannelName, 'in_app'>;
  /** The recipient's address on this channel, or null when they have none (then nothing is queued). */
  addressOf(recipient: Recipient): string | null;
  /** Deliver one message; rejects when it was not accepted (the outbox retries it later). */
  send(msg: OutgoingMessage): Promise<void>;
  /** Release connections, if any. */
  close?(): void;
}

/** The channels this server can deliver, by name. */
export class ChannelRegistry {
  private readonly byName = new Map<string, NotificationChannel>();

  constructor(channels: readonly NotificationChannel[] = []) {
    for (const c of channels) this.register(c);
  }

  register(channel: NotificationChannel): this {
    this.byName.set(channel.name, channel);
    return this;
  }

  get(name: string): NotificationChannel | undefined {
    return this.byName.get(name);
  }

  /** Names of the registered delivery channels (without `in_app`). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** Every channel a commune may choose: `in_app` plus the registered ones. */
  available(): string[] {
    return ['in_app', ...this.names()];
  }

  close(): void {
    for (const c of this.byName.values()) c.close?.();
  }
}

export interface EmailOptions {
  host: string;
  port: number;
  secure: boolean;
  user?: string | undefined;
  pass?: string | undefined;
  from: string;
  /** Give up on an unresponsive server after this long (ms). */
  timeoutMs?: number;
}

/** E-mail over SMTP with nodemailer; the Message-ID is the stored one, so a retry is recognisably the same mail. */
export function createEmailChannel(opts: EmailOptions): NotificationChannel {
  const timeout = opts.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure,
    ...(opts.user ? { auth: { user: opts.user, pass: opts.pass ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    name: 'email',
    addressOf: (r) => r.email?.trim() || null,
    async send(msg) {
      await transport.sendMail({ from: opts.from, to: msg.to, subject: msg.subject, text: msg.body, messageId: msg.messageId });
    },
    close: () => transport.close(),
  };
}

const DEFAULT_FROM = 'Thi Đua Số <no-reply@thiduaso.local>';

/** The sender address of outgoing mail. */
export function mailFrom(config: Pick<Config, 'MAIL_FROM'>): string {
  return config.MAIL_FROM?.trim() || DEFAULT_FROM;
}

/** The domain that ends every Message-ID: MAIL_FROM's, or thiduaso.local. */
export function messageIdDomain(config: Pick<Config, 'MAIL_FROM'>): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/u.exec(mailFrom(config));
  return m?.[1]?.toLowerCase() ?? 'thiduaso.local';
}

/** The channels configured by the environment: e-mail when SMTP_HOST is set. */
export function channelsFromConfig(config: Config): ChannelRegistry {
  const registry = new ChannelRegistry();
  if (config.SMTP_HOST) {
    registry.register(
      createEmailChannel({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        pass: config.SMTP_PASS,
        from: mailFrom(config),
      }),
    );
  }
  return registry;
}

/** What the reminder planner and the outbox sender need to know about this server. */
export interface NotifyContext {
  channels: ChannelRegistry;
  /** Public address of the app, without a trailing slash, for links in messages. */
  baseUrl: string;
  /** Domain of every Message-ID. */
  messageDomain: string;
  /** Attempts before an outbox message is marked failed. */
  maxAttempts: number;
}

/** The notify context of this server's configuration (channels built from it unless given). */
export function notifyContext(config: Config, channels: ChannelRegistry = channelsFromConfig(config)): NotifyContext {
  const baseUrl = (config.APP_BASE_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/u, '');
  return { channels, baseUrl, messageDomain: messageIdDomain(config), maxAttempts: config.OUTBOX_MAX_ATTEMPTS };
}
