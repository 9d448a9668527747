import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { searchKey } from '@tds/contracts';
import type { Tx } from '../db/client';
import { rowsOf } from '../db/security';
import { auditEntry } from './audit.table';
import type { Actor, RequestMeta } from './actor';

/** Who an entry is attributed to. */
export type AuditActor = Pick<Actor, 'userId' | 'fullName' | 'username'>;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  communeId?: string | null;
  provinceId?: string | null;
  summary: string;
  before?: unknown;
  after?: unknown;
}

/** JSON with object keys sorted, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export interface HashedFields {
  at: string;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  communeId: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  prevHash: string | null;
}

/** The hash of one entry, chained to the previous entry of the same commune (or the system chain). */
export function entryHash(f: HashedFields): string {
  return createHash('sha256').update(canonicalJson(f)).digest('hex');
}

/** Strip values that must never reach the log (password hashes, tokens). */
function redact(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object') return value ?? null;
  if (Array.isArray(value)) return value.map(redact);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (/password|token|hash|content/iu.test(k)) continue;
    out[k] = v instanceof Date ? v.toISOString() : redact(v);
  }
  return JSON.parse(JSON.stringify(out));
}

/**
 * Append one audit entry inside the caller's transaction, so the write and its record commit or
 * roll back together. Entries of one chain are serialised by a transaction-scoped advisory lock and
 * numbered 1, 2, 3 ... (`seq`); a trigger checks that each continues its chain and moves the anchor.
 */
export async function writeAudit(tx: Tx, actor: AuditActor | null, meta: RequestMeta, input: AuditInput): Promise<void> {
  const communeId = input.communeId ?? null;
  // Takes the chain's lock and reads its head whatever the caller's scope (see migration 0011).
  const [head] = rowsOf<{ seq: string; hash: string }>(await tx.execute(sql`select seq::text as seq, hash from tds_audit_lock_head(${communeId}::uuid)`));
  const fields: HashedFields = {
    at: new Date().toISOString(),
    actorId: actor?.userId ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    communeId,
    summary: input.summary,
    before: redact(input.before),
    after: redact(input.after),
    prevHash: head?.hash ?? null,
  };
  await tx.insert(auditEntry).values({
    ...fields,
    seq: head ? Number(head.seq) + 1 : 1,
    actorName: actor ? `${actor.fullName} (${actor.username})` : 'hệ thống',
    provinceId: input.provinceId ?? null,
    requestId: meta.requestId ?? null,
    ip: meta.ip ?? null,
    searchKey: searchKey(`${input.summary} ${actor?.fullName ?? ''} ${actor?.username ?? ''}`),
    hash: entryHash(fields),
  });
}

export const auditChainFilter = (communeId: string | null) => (communeId ? and(eq(auditEntry.communeId, communeId)) : isNull(auditEntry.communeId));
