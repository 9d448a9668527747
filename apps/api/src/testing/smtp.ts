import net from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One mail as the test SMTP server received it, with decoded headers and text. */
export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  text: string;
  raw: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** Decode RFC 2047 encoded words (=?UTF-8?B?..?= / =?UTF-8?Q?..?=); blanks between two encoded words vanish. */
export function decodeWords(value: string): string {
  const joined = value.replace(/\?=\s+=\?/gu, '?==?');
  return joined.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/gu, (_, _charset: string, enc: string, data: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data.replace(/_/gu, ' ').replace(/=([0-9A-Fa-f]{2})/gu, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/gu, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/gu, '').replace(/=([0-9A-Fa-f]{2})/gu, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

/** Split a raw message into unfolded, decoded headers and its decoded text body (single-part mail). */
export function parseMail(raw: string): { headers: Map<string, string>; text: string } {
  const cut = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, cut).replace(/\r\n[ \t]+/gu, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).toLowerCase(), decodeWords(line.slice(i + 1).trim()));
  }
  const text = decodeBody(raw.slice(cut + 4), (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase());
  return { headers, text };
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that keeps every mail it accepts. */
export async function startTestSmtp(port = 0, onMail?: (mail: ReceivedMail) => void): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const { headers, text } = parseMail(raw);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headers.get('message-id') ?? '',
          subject: headers.get('subject') ?? '',
          text,
          raw,
        });
        onMail?.(received.at(-1)!);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as net.AddressInfo;
  return { port: address.port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A TCP port on 127.0.0.1 that nothing listens on (a mail server that is down). */
export async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', () => resolve()));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}
