import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env';
import { createDb, type Database } from '../db/client';
import { runMigrations } from '../db/migrate';
import { createTestDb } from '../testing/harness';
import { buildWorld } from '../testing/world';
import { verifyAuditChains } from './audit-verify';
import { backupDatabase } from './backup';
import { restoreBackup } from './restore';
import { addStoredFile, dumpAll, writeSampleAudit } from '../testing/cli-fixtures';

const url = loadConfig().DATABASE_URL;
const reason = url ? '' : ' [bỏ qua: đặt DATABASE_URL để chạy với PostgreSQL]';

describe('backup across databases (PGlite <-> PostgreSQL)', () => {
  const open: Database[] = [];
  let dir = '';
  afterAll(async () => {
    await Promise.all(open.map((d) => d.close()));
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!url)(
    `a PGlite backup restores into PostgreSQL, and that one back into PGlite${reason}`,
    async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tds-cross-'));
      const lite = await createDb({ dataDir: 'memory://' });
      open.push(lite);
      await runMigrations(lite);
      const w = await buildWorld(lite.db);
      await writeSampleAudit(lite.db, w);
      await addStoredFile(lite.db, w.b.id, 50_000);
      const rows = await dumpAll(lite.db);
      await backupDatabase(lite, path.join(dir, 'lite.gz'));

      const pg = await createTestDb();
      open.push(pg);
      expect(pg.kind).toBe('postgres');
      await restoreBackup(pg, path.join(dir, 'lite.gz'));
      expect(await dumpAll(pg.db)).toEqual(rows);
      expect(await verifyAuditChains(pg.db)).toMatchObject({ ok: true, total: 6 });

      await backupDatabase(pg, path.join(dir, 'pg.gz'));
      const lite2 = await createDb({ dataDir: 'memory://' });
      open.push(lite2);
      await restoreBackup(lite2, path.join(dir, 'pg.gz'));
      expect(await dumpAll(lite2.db)).toEqual(rows);
      expect((await verifyAuditChains(lite2.db)).ok).toBe(true);
    },
    180_000,
  );
});
