import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, personSortKey, searchKey, type Person, type personInput, type personListQuery, type personUpdateInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { unit } from '../org';
import { loadUnit } from '../org';
import { person, type PersonRow } from './people.table';
import { peopleListAbilities, personAbilities, personResource } from './people.policy';

/** Person row (with its unit's name) -> what the audit log keeps (no `can`: that is per user). */
function personRecord(r: PersonRow, unitName: string): Omit<Person, 'can'> {
  return {
    id: r.id,
    communeId: r.communeId,
    unitId: r.unitId,
    unitName,
    fullName: r.fullName,
    gender: r.gender as Person['gender'],
    birthYear: r.birthYear,
    position: r.position,
    active: r.active,
    version: r.version,
  };
}

/** Person row (with its unit's name and path) -> response, with what `actor` may do with it. */
export function mapPerson(actor: Actor, r: PersonRow, unit: { name: string; path: string }): Person {
  return { ...personRecord(r, unit.name), can: personAbilities(actor, r.communeId, unit.path) };
}

const keys = (fullName: string, position?: string | null) => ({ searchKey: searchKey(`${fullName} ${position ?? ''}`), sortKey: personSortKey(fullName) });

/** A page of people of a commune, sorted the Vietnamese way (given name, middle, family). */
export async function listPeople(opts: { db: Db; actor: Actor; communeId: string; query: z.infer<typeof personListQuery> }) {
  const { db, actor, communeId, query } = opts;
  authorize(actor, 'person.read', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const { limit, offset } = pageWindow(query);
    const rows = await tx
      .select({ p: person, unitName: unit.name, unitPath: unit.path, total: sql<number>`(count(*) over ())::int` })
      .from(person)
      .innerJoin(unit, and(eq(unit.communeId, person.communeId), eq(unit.id, person.unitId)))
      .where(and(eq(person.communeId, communeId), query.unitId ? eq(person.unitId, query.unitId) : undefined, matchSearch(person.searchKey, query.q)))
      .orderBy(sql`${person.sortKey} collate "C"`, asc(person.id))
      .limit(limit)
      .offset(offset);
    return {
      items: rows.map((r) => mapPerson(actor, r.p, { name: r.unitName, path: r.unitPath })),
      total: Number(rows[0]?.total ?? 0),
      page: query.page,
      pageSize: query.pageSize,
      can: peopleListAbilities(actor, communeId),
    };
  });
}

async function loadPerson(tx: Tx, communeId: string, id: string) {
  const [row] = await tx
    .select({ p: person, unitName: unit.name, unitPath: unit.path })
    .from(person)
    .innerJoin(unit, and(eq(unit.communeId, person.communeId), eq(unit.id, person.unitId)))
    .where(and(eq(person.communeId, communeId), eq(person.id, id)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy cá nhân.');
  return row;
}

export async function getPerson(opts: { db: Db; actor: Actor; communeId: string; id: string }) {
  authorize(opts.actor, 'person.read', { communeId: opts.communeId });
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const r = await loadPerson(tx, opts.communeId, opts.id);
    return mapPerson(opts.actor, r.p, { name: r.unitName, path: r.unitPath });
  });
}

async function unitFor(tx: Tx, communeId: string, unitId: string) {
  return loadUnit(tx, communeId, unitId).catch(() => {
    throw new AppError('VALIDATION_FAILED', 'Đơn vị không tồn tại trong xã/phường này.', [{ field: 'unitId', message: 'Không tìm thấy đơn vị.' }]);
  });
}

/** Add a person to a unit. A unit focal point may add people only in their own unit's subtree. */
export async function createPerson(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: z.infer<typeof personInput> }) {
  const { db, actor, communeId, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const u = await unitFor(tx, communeId, input.unitId);
    authorize(actor, 'person.write', personResource(communeId, u.path));
    const fullName = cleanText(input.fullName);
    const position = input.position ? cleanText(input.position) : null;
    const [row] = await tx
      .insert(person)
      .values({ communeId, unitId: u.id, fullName, gender: input.gender ?? null, birthYear: input.birthYear ?? null, position, ...keys(fullName, position) })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'person',
      entityId: row!.id,
      communeId,
      summary: `Thêm cá nhân ${fullName} (${u.name})`,
      after: personRecord(row!, u.name),
    });
    return mapPerson(actor, row!, u);
  });
}

/** Edit or move a person, with optimistic locking. */
export async function updatePerson(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  input: z.infer<typeof personUpdateInput>;
  now?: Date;
}) {
  const { db, actor, communeId, id, input } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadPerson(tx, communeId, id);
    authorize(actor, 'person.write', personResource(communeId, cur.unitPath));
    if (cur.p.version !== input.version) throw new AppError('STALE_VERSION');
    const u = input.unitId && input.unitId !== cur.p.unitId ? await unitFor(tx, communeId, input.unitId) : null;
    if (u) authorize(actor, 'person.write', personResource(communeId, u.path));
    const fullName = input.fullName !== undefined ? cleanText(input.fullName) : cur.p.fullName;
    const position = input.position !== undefined ? (input.position ? cleanText(input.position) : null) : cur.p.position;
    const [row] = await tx
      .update(person)
      .set({
        fullName,
        position,
        ...keys(fullName, position),
        unitId: u?.id ?? cur.p.unitId,
        gender: input.gender !== undefined ? input.gender : cur.p.gender,
        birthYear: input.birthYear !== undefined ? input.birthYear : cur.p.birthYear,
        active: input.active ?? cur.p.active,
        version: sql`${person.version} + 1`,
        updatedAt: opts.now ?? new Date(),
      })
      .where(and(eq(person.communeId, communeId), eq(person.id, id), eq(person.version, input.version)))
      .returning();
    if (!row) throw new AppError('STALE_VERSION');
    const unitNow = u ?? { name: cur.unitName, path: cur.unitPath };
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'person',
      entityId: id,
      communeId,
      summary: `Sửa cá nhân ${fullName}`,
      before: personRecord(cur.p, cur.unitName),
      after: personRecord(row, unitNow.name),
    });
    return mapPerson(actor, row, unitNow);
  });
}
