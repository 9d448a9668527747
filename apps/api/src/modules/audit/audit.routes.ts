import { and, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { addDays, auditListQuery, auditPage, vnDayStart, type AuditEntry } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize, can } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { actorOf, type App, type Deps } from '../../platform/http';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { auditEntry, type AuditEntryRow } from '../../platform/audit.table';

function mapAudit(r: AuditEntryRow): AuditEntry {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    communeId: r.communeId,
    summary: r.summary,
    before: r.before ?? null,
    after: r.after ?? null,
  };
}

/** Next day of an ISO date, for an inclusive "to" filter. */
const nextDay = (iso: string) => vnDayStart(addDays(iso, 1));

/** Browse the audit log of a commune (or, for system administrators, everything), newest first. */
export async function listAudit(opts: { db: Db; actor: Actor; query: z.infer<typeof auditListQuery> }) {
  const { db, actor, query } = opts;
  // Without a commune: every commune (and province) where the actor may read the log, and only those.
  let where: SQL | undefined;
  if (query.communeId) authorize(actor, 'audit.read', { communeId: query.communeId });
  else if (!actor.scope.all) {
    const communes = actor.scope.communeIds.filter((communeId) => can(actor, 'audit.read', { communeId }));
    const provinces = actor.scope.provinceIds.filter((provinceId) => can(actor, 'audit.read', { provinceId }));
    if (!communes.length && !provinces.length) throw new AppError('FORBIDDEN');
    where = or(
      communes.length ? inArray(auditEntry.communeId, communes) : undefined,
      provinces.length ? and(isNull(auditEntry.communeId), inArray(auditEntry.provinceId, provinces)) : undefined,
    );
  }
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ a: auditEntry, total: sql<number>`(count(*) over ())::int` })
      .from(auditEntry)
      .where(
        and(
          where,
          query.communeId ? eq(auditEntry.communeId, query.communeId) : undefined,
          query.entityType ? eq(auditEntry.entityType, query.entityType) : undefined,
          query.action ? eq(auditEntry.action, query.action) : undefined,
          query.actorId ? eq(auditEntry.actorId, query.actorId) : undefined,
          query.from ? gte(auditEntry.at, vnDayStart(query.from).toISOString()) : undefined,
          query.to ? lt(auditEntry.at, nextDay(query.to).toISOString()) : undefined,
          matchSearch(auditEntry.searchKey, query.q),
        ),
      )
      .orderBy(desc(auditEntry.id))
      .limit(limit)
      .offset(offset);
    return { items: rows.map((r) => mapAudit(r.a)), total: Number(rows[0]?.total ?? 0), page: query.page, pageSize: query.pageSize };
  });
}

/** The audit log. */
export async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: { tags: ['audit'], summary: 'Nhật ký thao tác', querystring: auditListQuery, response: { 200: auditPage } },
    },
    async (req) => listAudit({ db: deps.db, actor: actorOf(req), query: req.query }),
  );
}
