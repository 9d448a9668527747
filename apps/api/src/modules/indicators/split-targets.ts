import { todayVn } from '@tds/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { TargetSplitInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { communeTargetAbilities } from './indicators.policy';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { isActiveOn } from '../org';
import { unit } from '../org';
import { indicatorMap } from './catalogue';
import { target } from './indicators.table';
import { referenceDay, splitTarget } from './split';
import { upsertTargets } from './target-store';

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);

/** The units that receive shares, in sort order, with their weights. */
async function children(tx: Tx, communeId: string, input: TargetSplitInput): Promise<{ id: string; weight: number }[]> {
  const byName = [asc(unit.sortKey), asc(unit.code)];
  if (input.method === 'weights') {
    const weights = input.weights ?? {};
    const ids = Object.keys(weights);
    if (!ids.length) throw invalid('weights', 'Chia theo trọng số: hãy nhập trọng số cho từng đơn vị.');
    const rows = await tx
      .select({ id: unit.id })
      .from(unit)
      .where(and(eq(unit.communeId, communeId), inArray(unit.id, ids)))
      .orderBy(...byName);
    const missing = ids.find((id) => !rows.some((r) => r.id === id));
    if (missing) throw invalid(`weights.${missing}`, 'Đơn vị trong bảng trọng số không thuộc xã/phường này.');
    return rows.map((r) => ({ id: r.id, weight: weights[r.id]! }));
  }
  if (input.unitIds) {
    const rows = await tx
      .select({ id: unit.id })
      .from(unit)
      .where(and(eq(unit.communeId, communeId), inArray(unit.id, input.unitIds)))
      .orderBy(...byName);
    const missing = input.unitIds.findIndex((id) => !rows.some((r) => r.id === id));
    if (missing >= 0) throw invalid(`unitIds.${missing}`, 'Đơn vị không thuộc xã/phường này.');
    return rows.map((r) => ({ id: r.id, weight: 1 }));
  }
  const day = referenceDay(input.year, todayVn());
  const villages = await tx
    .select({ id: unit.id, activeFrom: unit.activeFrom, activeTo: unit.activeTo })
    .from(unit)
    .where(and(eq(unit.communeId, communeId), eq(unit.kind, 'village')))
    .orderBy(...byName);
  return villages.filter((v) => isActiveOn(v, day)).map((v) => ({ id: v.id, weight: 1 }));
}

/**
 * Split the commune's target for an indicator and year down to its units: by default equally over the
 * villages active in that year, or over chosen units, or by weights. Counts are divided, percentages
 * copied. Returns the unit targets written (origin "split").
 */
export async function splitTargets(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: TargetSplitInput }) {
  const { db, actor, communeId, input } = opts;
  assertVisible(actor, communeId);
  authorize(actor, 'indicator.manage', { communeId });
  return inScope(db, actor.scope, async (tx) => {
    const def = (await indicatorMap(tx, communeId)).get(input.indicatorCode);
    if (!def) throw invalid('indicatorCode', `Không có chỉ tiêu "${input.indicatorCode}" trong danh mục của xã/phường.`);
    const [parent] = await tx
      .select()
      .from(target)
      .where(and(eq(target.communeId, communeId), isNull(target.unitId), eq(target.indicatorCode, input.indicatorCode), eq(target.year, input.year)));
    if (!parent)
      throw invalid(
        'indicatorCode',
        `Xã/phường chưa đặt mục tiêu cho chỉ tiêu "${input.indicatorCode}" năm ${input.year}; hãy đặt mục tiêu của xã trước khi chia.`,
      );
    const kids = await children(tx, communeId, input);
    if (!kids.length) throw invalid('unitIds', 'Xã/phường chưa có thôn, tổ dân phố đang hoạt động để chia mục tiêu; hãy chọn đơn vị nhận mục tiêu.');
    const shares = splitTarget(
      def,
      parent.value,
      kids.map((k) => k.weight),
    );
    const items = await upsertTargets(
      tx,
      communeId,
      kids.map((k, i) => ({ unitId: k.id, indicatorCode: def.code, year: input.year, value: shares[i]! })),
      'split',
      actor.userId,
    );
    await writeAudit(tx, actor, opts.meta, {
      action: 'split',
      entityType: 'target',
      entityId: parent.id,
      communeId,
      summary: `Chia mục tiêu ${def.code} năm ${input.year} (${parent.value} ${def.measure}) cho ${items.length} đơn vị`,
      after: { method: input.method, shares: items.map((t) => ({ unitId: t.unitId, value: t.value })) },
    });
    return { items, can: communeTargetAbilities(actor, communeId) };
  });
}
