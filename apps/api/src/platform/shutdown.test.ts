import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { inspectDataDir } from '../db/pglite-recovery';
import { rowsOf } from '../db/security';
import { listSnapshots } from '../db/snapshots';
import { testDbKind } from '../testing/harness';
import { startServerProcess, type ServerProcess } from '../testing/server-process';

const DEADLINE_S = 3;

/** A request that never finishes: headers of a 1 kB body, and one byte of it. */
async function hangingRequest(port: number): Promise<net.Socket> {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.on('error', () => undefined);
  socket.write('POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{');
  await new Promise((r) => setTimeout(r, 300));
  return socket;
}

/** Send SIGTERM and measure how long the process takes to exit. */
async function term(server: ServerProcess): Promise<{ seconds: number; code: number | null }> {
  const t = performance.now();
  server.child.kill('SIGTERM');
  const { code } = await server.exited;
  return { seconds: (performance.now() - t) / 1000, code };
}

describe(`SIGTERM stops the server within seconds (${testDbKind()}, a real process)`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-shutdown-'));
  const dataDir = path.join(dir, 'data');
  const env: Record<string, string> = { SHUTDOWN_TIMEOUT_SECONDS: String(DEADLINE_S) };
  let dropDb = async () => undefined as void;
  const open = () => createDb(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : { dataDir });

  beforeAll(async () => {
    const url = loadConfig().DATABASE_URL;
    if (url) {
      const name = `tds_t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const u = new URL(url);
      u.pathname = `/${name}`;
      env.DATABASE_URL = u.toString();
      dropDb = async () => {
        const a = new pg.Client({ connectionString: url });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    } else {
      env.DATA_DIR = dataDir;
      env.DATABASE_URL = '';
    }
    // Migrated beforehand, so the server starts quickly.
    const d = await open();
    await runMigrations(d);
    await d.close();
  }, 120_000);
  afterAll(async () => {
    await dropDb();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with a request that never ends: exits at the hard deadline; the next start recovers; then a clean stop', async () => {
    const first = await startServerProcess(env);
    const socket = await hangingRequest(first.port);
    const forced = await term(first);
    socket.destroy();
    expect(forced.code, first.output()).toBe(1);
    expect(forced.seconds).toBeGreaterThanOrEqual(DEADLINE_S - 0.5);
    expect(forced.seconds).toBeLessThan(DEADLINE_S + 3);
    expect(first.output()).toContain('buộc thoát');

    const second = await startServerProcess(env);
    if (!env.DATABASE_URL) {
      // The forced exit left the embedded database open: this start saw it and recovered.
      expect(second.output()).toContain('không được dừng đúng cách');
      expect(second.output()).toContain('đã phục hồi từ nhật ký ghi trước');
    }
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    const clean = await term(second);
    expect(clean.code, second.output()).toBe(0);
    expect(clean.seconds).toBeLessThan(DEADLINE_S);

    if (!env.DATABASE_URL) {
      // Checkpointed and closed: PostgreSQL's lock file gone, pg_control "shut down", our lock released, a snapshot kept.
      expect(inspectDataDir(dataDir)).toEqual({ initialised: true, unclean: false, reasons: [] });
      expect(fs.existsSync(path.join(dataDir, 'tds.lock'))).toBe(false);
      expect(listSnapshots(dataDir).length).toBeGreaterThanOrEqual(1);
      const d = await open();
      try {
        const r = await d.db.execute(sql`select action, summary from audit_entry where action = 'db_recover'`);
        expect(rowsOf<{ summary: string }>(r).map((e) => e.summary)).toEqual([expect.stringContaining('dừng không đúng cách')]);
      } finally {
        await d.close();
      }
    }
  }, 180_000);
});
