import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { IndicatorPatchInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { assertValidDef, cleanFields } from './indicator-fields';
import { communeIndicator, indicator, indicatorValue, target } from './indicators.table';
import { toIndicator } from './indicators.mapper';
import { indicatorMap } from './catalogue';

/** True when figures or targets already use the indicator (its way of counting can no longer change). */
async function inUse(tx: Tx, communeId: string, code: string): Promise<boolean> {
  const [value] = await tx
    .select({ code: indicatorValue.indicatorCode })
    .from(indicatorValue)
    .where(and(eq(indicatorValue.communeId, communeId), eq(indicatorValue.indicatorCode, code)))
    .limit(1);
  if (value) return true;
  const [aim] = await tx
    .select({ code: target.indicatorCode })
    .from(target)
    .where(and(eq(target.communeId, communeId), eq(target.indicatorCode, code)))
    .limit(1);
  return !!aim;
}

/**
 * Change one of the commune's own indicators; `active: false` deactivates it (indicators are never
 * deleted, old figures keep their meaning). National indicators are not edited here. Once figures or
 * targets exist, the measure and the aggregation stay as they are.
 */
export async function updateIndicator(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  code: string;
  input: IndicatorPatchInput;
  now?: Date;
}) {
  const { db, actor, communeId, code } = opts;
  assertVisible(actor, communeId);
  authorize(actor, 'indicator.manage', { communeId });
  const patch = cleanFields(opts.input);
  return inScope(db, actor.scope, async (tx) => {
    const [cur] = await tx
      .select()
      .from(communeIndicator)
      .where(and(eq(communeIndicator.communeId, communeId), eq(communeIndicator.code, code)));
    if (!cur) {
      const [national] = await tx.select({ code: indicator.code }).from(indicator).where(eq(indicator.code, code));
      if (national) throw new AppError('FORBIDDEN', `"${code}" là chỉ tiêu quốc gia, xã/phường không sửa được; hãy thêm chỉ tiêu riêng của xã.`);
      throw new AppError('NOT_FOUND', `Không tìm thấy chỉ tiêu "${code}".`);
    }
    const { createdAt: _c, updatedAt: _u, ...before } = cur;
    const next = { ...before, ...patch };
    if (next.aggregation !== 'ratio') Object.assign(next, { numeratorLabel: null, denominatorLabel: null });
    if (next.scoreBands && !next.scoreBands.length) next.scoreBands = null;
    assertValidDef(next);
    const changesCounting = next.aggregation !== before.aggregation || next.measure !== before.measure;
    if (changesCounting && (await inUse(tx, communeId, code))) {
      const field = next.aggregation !== before.aggregation ? 'aggregation' : 'measure';
      throw new AppError(
        'VALIDATION_FAILED',
        'Chỉ tiêu đã có số liệu hoặc mục tiêu: không đổi được đơn vị tính hay cách tổng hợp (hãy ngừng sử dụng và thêm chỉ tiêu mới).',
        [{ field, message: 'Không đổi được khi đã có số liệu.' }],
      );
    }
    const { communeId: _cid, code: _code, ...set } = next;
    const [row] = await tx
      .update(communeIndicator)
      .set({ ...set, updatedAt: opts.now ?? clockNow() })
      .where(and(eq(communeIndicator.communeId, communeId), eq(communeIndicator.code, code)))
      .returning();
    const { createdAt: _c2, updatedAt: _u2, ...after } = row!;
    const summary = patch.active === false && before.active ? `Ngừng sử dụng chỉ tiêu của xã: ${code}` : `Sửa chỉ tiêu của xã: ${code} - ${after.name}`;
    await writeAudit(tx, actor, opts.meta, { action: 'update', entityType: 'commune_indicator', entityId: code, communeId, summary, before, after });
    return toIndicator(actor, (await indicatorMap(tx, communeId)).get(code)!);
  });
}
