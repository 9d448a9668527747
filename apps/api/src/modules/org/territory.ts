import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, searchKey } from '@tds/contracts';
import type { communeInput, pageQuery, provinceInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { matchSearch, pageWindow } from '../../platform/paging';
import { inScope } from '../../platform/tenancy';
import { mapCommune, mapProvince } from './org.mapper';
import { badRange } from './org.rules';
import { commune, province } from './org.table';

/** Provinces with their commune counts (a directory: anyone signed in may read it). */
export async function listProvinces(opts: { db: Db; actor: Actor; query: z.infer<typeof pageQuery> }) {
  const { limit, offset } = pageWindow(opts.query);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const where = matchSearch(province.searchKey, opts.query.q);
    const rows = await tx
      .select({
        id: province.id,
        code: province.code,
        name: province.name,
        communeCount: sql<number>`(select count(*)::int from ${commune} c where c.province_id = ${province.id})`,
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(province)
      .where(where)
      .orderBy(asc(province.searchKey))
      .limit(limit)
      .offset(offset);
    return { items: rows.map(mapProvince), total: Number(rows[0]?.total ?? 0), page: opts.query.page, pageSize: opts.query.pageSize };
  });
}

/** Create or rename a province (system administrators). */
export async function saveProvince(opts: { db: Db; actor: Actor; meta: RequestMeta; id?: string; input: z.infer<typeof provinceInput> }) {
  authorize(opts.actor, 'org.territory.write', {});
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const values = { code: cleanText(opts.input.code), name: cleanText(opts.input.name), searchKey: searchKey(opts.input.name) };
    const [dup] = await tx
      .select({ id: province.id })
      .from(province)
      .where(sql`lower(${province.code}) = ${values.code.toLowerCase()}`);
    if (dup && dup.id !== opts.id) throw new AppError('DUPLICATE_CODE', `Mã tỉnh "${values.code}" đã tồn tại.`, [{ field: 'code', message: 'Mã đã tồn tại.' }]);
    let before = null;
    if (opts.id) {
      [before] = await tx.select().from(province).where(eq(province.id, opts.id));
      if (!before) throw new AppError('NOT_FOUND');
    }
    const [row] = opts.id
      ? await tx.update(province).set(values).where(eq(province.id, opts.id)).returning()
      : await tx.insert(province).values(values).returning();
    await writeAudit(tx, opts.actor, opts.meta, {
      action: opts.id ? 'update' : 'create',
      entityType: 'province',
      entityId: row!.id,
      provinceId: row!.id,
      summary: `${opts.id ? 'Sửa' : 'Tạo'} tỉnh/thành phố ${row!.name}`,
      before,
      after: row,
    });
    return mapProvince({ ...row!, communeCount: 0 });
  });
}

/** Communes the actor can see, optionally of one province. */
export async function listCommunes(opts: { db: Db; actor: Actor; query: z.infer<typeof pageQuery> & { provinceId?: string | undefined } }) {
  const { limit, offset } = pageWindow(opts.query);
  const { actor } = opts;
  return inScope(opts.db, actor.scope, async (tx) => {
    const visible = actor.scope.all
      ? undefined
      : actor.scope.communeIds.length
        ? sql`${commune.id} in (${sql.join(
            actor.scope.communeIds.map((c) => sql`${c}`),
            sql`, `,
          )})`
        : sql`false`;
    const where = and(visible, opts.query.provinceId ? eq(commune.provinceId, opts.query.provinceId) : undefined, matchSearch(commune.searchKey, opts.query.q));
    const rows = await tx
      .select({ c: commune, provinceName: province.name, total: sql<number>`(count(*) over ())::int` })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId))
      .where(where)
      .orderBy(asc(province.searchKey), asc(commune.searchKey))
      .limit(limit)
      .offset(offset);
    return {
      items: rows.map((r) => mapCommune({ ...r.c, provinceName: r.provinceName })),
      total: Number(rows[0]?.total ?? 0),
      page: opts.query.page,
      pageSize: opts.query.pageSize,
    };
  });
}

/** Create or edit a commune (system administrators). */
export async function saveCommune(opts: { db: Db; actor: Actor; meta: RequestMeta; id?: string; input: z.infer<typeof communeInput> }) {
  authorize(opts.actor, 'org.territory.write', { provinceId: opts.input.provinceId });
  const { input } = opts;
  if (badRange(input.activeFrom, input.activeTo))
    throw new AppError('DATE_RANGE_INVALID', undefined, [{ field: 'activeTo', message: 'Ngày kết thúc phải sau ngày bắt đầu.' }]);
  return inScope(opts.db, opts.actor.scope, async (tx) => {
    const [prov] = await tx.select().from(province).where(eq(province.id, input.provinceId));
    if (!prov) throw new AppError('VALIDATION_FAILED', 'Tỉnh/thành phố không tồn tại.', [{ field: 'provinceId', message: 'Không tìm thấy tỉnh/thành phố.' }]);
    const values = {
      provinceId: input.provinceId,
      code: cleanText(input.code),
      name: cleanText(input.name),
      kind: input.kind,
      activeFrom: input.activeFrom ?? null,
      activeTo: input.activeTo ?? null,
      searchKey: searchKey(input.name),
    };
    const [dup] = await tx
      .select({ id: commune.id })
      .from(commune)
      .where(sql`lower(${commune.code}) = ${values.code.toLowerCase()}`);
    if (dup && dup.id !== opts.id)
      throw new AppError('DUPLICATE_CODE', `Mã xã/phường "${values.code}" đã tồn tại.`, [{ field: 'code', message: 'Mã đã tồn tại.' }]);
    let before = null;
    if (opts.id) {
      [before] = await tx.select().from(commune).where(eq(commune.id, opts.id));
      if (!before) throw new AppError('NOT_FOUND');
    }
    const [row] = opts.id
      ? await tx.update(commune).set(values).where(eq(commune.id, opts.id)).returning()
      : await tx.insert(commune).values(values).returning();
    await writeAudit(tx, opts.actor, opts.meta, {
      action: opts.id ? 'update' : 'create',
      entityType: 'commune',
      entityId: row!.id,
      communeId: row!.id,
      provinceId: row!.provinceId,
      summary: `${opts.id ? 'Sửa' : 'Tạo'} ${row!.name}`,
      before,
      after: row,
    });
    return mapCommune({ ...row!, provinceName: prov.name });
  });
}
