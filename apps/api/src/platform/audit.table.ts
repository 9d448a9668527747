import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. The application role may only INSERT and SELECT; a trigger refuses
 * UPDATE and DELETE. Each entry carries the hash of the previous one in its chain (one chain per
 * commune, one for system-wide entries) and its place in that chain (`seq`, 1, 2, 3 ... assigned
 * under the chain's lock; ids are global and interleave between chains), so that `cli audit
 * verify` detects tampering.
 */
export const auditEntry = pgTable(
  'audit_entry',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    provinceId: uuid('province_id'),
    communeId: uuid('commune_id'),
    summary: text('summary').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    searchKey: text('search_key').notNull(),
    prevHash: text('prev_hash'),
    hash: text('hash').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('audit_entry_commune_idx').on(t.communeId, t.id),
    index('audit_entry_entity_idx').on(t.entityType, t.entityId),
    unique('audit_entry_chain_seq_uq').on(t.communeId, t.seq).nullsNotDistinct(),
  ],
);
export type AuditEntryRow = typeof auditEntry.$inferSelect;

/**
 * The anchor of each audit chain: its last entry's seq and hash, moved forward by a trigger on
 * every insert (migration 0011). The application role may read it but not write it, so a deleted
 * tail of the log shows as a chain shorter than its anchor.
 */
export const auditHead = pgTable('audit_head', {
  /** The commune's id as text, or `system` for entries of no commune. */
  chain: text('chain').primaryKey(),
  communeId: uuid('commune_id'),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull(),
});
