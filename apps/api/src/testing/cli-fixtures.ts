import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { systemDbOf, type Db } from '../db/client';
import { storedFile } from '../modules/files/files.table';
import type { Actor } from '../platform/actor';
import { writeAudit } from '../platform/audit';
import { inScope, SYSTEM_SCOPE } from '../platform/tenancy';
import type { World } from './world';
import { EPHEMERAL_TABLES, listTables, pkColumns, prepareSession, readTableRows } from '../cli/common';

/** Every backed-up table's rows as dump text, keyed by table name (for comparing two databases). */
export async function dumpAll(db: Db): Promise<Record<string, string[]>> {
  return systemDbOf(db).transaction(async (tx) => {
    await prepareSession(tx);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(tx)) {
      if (EPHEMERAL_TABLES.has(t.name)) continue;
      out[t.name] = [];
      for await (const rows of readTableRows(
        tx,
        t.name,
        t.columns.map((c) => c.name),
        pkColumns(t),
      ))
        out[t.name]!.push(...rows);
    }
    return out;
  });
}

/** Audit entries in three chains (communes A and B, system), with awkward JSON values. */
export async function writeSampleAudit(db: Db, w: World): Promise<void> {
  const actor = { userId: w.users['a.admin']!.id, username: 'a.admin', fullName: 'Nguyễn Thị Hồng' } as Actor;
  const entries = [
    { communeId: w.a.id, provinceId: w.p1.id, before: null, after: { name: 'Phòng Văn hóa', z: 1, a: [1, 'hai', null] } },
    { communeId: w.a.id, provinceId: w.p1.id, before: { name: 'Phòng Văn hóa' }, after: { name: 'Phòng Văn hóa - Xã hội "mới"', nested: { b: true, a: 1.5 } } },
    { communeId: w.b.id, provinceId: w.p1.id, before: 'chuỗi', after: [3, 2, 1] },
    { communeId: null, provinceId: null, before: null, after: { login: 'sysadmin', ghi_chú: 'Đăng nhập\nlần đầu' } },
    { communeId: w.a.id, provinceId: w.p1.id, before: { x: 1 }, after: { x: 2 } },
    { communeId: null, provinceId: null, before: null, after: null },
  ];
  for (const [i, e] of entries.entries()) {
    await inScope(db, SYSTEM_SCOPE, (tx) =>
      writeAudit(
        tx,
        i % 2 ? actor : null,
        { requestId: `req-${i}`, ip: '127.0.0.1' },
        {
          action: `test.action${i}`,
          entityType: 'unit',
          entityId: `e${i}`,
          summary: `Mục thử nghiệm số ${i} – Đức, Dũng`,
          ...e,
        },
      ),
    );
  }
}

/** One stored file in commune A with binary content (all byte values); returns the content. */
export async function addStoredFile(db: Db, communeId: string, size = 300_000): Promise<Buffer> {
  const content = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(size - 256)]);
  await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx.insert(storedFile).values({
      communeId,
      name: 'bien-ban.pdf',
      mime: 'application/pdf',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      purpose: 'evidence',
      content,
    }),
  );
  return content;
}

/** Many small rows (more than one read batch) in role_assignment. */
export async function addManyRoleRows(db: Db, userId: string, communeId: string, n = 2500): Promise<void> {
  await inScope(db, SYSTEM_SCOPE, (tx) =>
    tx.execute(sql`insert into role_assignment (user_id, role, commune_id)
    select ${userId}::uuid, 'viewer', ${communeId}::uuid from generate_series(1, ${n})`),
  );
}

/** Change an audit row behind the trigger's back, as the owner (what an attacker with DB access does). */
export async function tamperAudit(db: Db, statement: string): Promise<void> {
  await systemDbOf(db).transaction(async (tx) => {
    await prepareSession(tx);
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql.raw(statement));
  });
}
