import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { rowsOf } from '../db/security';
import { storedFile } from '../modules/files/files.table';
import { writeAudit } from '../platform/audit';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import { createTestDb, testDbKind } from '../testing/harness';
import { buildWorld, type World } from '../testing/world';
import { verifyAuditChains } from './audit-verify';
import { backupDatabase } from './backup';
import { checkBackupFile, TableHasher } from './backup-format';
import { CliError } from './common';
import { restoreBackup } from './restore';
import { addManyRoleRows, addStoredFile, dumpAll, tamperAudit, writeSampleAudit } from '../testing/cli-fixtures';

describe(`backup, restore and audit verify (${testDbKind()})`, () => {
  let src: Database;
  let dst: Database;
  let w: World;
  let content: Buffer;
  let dir: string;
  let file: string;
  let before: Record<string, string[]>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-backup-'));
    file = path.join(dir, 'backup.jsonl.gz');
    [src, dst] = await Promise.all([createTestDb(), createTestDb()]);
    w = await buildWorld(src.db);
    await writeSampleAudit(src.db, w);
    content = await addStoredFile(src.db, w.a.id);
    await addManyRoleRows(src.db, w.users['a.viewer']!.id, w.a.id);
    // A session is ephemeral: present in the source, absent from the backup.
    await src.system.execute(
      sql`insert into session (id, user_id, csrf_token, expires_at) values ('s1', ${w.users.sysadmin!.id}, 'c', now() + interval '1 hour')`,
    );
    before = await dumpAll(src.db);
  });
  afterAll(async () => {
    await Promise.all([src?.close(), dst?.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up every table but the ephemeral ones, with counts and checksums in the trailer', async () => {
    const log: string[] = [];
    const s = await backupDatabase(src, file, (m) => log.push(m));
    expect(fs.existsSync(`${file}.partial`)).toBe(false);
    // Owner only: the file holds password hashes (whatever the umask lets other files have).
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(s.tables).sort()).toEqual(Object.keys(before).sort());
    expect(s.tables.session).toBeUndefined();
    expect(s.tables.login_throttle).toBeUndefined();
    expect(s.tables.audit_entry!.rows).toBe(6);
    expect(s.tables.stored_file!.rows).toBe(1);
    expect(s.tables.role_assignment!.rows).toBeGreaterThan(2500);
    expect(log.some((l) => l.includes('audit_entry: 6 dòng'))).toBe(true);
    const { header, trailer } = await checkBackupFile(file);
    expect(header).toMatchObject({ format: 'tds-backup', version: 1, source: src.kind });
    expect(header.migrations.length).toBeGreaterThanOrEqual(3);
    expect(trailer.tables).toEqual(s.tables);
    expect(trailer.tables.unit!.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('restores into a fresh database: same rows in every table, bytea intact, chains verify', async () => {
    const s = await restoreBackup(dst, file);
    expect(s.olderBackup).toBe(false);
    expect(await dumpAll(dst.db)).toEqual(before);
    const [f] = await inScope(dst.db, SYSTEM_SCOPE, (tx) => tx.select().from(storedFile).where(eq(storedFile.communeId, w.a.id)));
    expect(Buffer.compare(f!.content, content)).toBe(0);
    expect(rowsOf(await dst.system.execute(sql`select 1 from session`))).toHaveLength(0);
    const v = await verifyAuditChains(dst.db);
    expect(v).toMatchObject({ ok: true, total: 6, broken: [] });
    expect(v.chains.map((c) => [c.communeId, c.entries]).sort()).toEqual(
      [
        [w.a.id, 3],
        [w.b.id, 1],
        [null, 2],
      ].sort(),
    );
  });

  it('resets sequences, so new audit entries continue the restored chains', async () => {
    await inScope(dst.db, SYSTEM_SCOPE, (tx) =>
      writeAudit(tx, null, {}, { action: 'after.restore', entityType: 'unit', communeId: w.a.id, summary: 'Sau khôi phục' }),
    );
    const ids = rowsOf<{ id: number }>(await dst.system.execute(sql`select id::int as id from audit_entry order by id`)).map((r) => r.id);
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect((await verifyAuditChains(dst.db)).ok).toBe(true);
  });

  it('refuses to restore into a database that holds data; --force replaces it in one go', async () => {
    await expect(restoreBackup(dst, file)).rejects.toThrow(/đã có dữ liệu.*--force/su);
    await restoreBackup(dst, file, { force: true });
    expect(await dumpAll(dst.db)).toEqual(before);
  });

  const corrupt: [string, () => Buffer][] = [
    ['not gzip at all', () => Buffer.from('xin chào, đây không phải bản sao lưu')],
    ['gzip of something else', () => gzipSync('{"hello":"world"}\n{"a":1}\n')],
    ['a truncated gzip', () => fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2))],
    ['a backup cut before its trailer', () => gzipSync(gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').slice(0, -2).join('\n'))],
    ['a backup with one row changed', () => gzipSync(gunzipSync(fs.readFileSync(file)).toString('utf8').replace('Tỉnh Một', 'Tỉnh Mốt'))],
    ['a newer format version', () => gzipSync(gunzipSync(fs.readFileSync(file)).toString('utf8').replace('"version":1', '"version":2'))],
  ];
  for (const [name, make] of corrupt) {
    it(`refuses ${name} and writes nothing, even with --force`, async () => {
      const bad = path.join(dir, `bad-${name.replace(/\W+/gu, '-')}.gz`);
      fs.writeFileSync(bad, make());
      const snapshot = await dumpAll(dst.db);
      const err = await restoreBackup(dst, bad, { force: true }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CliError);
      expect((err as Error).message).toMatch(/không phải bản sao lưu|phiên bản/u);
      expect(await dumpAll(dst.db)).toEqual(snapshot);
    });
  }

  it('refuses a backup made by newer code (unknown migration) and writes nothing', async () => {
    const text = gunzipSync(fs.readFileSync(file)).toString('utf8');
    const newer = text.replace('"migrations":[', '"migrations":[{"hash":"ffff","createdAt":"9999999999999"},');
    const bad = path.join(dir, 'newer.gz');
    fs.writeFileSync(bad, gzipSync(newer));
    const snapshot = await dumpAll(dst.db);
    await expect(restoreBackup(dst, bad, { force: true })).rejects.toThrow(/phiên bản phần mềm mới hơn/u);
    expect(await dumpAll(dst.db)).toEqual(snapshot);
  });

  it('audit verify names an edited entry, a deleted entry and a rewritten hash', async () => {
    const aIds = rowsOf<{ id: string }>(await dst.system.execute(sql`select id::text as id from audit_entry where commune_id = ${w.a.id} order by id`)).map(
      (r) => r.id,
    );
    expect(aIds.length).toBeGreaterThanOrEqual(3);

    await tamperAudit(dst.db, `update audit_entry set summary = 'đã sửa' where id = ${aIds[1]}`);
    let v = await verifyAuditChains(dst.db);
    expect(v.ok).toBe(false);
    expect(v.broken.map((b) => b.id)).toEqual([aIds[1]]);
    expect(v.broken[0]!.reason).toMatch(/bị sửa/u);

    await tamperAudit(dst.db, `update audit_entry set summary = 'đã sửa', hash = 'x' where id = ${aIds[1]}`);
    v = await verifyAuditChains(dst.db);
    expect(v.broken[0]!.id).toBe(aIds[1]);
    expect(v.broken.map((b) => b.id)).toContain(aIds[2]);

    await restoreBackup(dst, file, { force: true });
    await tamperAudit(dst.db, `delete from audit_entry where id = ${aIds[1]}`);
    v = await verifyAuditChains(dst.db);
    expect(v.broken.map((b) => b.id)).toEqual([aIds[2]]);
    expect(v.broken[0]!.reason).toMatch(/prev_hash/u);
  });

  it('restores a backup made before audit chains were numbered: seq by id, anchors at the last entries', async () => {
    const lines = gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
    const header = JSON.parse(lines[0]!) as { migrations: { hash: string }[]; tables: { name: string; columns: string[] }[] };
    const trailer = JSON.parse(lines[lines.length - 1]!) as { tables: Record<string, unknown> };
    header.migrations = header.migrations.slice(0, 11);
    header.tables = header.tables.filter((t) => t.name !== 'audit_head');
    header.tables.find((t) => t.name === 'audit_entry')!.columns = header.tables.find((t) => t.name === 'audit_entry')!.columns.filter((c) => c !== 'seq');
    delete trailer.tables.audit_head;
    const out = [JSON.stringify(header)];
    let table = '';
    let hasher = new TableHasher();
    for (const line of lines.slice(1, -1)) {
      if (line.startsWith('{"@tds":')) {
        table = (JSON.parse(line) as { name: string }).name;
        if (table === 'audit_entry') hasher = new TableHasher();
        if (table !== 'audit_head') out.push(line);
        continue;
      }
      if (table === 'audit_head') continue;
      if (table !== 'audit_entry') {
        out.push(line);
        continue;
      }
      // row_to_json text as the older code wrote it: the same line without its last column, seq.
      const text = line.replace(/,"seq":\d+\}$/u, '}');
      expect(text).not.toBe(line);
      hasher.add(text);
      out.push(text);
    }
    trailer.tables.audit_entry = hasher.summary();
    out.push(JSON.stringify(trailer));
    const older = path.join(dir, 'older.gz');
    fs.writeFileSync(older, gzipSync(`${out.join('\n')}\n`));
    const s = await restoreBackup(dst, older, { force: true });
    expect(s.olderBackup).toBe(true);
    const v = await verifyAuditChains(dst.db);
    expect(v.broken).toEqual([]);
    expect(v.total).toBe(6);
    expect(v.chains.map((c) => [c.chain === 'system' ? 'system' : 'commune', c.entries, c.anchor?.seq])).toEqual(
      expect.arrayContaining([
        ['system', 2, 2],
        ['commune', 3, 3],
        ['commune', 1, 1],
      ]),
    );
  });
});
