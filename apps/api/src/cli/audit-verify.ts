import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { systemDbOf, type Database, type Db, type Tx } from '../db/client';
import { rowsOf } from '../db/security';
import { entryHash } from '../platform/audit';
import { CliError, prepareSession, type Log } from './common';

/** Where a chain ends: the seq and hash of its last entry. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** An entry whose hash, link or place in its chain does not hold; `id` is null when the entry is missing. */
export interface BrokenEntry {
  id: string | null;
  /** Place in the chain (1, 2, 3 ...). */
  seq: number;
  /** When the entry says it was written (ISO, UTC); null when the entry is missing. */
  at: string | null;
  communeId: string | null;
  reason: string;
}

/** One audit chain: a commune's entries, or the system-wide ones (communeId null). */
export interface ChainReport {
  /** The commune's id, or `system`. */
  chain: string;
  communeId: string | null;
  entries: number;
  broken: number;
  /** The last entry found in the table. */
  last: ChainHead | null;
  /** The anchor kept in audit_head (moved by a trigger on every insert). */
  anchor: ChainHead | null;
  /** The first bad entry in write order. */
  firstBad: BrokenEntry | null;
}

/** Result of checking every chain. */
export interface AuditVerifyResult {
  ok: boolean;
  total: number;
  chains: ChainReport[];
  /** Broken entries, chain by chain in write order (at most 100 are listed). */
  broken: BrokenEntry[];
}

export interface VerifyOptions {
  /** Heads noted earlier outside the database (`--expect FILE`): each must still be in its chain. */
  expected?: ReadonlyMap<string, ChainHead>;
}

interface Row {
  id: string;
  seq_n: string;
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

const MISSING_LINK = 'prev_hash không khớp với mục liền trước trong chuỗi (mục bị xóa, chèn hoặc đổi thứ tự)';
const EDITED = 'nội dung không khớp với hash (mục bị sửa)';

/**
 * Recompute every audit chain in the order its entries were written (seq): each entry's hash must
 * equal `entryHash` of its fields, its prev_hash the hash of the entry before it (null for the
 * first), its seq the next number; and the chain must end where its anchor (audit_head) says, so a
 * deleted tail is found too. Reads one snapshot as the owner with the system scope, in batches.
 */
export async function verifyAuditChains(db: Db, opts: VerifyOptions = {}): Promise<AuditVerifyResult> {
  return systemDbOf(db).transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    await prepareSession(tx);
    const exists = rowsOf<{ ok: boolean }>(await tx.execute(sql`select to_regclass('public.audit_head') is not null as ok`));
    if (!exists[0]?.ok)
      throw new CliError('Cơ sở dữ liệu chưa được khởi tạo hoặc chưa cập nhật (không có bảng audit_head); hãy chạy ứng dụng một lần để áp dụng migration.');
    const chains = rowsOf<{ chain: string; commune_id: string | null; anchor_seq: string | null; anchor_hash: string | null }>(
      await tx.execute(sql`
      select k.chain, k.commune_id, h.seq::text as anchor_seq, h.hash as anchor_hash
      from (select coalesce(commune_id::text, 'system') as chain, commune_id::text as commune_id from audit_entry group by commune_id
            union select chain, commune_id::text from audit_head) k
      left join audit_head h on h.chain = k.chain
      order by (k.chain = 'system') desc, k.chain`),
    );
    const reports: ChainReport[] = [];
    const broken: BrokenEntry[] = [];
    let total = 0;
    for (const c of chains) {
      const anchor = c.anchor_seq === null ? null : { seq: Number(c.anchor_seq), hash: c.anchor_hash! };
      const report = await verifyChain(tx, c.chain, c.commune_id, anchor, opts.expected?.get(c.chain) ?? null);
      reports.push(report.summary);
      total += report.summary.entries;
      for (const b of report.broken) if (broken.length < 100) broken.push(b);
    }
    return { ok: reports.every((r) => r.broken === 0), total, chains: reports, broken };
  });
}

