import { and, eq, inArray } from 'drizzle-orm';
import type { ErrorDetail, TargetPutInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { communeTargetAbilities } from './indicators.policy';
import { inScope } from '../../platform/tenancy';
import { unit } from '../org';
import { indicatorMap } from './catalogue';
import { itemDetail, targetIssue, targetKey, throwItemErrors, upsertTargets } from './target-store';

/** Ids among `ids` that are units of the commune. */
async function unitsOf(tx: Tx, communeId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: unit.id })
    .from(unit)
    .where(and(eq(unit.communeId, communeId), inArray(unit.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Set several targets of a commune at once (its own: unitId null; or its units'), all or nothing:
 * every row is checked first (indicator of the commune, unit of the commune, value in range, no row
 * twice) and nothing is written when one is wrong.
 */
export async function putTargets(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: TargetPutInput }) {
  const { db, actor, communeId, input } = opts;
  assertVisible(actor, communeId);
  authorize(actor, 'indicator.manage', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const defs = await indicatorMap(tx, communeId);
    const units = await unitsOf(tx, communeId, [...new Set(input.items.flatMap((i) => (i.unitId ? [i.unitId] : [])))]);
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.items.forEach((item, i) => {
      if (item.unitId && !units.has(item.unitId)) details.push(itemDetail(i, 'unitId', 'Đơn vị không thuộc xã/phường này.'));
      const issue = targetIssue(defs.get(item.indicatorCode), item.indicatorCode, item.value);
      if (issue) details.push(itemDetail(i, issue.field, issue.message));
      if (seen.has(targetKey(item))) details.push(itemDetail(i, 'indicatorCode', 'Trùng với một dòng trước (cùng đơn vị, chỉ tiêu và năm).'));
      seen.add(targetKey(item));
    });
    throwItemErrors(details);
    const items = await upsertTargets(tx, communeId, input.items, 'manual', actor.userId);
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'target',
      communeId,
      summary: `Đặt ${items.length} mục tiêu chỉ tiêu`,
      after: { count: items.length, items: input.items.slice(0, 100) },
    });
    return { items, can: communeTargetAbilities(actor, communeId) };
  });
}
