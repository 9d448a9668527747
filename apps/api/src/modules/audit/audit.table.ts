import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log. The application role may only INSERT and SELECT; a trigger refuses
 * UPDATE and DELETE. Each entry carries the hash of the previous one in its chain (one chain per
 * commune, one for system-wide entries) so that `cli audit verify` detects tampering.
 */
export const auditEntry = pgTable('audit_entry', {
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
}, (t) => [
  index('audit_entry_commune_idx').on(t.communeId, t.id),
  index('audit_entry_entity_idx').on(t.entityType, t.entityId),
]);
export type AuditEntryRow = typeof auditEntry.$inferSelect;
