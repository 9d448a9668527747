import { and, eq } from 'drizzle-orm';
import type { IndicatorCreateInput } from '@tds/contracts';
import type { Db, Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { assertValidDef, cleanFields } from './indicator-fields';
import { communeIndicator, indicator } from './indicators.table';
import { toIndicator } from './indicators.mapper';

const duplicate = (code: string, national: boolean) =>
  new AppError(
    'DUPLICATE_CODE',
    national ? `Mã "${code}" là mã của chỉ tiêu quốc gia; hãy chọn mã khác.` : `Mã "${code}" đã có trong danh mục chỉ tiêu của xã/phường.`,
    [{ field: 'code', message: `Mã "${code}" đã tồn tại.` }],
  );

/** Refuse a code already used by the national catalogue or by the commune's own indicators. */
async function assertFreeCode(tx: Tx, communeId: string, code: string) {
  const [national] = await tx.select({ code: indicator.code }).from(indicator).where(eq(indicator.code, code));
  if (national) throw duplicate(code, true);
  const [own] = await tx
    .select({ code: communeIndicator.code })
    .from(communeIndicator)
    .where(and(eq(communeIndicator.communeId, communeId), eq(communeIndicator.code, code)));
  if (own) throw duplicate(code, false);
}

/** Add one of the commune's own indicators beside the national catalogue. */
export async function createIndicator(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; input: IndicatorCreateInput }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  authorize(actor, 'indicator.manage', { communeId });
  const input = cleanFields(opts.input);
  assertValidDef(input);
  return inScope(db, actor.scope, async (tx) => {
    await assertFreeCode(tx, communeId, input.code);
    const [row] = await tx
      .insert(communeIndicator)
      .values({
        communeId,
        code: input.code,
        pillar: input.pillar,
        name: input.name,
        measure: input.measure,
        direction: input.direction,
        aggregation: input.aggregation,
        numeratorLabel: input.aggregation === 'ratio' ? (input.numeratorLabel ?? null) : null,
        denominatorLabel: input.aggregation === 'ratio' ? (input.denominatorLabel ?? null) : null,
        minValue: input.minValue ?? null,
        maxValue: input.maxValue ?? null,
        integer: input.integer ?? false,
        scoreBands: input.scoreBands?.length ? input.scoreBands : null,
        evidence: input.evidence ?? null,
        verifier: input.verifier ?? null,
        sortOrder: input.sortOrder ?? 1000,
      })
      .returning();
    const { createdAt: _c, updatedAt: _u, ...def } = row!;
    await writeAudit(tx, actor, opts.meta, {
      action: 'create',
      entityType: 'commune_indicator',
      entityId: def.code,
      communeId,
      summary: `Thêm chỉ tiêu của xã: ${def.code} - ${def.name}`,
      after: def,
    });
    return toIndicator(actor, { ...def, unitKinds: null, unitKindsChosen: false });
  });
}
