import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { cleanText, searchKey } from '@tds/contracts';
import type { communeInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { mapCommune } from './org.mapper';
import { badRange } from './org.rules';
import { commune, province } from './org.table';

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
