import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { unitPage, type UnitPage, type unitListQuery, todayVn } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { authorize } from '../../platform/authorize';
import { rowsOf } from '../../db/security';
import { inScope } from '../../platform/tenancy';
import { feedCache } from '../../platform/change-feed';
import { matchSearch, pageWindow } from '../../platform/paging';
import { mapUnit } from './org.mapper';
import { unitAbilityKey, unitListAbilities } from './org.policy';
import { unit } from './org.table';

const unitFields = {
  id: unit.id,
  communeId: unit.communeId,
  code: unit.code,
  name: unit.name,
  kind: unit.kind,
  parentId: unit.parentId,
  contactName: unit.contactName,
  phone: unit.phone,
  email: unit.email,
  address: unit.address,
  activeFrom: unit.activeFrom,
  activeTo: unit.activeTo,
  mergedIntoId: unit.mergedIntoId,
  version: unit.version,
  path: unit.path,
};

type UnitPageBody = UnitPage;

/**
 * Recently served pages, each with the commune's unit counter at the time. A page is served from here
 * only while the counter is unchanged: read from the database, or from memory while the change feed
 * announces every unit change (platform/change-feed.ts), so every instance stays correct. A page
 * carries `can`, which is per user: it is kept under the actor's ability key (org.policy.ts), shared only
 * by actors for whom every `can` of the page is the same.
 */
const pageCache = new Map<string, { version: number; body: UnitPageBody; json: string }>();
const PAGE_CACHE_MAX = 500;

/** The commune's unit counter: kept in memory while the change feed is live (a unit change announces `unit:<commune>`). */
const cachedUnitVersion = feedCache<number>((kind, key) => (kind === 'unit' ? key : kind === 'commune' ? '*' : null));

async function unitVersion(db: Db, communeId: string): Promise<number> {
  return cachedUnitVersion(db, communeId, async () => {
    const r = await db.execute(sql`select tds_unit_version(${communeId}) as v`);
    return Number(rowsOf<{ v: number }>(r)[0]?.v ?? 0);
  });
}

/** A page of a commune's units, filtered and searched, in Vietnamese name order. */
export async function listUnits(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof unitListQuery> }): Promise<UnitPageBody> {
  return (await listUnitsCached(opts)).body;
}

/**
 * The same page with its JSON, checked against the response schema once when it is built, so the
 * route can send a cached page without serialising it again.
 */
export async function listUnitsCached(opts: {
  db: Db;
  actor: Actor;
  communeId: string;
  query: z.infer<typeof unitListQuery>;
}): Promise<{ body: UnitPageBody; json: string }> {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'org.read', { communeId });
  const today = todayVn();
  const key = `${communeId}|${today}|${unitAbilityKey(actor, communeId)}|${JSON.stringify(query)}`;
  const version = await unitVersion(db, communeId);
  const hit = pageCache.get(key);
  if (hit && hit.version === version) return hit;
  const body = await readUnitPage(db, actor, communeId, query, today);
  const entry = { version, body, json: JSON.stringify(unitPage.parse(body)) };
  pageCache.delete(key);
  pageCache.set(key, entry);
  if (pageCache.size > PAGE_CACHE_MAX) pageCache.delete(pageCache.keys().next().value!);
  return entry;
}

async function readUnitPage(db: Db, actor: Actor, communeId: string, query: z.infer<typeof unitListQuery>, today: string): Promise<UnitPageBody> {
  return inScope(db, actor.scope, async (tx) => {
    const where = and(
      eq(unit.communeId, communeId),
      query.kind ? eq(unit.kind, query.kind) : undefined,
      query.parentId ? eq(unit.parentId, query.parentId) : undefined,
      query.includeInactive === 'true'
        ? undefined
        : and(or(isNull(unit.activeFrom), lte(unit.activeFrom, today)), or(isNull(unit.activeTo), gte(unit.activeTo, today))),
      matchSearch(unit.searchKey, query.q),
    );
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ u: unitFields, total: sql<number>`(count(*) over ())::int` })
      .from(unit)
      .where(where)
      .orderBy(sql`${unit.sortKey} collate "C"`, asc(unit.code))
      .limit(limit)
      .offset(offset);
    const total =
      rows[0]?.total ??
      (offset > 0
        ? ((
            await tx
              .select({ n: sql<number>`count(*)::int` })
              .from(unit)
              .where(where)
          )[0]?.n ?? 0)
        : 0);
    return {
      items: rows.map((r) => mapUnit(actor, r.u, today)),
      total: Number(total),
      page: query.page,
      pageSize: query.pageSize,
      can: unitListAbilities(actor, communeId),
    };
  });
}
