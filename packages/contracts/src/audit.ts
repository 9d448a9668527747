import { z } from 'zod';
import { isoDate, pageOf, pageQuery, uuid } from './common.js';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: uuid.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  communeId: uuid.nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListQuery = pageQuery
  .extend({
    communeId: uuid.optional(),
    entityType: z.string().max(40).optional(),
    action: z.string().max(40).optional(),
    actorId: uuid.optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .strict();
export const auditPage = pageOf(auditEntrySchema);
