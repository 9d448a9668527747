import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, searchKey } from '@tds/contracts';
import type { provinceInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { mapProvince } from './org.mapper';
import { province } from './org.table';

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
