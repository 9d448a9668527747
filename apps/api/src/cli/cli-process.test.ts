import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../db/client';
import { runMigrations } from '../db/migrate';
import { buildWorld } from '../testing/world';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/security';
import { addStoredFile, dumpAll, tamperAudit, writeSampleAudit } from '../testing/cli-fixtures';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Run the CLI as `node --import tsx apps/api/src/cli/main.ts ...` on an embedded data directory. */
function cli(dataDir: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    // The child gets this environment (PATH etc.) with its own database settings; not config reading.
    // eslint-disable-next-line no-restricted-syntax
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'test' };
    execFile(
      process.execPath,
      ['--import', 'tsx', 'apps/api/src/cli/main.ts', ...args],
      {
        cwd: repoRoot,
        env,
        maxBuffer: 16 * 1024 * 1024,
      },
      (err, _stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
    );
  });
}

describe('the CLI as a process, on the embedded database', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-cli-'));
  const a = path.join(dir, 'a');
  const b = path.join(dir, 'b');
  const file = path.join(dir, 'sao-luu.jsonl.gz');
  let rows: Record<string, string[]>;

  beforeAll(async () => {
    const db = await createDb({ dataDir: a });
    await runMigrations(db);
    const w = await buildWorld(db.db);
    await writeSampleAudit(db.db, w);
    await addStoredFile(db.db, w.a.id, 20_000);
    rows = await dumpAll(db.db);
    await db.close();
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('backup, restore into an empty data directory, audit verify; refusals exit non-zero', async () => {
    const usage = await cli(a);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Cách dùng');

    const backup = await cli(a, 'backup', file);
    expect(backup.stderr, backup.stderr).toContain('audit_entry: 6 dòng');
    expect(backup.code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);

    const restore = await cli(b, 'restore', file);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.stderr).toContain('tổng kiểm khớp');

    const verify = await cli(b, 'audit', 'verify');
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stderr).toMatch(/Đã kiểm tra 6 mục nhật ký trong 3 chuỗi/u);
    // Each chain's head is printed as "<chain> <seq> <hash>", for the operator to keep elsewhere.
    expect(verify.stderr).toMatch(/^ {2}system 2 [0-9a-f]{64}$/mu);

    const again = await cli(b, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('đã có dữ liệu');

    const junk = path.join(dir, 'junk.gz');
    fs.writeFileSync(junk, 'không phải gzip');
    const c = path.join(dir, 'c');
    const bad = await cli(c, 'restore', junk);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('không phải bản sao lưu');
    expect(fs.existsSync(c)).toBe(false);

    // While another live process holds the data directory, the CLI refuses to open it.
    fs.writeFileSync(path.join(b, 'tds.lock'), String(process.pid));
    const locked = await cli(b, 'audit', 'verify');
    fs.rmSync(path.join(b, 'tds.lock'));
    expect(locked.code).toBe(1);
    expect(locked.stderr).toContain(`đang được tiến trình ${process.pid} sử dụng`);

    const db = await createDb({ dataDir: b });
    let lastId: string;
    try {
      expect(await dumpAll(db.db)).toEqual(rows);
      lastId = rowsOf<{ id: string }>(await db.db.execute(sql`select max(id)::text as id from audit_entry where commune_id is null`))[0]!.id;
      await tamperAudit(db.db, `delete from audit_entry where id = ${lastId}`);
    } finally {
      await db.close();
    }
    const broken = await cli(b, 'audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/hệ thống \(không gắn xã\/phường\): mục đầu tiên sai là mục số 2 \(không còn trong bảng\): thiếu 1 mục cuối/u);
  }, 300_000);
});
