import { sql } from 'drizzle-orm';
import { systemDbOf, type Database, type Db } from '../db/client';
import { rowsOf } from '../db/security';
import { entryHash } from '../platform/audit';
import { CliError, prepareSession, type Log } from './common';

/** One audit chain: a commune's entries, or the system-wide ones (communeId null). */
export interface ChainReport {
  communeId: string | null;
  entries: number;
  broken: number;
}

/** An entry whose hash or link to the previous entry of its chain does not hold. */
export interface BrokenEntry {
  id: string;
  communeId: string | null;
  reason: string;
}

/** Result of checking every chain. */
export interface AuditVerifyResult {
  ok: boolean;
  total: number;
  chains: ChainReport[];
  /** Broken entries in id order (at most 100 are listed). */
  broken: BrokenEntry[];
}

interface Row {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  commune_id: string | null;
  summary: string;
  before: string | null;
  after: string | null;
  prev_hash: string | null;
  hash: string;
}

/**
 * Recompute every audit chain in id order: each entry's hash must equal `entryHash` of its fields
 * and its prev_hash must equal the hash stored on the previous entry of the same chain (null for
 * the first). Reads in batches as the owner with the system scope.
 */
export async function verifyAuditChains(db: Db): Promise<AuditVerifyResult> {
  return systemDbOf(db).transaction(async (tx) => {
    await prepareSession(tx);
    const exists = rowsOf<{ ok: boolean }>(await tx.execute(sql`select to_regclass('public.audit_entry') is not null as ok`));
    if (!exists[0]?.ok) throw new CliError('Cơ sở dữ liệu chưa được khởi tạo (không có bảng audit_entry).');
    const chains = new Map<string, ChainReport & { last: string | null }>();
    const broken: BrokenEntry[] = [];
    let total = 0;
    let brokenCount = 0;
    let after = '0';
    for (;;) {
      const rows = rowsOf<Row>(await tx.execute(sql`
        select id::text as id, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, actor_id::text as actor_id,
          action, entity_type, entity_id, commune_id::text as commune_id, summary, before::text as before, after::text as after,
          prev_hash, hash
        from audit_entry where id > ${after}::bigint order by id limit 1000`));
      if (!rows.length) break;
      for (const r of rows) {
        const key = r.commune_id ?? '';
        let chain = chains.get(key);
        if (!chain) chains.set(key, (chain = { communeId: r.commune_id, entries: 0, broken: 0, last: null }));
        const expected = entryHash({
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          communeId: r.commune_id,
          summary: r.summary,
          before: r.before === null ? null : JSON.parse(r.before),
          after: r.after === null ? null : JSON.parse(r.after),
          prevHash: r.prev_hash,
        });
        const reasons: string[] = [];
        if (r.prev_hash !== chain.last) reasons.push('prev_hash không khớp với mục liền trước trong chuỗi (mục bị xóa, chèn hoặc đổi thứ tự)');
        if (r.hash !== expected) reasons.push('nội dung không khớp với hash (mục bị sửa)');
        if (reasons.length) {
          chain.broken++;
          brokenCount++;
          if (broken.length < 100) broken.push({ id: r.id, communeId: r.commune_id, reason: reasons.join('; ') });
        }
        chain.entries++;
        chain.last = r.hash;
        total++;
      }
      after = rows[rows.length - 1]!.id;
    }
    const list = [...chains.values()].map(({ communeId, entries, broken: b }) => ({ communeId, entries, broken: b }));
    return { ok: brokenCount === 0, total, chains: list, broken };
  });
}

/** `audit verify`: prints entries checked per chain; fails naming the first broken entry. */
export async function auditVerifyCommand(args: string[], open: () => Promise<Database>, log: Log): Promise<void> {
  if (args.length) throw new CliError('Cách dùng: audit verify');
  const database = await open();
  try {
    const result = await verifyAuditChains(database.db);
    const names = new Map(rowsOf<{ id: string; name: string }>(await database.db.execute(sql`select id::text as id, name from commune`)).map((c) => [c.id, c.name]));
    const label = (id: string | null) => (id ? `${names.get(id) ?? 'xã/phường đã xóa'} (${id})` : 'hệ thống (không gắn xã/phường)');
    log(`Đã kiểm tra ${result.total} mục nhật ký trong ${result.chains.length} chuỗi:`);
    for (const c of result.chains) log(`  ${label(c.communeId)}: ${c.entries} mục${c.broken ? `, ${c.broken} mục hỏng` : ', nguyên vẹn'}`);
    if (!result.ok) {
      for (const b of result.broken.slice(0, 10)) log(`  ! mục #${b.id} – ${label(b.communeId)}: ${b.reason}`);
      const first = result.broken[0]!;
      throw new CliError(`Chuỗi nhật ký bị phá vỡ: mục đầu tiên sai là #${first.id} (${first.reason}).`);
    }
    log('Mọi chuỗi nhật ký đều nguyên vẹn.');
  } finally {
    await database.close();
  }
}