async function verifyChain(tx: Tx, chain: string, communeId: string | null, anchor: ChainHead | null, expected: ChainHead | null) {
  const summary: ChainReport = { chain, communeId, entries: 0, broken: 0, last: null, anchor, firstBad: null };
  const broken: BrokenEntry[] = [];
  const flag = (b: BrokenEntry) => {
    summary.broken++;
    summary.firstBad ??= b;
    if (broken.length < 100) broken.push(b);
  };
  let lastRow: Row | null = null;
  let lastHash: string | null = null;
  let nextSeq = 1;
  let expectedSeen = false;
  let lastFlagged = false;
  for (;;) {
    const rows = rowsOf<Row>(
      await tx.execute(sql`
      select a.id::text as id, a.seq::text as seq_n, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
        a.actor_id::text as actor_id, a.action, a.entity_type, a.entity_id, a.commune_id::text as commune_id, a.summary,
        a.before::text as before, a.after::text as after, a.prev_hash, a.hash
      from audit_entry a
      where ${communeId === null ? sql`a.commune_id is null` : sql`a.commune_id = ${communeId}::uuid`} and a.seq >= ${nextSeq}
      order by a.seq limit 1000`),
    );
    if (!rows.length) break;
    for (const r of rows) {
      const seq = Number(r.seq_n);
      const at = new Date(r.at).toISOString();
      const reasons: string[] = [];
      if (seq > nextSeq) reasons.push(`thiếu mục số ${nextSeq}${seq - 1 > nextSeq ? `-${seq - 1}` : ''} của chuỗi (bị xóa)`);
      if (r.prev_hash !== lastHash) reasons.push(MISSING_LINK);
      const recomputed = entryHash({
        at,
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
      if (r.hash !== recomputed) reasons.push(EDITED);
      if (anchor && seq === anchor.seq && r.hash !== anchor.hash) reasons.push('hash khác với mốc neo của chuỗi (audit_head)');
      if (anchor && seq === anchor.seq + 1) reasons.push(`nằm sau mốc neo của chuỗi (số ${anchor.seq}): mục được chèn thêm ngoài ứng dụng`);
      if (expected && seq === expected.seq) {
        expectedSeen = true;
        if (r.hash !== expected.hash) reasons.push('hash khác với mốc đã ghi lại bên ngoài (--expect)');
      }
      // Ids come from one sequence and a chain is appended under its lock, so they grow with seq: an
      // entry whose id is larger than the next one's was put in later (a forged or moved entry).
      if (lastRow && !lastFlagged && BigInt(r.id) < BigInt(lastRow.id)) {
        flag({
          id: lastRow.id,
          seq: Number(lastRow.seq_n),
          at: new Date(lastRow.at).toISOString(),
          communeId,
          reason: `id lớn hơn id của mục sau nó (#${r.id}): mục được chèn hoặc đổi chỗ ngoài ứng dụng`,
        });
      }
      lastFlagged = reasons.length > 0;
      if (lastFlagged) flag({ id: r.id, seq, at, communeId, reason: reasons.join('; ') });
      summary.entries++;
      lastRow = r;
      lastHash = r.hash;
      nextSeq = seq + 1;
    }
  }
  summary.last = lastRow ? { seq: Number(lastRow.seq_n), hash: lastRow.hash } : null;
  const lastSeq = summary.last?.seq ?? 0;
  const after = lastRow ? `; mục cuối còn lại là #${lastRow.id} (số ${lastSeq}, lúc ${new Date(lastRow.at).toISOString()})` : '; chuỗi không còn mục nào';
  if (!anchor && lastRow) {
    flag({ id: null, seq: 1, at: null, communeId, reason: 'chuỗi không có mốc neo (audit_head): mốc bị xóa ngoài ứng dụng' });
  } else if (anchor && lastSeq < anchor.seq) {
    const n = anchor.seq - lastSeq;
    flag({
      id: null,
      seq: lastSeq + 1,
      at: null,
      communeId,
      reason: `thiếu ${n} mục cuối của chuỗi (số ${lastSeq + 1}-${anchor.seq} theo mốc neo, bị xóa)${after}`,
    });
  }
  if (expected && !expectedSeen) {
    flag({ id: null, seq: expected.seq, at: null, communeId, reason: `không còn mục số ${expected.seq} đã ghi lại bên ngoài (--expect)${after}` });
  }
  return { summary, broken };
}

/** Heads noted from an earlier run: lines `<chain> <seq> <hash>` (other lines are ignored). */
export function parseExpectedHeads(text: string): Map<string, ChainHead> {
  const out = new Map<string, ChainHead>();
  for (const line of text.split(/\r?\n/u)) {
    const m = /^\s*(system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\s+(\d+)\s+([0-9a-f]{64})\s*$/iu.exec(line);
    if (m) out.set(m[1]!.toLowerCase(), { seq: Number(m[2]), hash: m[3]!.toLowerCase() });
  }
  return out;
}

/**
 * `audit verify [--expect FILE]`: checks every chain, prints each chain's head (seq and hash) for the
 * operator to keep elsewhere, and fails naming each broken chain's first bad entry by id and time.
 */
export async function auditVerifyCommand(args: string[], open: () => Promise<Database>, log: Log): Promise<void> {
  let expected: Map<string, ChainHead> | undefined;
  if (args.length === 2 && args[0] === '--expect') {
    if (!fs.existsSync(args[1]!)) throw new CliError(`Không có tệp ${args[1]}.`);
    expected = parseExpectedHeads(fs.readFileSync(args[1]!, 'utf8'));
    if (!expected.size) throw new CliError(`Tệp ${args[1]} không có dòng mốc nào (dạng "<chuỗi> <số> <hash>").`);
  } else if (args.length) throw new CliError('Cách dùng: audit verify [--expect TỆP]');
  const database = await open();
  try {
    const result = await verifyAuditChains(database.db, expected ? { expected } : {});
    const names = new Map(
      rowsOf<{ id: string; name: string }>(await database.db.execute(sql`select id::text as id, name from commune`)).map((c) => [c.id, c.name]),
    );
    const label = (id: string | null) => (id ? `${names.get(id) ?? 'xã/phường đã xóa'} (${id})` : 'hệ thống (không gắn xã/phường)');
    const where = (b: BrokenEntry) => (b.id ? `mục #${b.id} (số ${b.seq}, lúc ${b.at})` : `mục số ${b.seq} (không còn trong bảng)`);
    log(`Đã kiểm tra ${result.total} mục nhật ký trong ${result.chains.length} chuỗi:`);
    for (const c of result.chains) log(`  ${label(c.communeId)}: ${c.entries} mục${c.broken ? `, ${c.broken} lỗi` : ', nguyên vẹn'}`);
    if (expected)
      for (const chain of expected.keys())
        if (!result.chains.some((c) => c.chain === chain)) log(`  ! chuỗi ${chain} trong tệp mốc không còn trong cơ sở dữ liệu`);
    log('Mốc neo hiện tại của từng chuỗi (chuỗi, số mục, hash của mục cuối); hãy ghi lại ở nơi khác và đối chiếu lần sau bằng audit verify --expect TỆP:');
    for (const c of result.chains) if (c.anchor) log(`  ${c.chain} ${c.anchor.seq} ${c.anchor.hash}`);
    const lostChains = expected ? [...expected.keys()].filter((k) => !result.chains.some((c) => c.chain === k)) : [];
    if (!result.ok || lostChains.length) {
      for (const b of result.broken.slice(0, 10)) log(`  ! ${label(b.communeId)}: ${where(b)}: ${b.reason}`);
      const firsts = result.chains
        .filter((c) => c.firstBad)
        .map((c) => `${label(c.communeId)}: mục đầu tiên sai là ${where(c.firstBad!)}: ${c.firstBad!.reason}`);
      for (const k of lostChains) firsts.push(`chuỗi ${k}: không còn mục nào dù tệp mốc ghi có`);
      throw new CliError(`Chuỗi nhật ký bị phá vỡ:\n  ${firsts.join('\n  ')}`);
    }
    log('Mọi chuỗi nhật ký đều nguyên vẹn.');
  } finally {
    await database.close();
  }
}
