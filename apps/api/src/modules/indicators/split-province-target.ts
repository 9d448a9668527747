import { authorizeProvince } from '../../platform/authorize';
import { todayVn } from '@tds/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { provinceTargetSplitInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { isActiveOn } from '../org';
import { commune } from '../org';
import { provinceTarget } from './indicators.table';
import { communeTargetsOf, nationalMap } from './province-target-store';
import { referenceDay, splitTarget } from './split';
import { upsertTargets } from './target-store';

type Input = z.infer<typeof provinceTargetSplitInput>;
const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);

/** The communes that receive shares (active in the year, by name), with their weights. */
async function communesOf(tx: Tx, provinceId: string, input: Input): Promise<{ id: string; name: string; weight: number }[]> {
  const all = await tx
    .select({ id: commune.id, name: commune.name, activeFrom: commune.activeFrom, activeTo: commune.activeTo })
    .from(commune)
    .where(eq(commune.provinceId, provinceId))
    .orderBy(asc(commune.name), asc(commune.code));
  if (input.method === 'weights') {
    const weights = input.weights ?? {};
    const ids = Object.keys(weights);
    if (!ids.length) throw invalid('weights', 'Chia theo trọng số: hãy nhập trọng số cho từng xã/phường.');
    const missing = ids.find((id) => !all.some((c) => c.id === id));
    if (missing) throw invalid(`weights.${missing}`, 'Xã/phường trong bảng trọng số không thuộc tỉnh/thành phố này.');
    return all.filter((c) => c.id in weights).map((c) => ({ id: c.id, name: c.name, weight: weights[c.id]! }));
  }
  const day = referenceDay(input.year, todayVn());
  return all.filter((c) => isActiveOn(c, day)).map((c) => ({ id: c.id, name: c.name, weight: 1 }));
}

/**
 * Split a province target down to its communes (equally over the communes active in the year, or by
 * weights): each commune's own target (unit null, origin "split"). Counts are divided, percentages
 * copied. One audit entry per commune, so each commune sees who set its target.
 */
export async function splitProvinceTarget(opts: { db: Db; actor: Actor; meta: RequestMeta; provinceId: string; input: Input }) {
  const { db, actor, provinceId, input } = opts;
  authorizeProvince(actor, 'indicator.manage', provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const def = (await nationalMap(tx)).get(input.indicatorCode);
    if (!def) throw invalid('indicatorCode', `Không có chỉ tiêu quốc gia "${input.indicatorCode}".`);
    const [parent] = await tx
      .select()
      .from(provinceTarget)
      .where(and(eq(provinceTarget.provinceId, provinceId), eq(provinceTarget.indicatorCode, input.indicatorCode), eq(provinceTarget.year, input.year)));
    if (!parent) throw invalid('indicatorCode', `Tỉnh/thành phố chưa đặt mục tiêu cho chỉ tiêu "${input.indicatorCode}" năm ${input.year}.`);
    const kids = await communesOf(tx, provinceId, input);
    if (!kids.length) throw invalid('indicatorCode', 'Tỉnh/thành phố chưa có xã/phường đang hoạt động để chia mục tiêu.');
    const shares = splitTarget(
      def,
      parent.value,
      kids.map((k) => k.weight),
    );
    for (const [i, k] of kids.entries()) {
      await upsertTargets(tx, k.id, [{ unitId: null, indicatorCode: def.code, year: input.year, value: shares[i]! }], 'split', actor.userId);
      await writeAudit(tx, actor, opts.meta, {
        action: 'split',
        entityType: 'target',
        communeId: k.id,
        provinceId,
        summary: `Tỉnh giao mục tiêu ${def.code} năm ${input.year}: ${shares[i]} ${def.measure}`,
        after: { value: shares[i], method: input.method },
      });
    }
    return { items: await communeTargetsOf(tx, provinceId, { year: input.year, indicatorCode: def.code, communeIds: kids.map((k) => k.id) }) };
  });
}
