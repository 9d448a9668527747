import { clockNow } from '@tds/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ErrorDetail, provinceTargetPutInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { toProvinceTarget } from './indicators.mapper';
import { provinceTarget } from './indicators.table';
import { nationalMap } from './province-target-store';
import { itemDetail, targetIssue, targetKey, throwItemErrors } from './target-store';

/** Set several province targets (national indicators only), all or nothing. */
export async function putProvinceTargets(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  provinceId: string;
  input: z.infer<typeof provinceTargetPutInput>;
  now?: Date;
}) {
  const { db, actor, provinceId, input } = opts;
  authorizeProvince(actor, 'indicator.manage', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const defs = await nationalMap(tx);
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      const issue = targetIssue(defs.get(item.indicatorCode), item.indicatorCode, item.value);
      if (issue)
        details.push(itemDetail(i, issue.field, issue.field === 'indicatorCode' ? `Không có chỉ tiêu quốc gia "${item.indicatorCode}".` : issue.message));
      if (seen.has(targetKey(item))) details.push(itemDetail(i, 'indicatorCode', 'Trùng với một dòng trước (cùng chỉ tiêu và năm).'));
      seen.add(targetKey(item));
    });
    throwItemErrors(details);
    const now = opts.now ?? clockNow();
    const rows = await tx
      .insert(provinceTarget)
      .values(input.items.map((i) => ({ provinceId, indicatorCode: i.indicatorCode, year: i.year, value: i.value, updatedBy: actor.userId, updatedAt: now })))
      .onConflictDoUpdate({
        target: [provinceTarget.provinceId, provinceTarget.indicatorCode, provinceTarget.year],
        set: { value: sql.raw('excluded.value'), updatedBy: actor.userId, updatedAt: now },
      })
      .returning();
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'province_target',
      entityId: provinceId,
      provinceId,
      summary: `Đặt ${rows.length} mục tiêu chỉ tiêu của tỉnh`,
      after: { count: rows.length, items: input.items.slice(0, 100) },
    });
    return { items: rows.map(toProvinceTarget) };
  });
}
