import { randomBytes } from 'node:crypto';
import net from 'node:net';
import pg from 'pg';
import { requestLoginUrls } from '@tds/api/src/testing/harness';

/** Helpers shared by the benches. Progress goes to stderr; the figures are one JSON line on stdout. */

export type DbKind = 'pglite' | 'postgres';

export function dbKind(): DbKind {
  return process.env.DATABASE_URL ? 'postgres' : 'pglite';
}

export function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The bench's result: the last line on stdout. */
export function emit(result: { bench: string; db: DbKind } & Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Round to `digits` decimals. */
export function round(n: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A positive number from the environment, or the default. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

/** A TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * A new, empty database on the server of `url` (nothing migrated); `drop()` removes it again.
 * For benches that must start from nothing, e.g. the start-up time.
 */
/**
 * A new empty database on the server of `url`, as production runs it: `ownerUrl` (the server URL's
 * own user) migrates and does system work, `url` is a separate request login (created when missing).
 */
export async function createEmptyDatabase(url: string): Promise<{ url: string; ownerUrl: string; name: string; drop(): Promise<void> }> {
  const name = `tds_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const urls = await requestLoginUrls(url, name);
  return { ...urls, name, drop: () => adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A failure the bench explains itself (a server it cannot reach...): reported without a stack trace. */
export class BenchError extends Error {}

/** Run a bench's main, turning a failure into a message on stderr and exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      const text = err instanceof BenchError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err);
      process.stderr.write(`[bench] FAILED: ${text}\n`);
      process.exit(1);
    },
  );
}
