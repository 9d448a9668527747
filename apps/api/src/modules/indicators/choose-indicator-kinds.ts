import { and, eq } from 'drizzle-orm';
import { unitKindLabelsVi, unitKinds, type IndicatorKindsInput, clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible, authorize } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { indicatorMap } from './catalogue';
import { indicatorUnitKinds } from './indicators.table';
import { toIndicator } from './indicators.mapper';

const names = (kinds: readonly string[] | null) =>
  kinds ? kinds.map((k) => unitKindLabelsVi[k as keyof typeof unitKindLabelsVi] ?? k).join(', ') : 'mọi loại đơn vị';

/**
 * The commune chooses which unit kinds report an indicator (national or its own): their report forms
 * ask for it, the others' do not. `null` goes back to the national default. Setting the same choice
 * again writes nothing.
 */
export async function chooseIndicatorKinds(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  code: string;
  input: IndicatorKindsInput;
  now?: Date;
}) {
  const { db, actor, communeId, code } = opts;
  assertVisible(actor, communeId);
  authorize(actor, 'indicator.manage', { communeId });
  const now = opts.now ?? clockNow();
  // In the catalogue's order, without repeats.
  const wanted = opts.input.unitKinds ? unitKinds.filter((k) => opts.input.unitKinds!.includes(k)) : null;
  return inScope(db, actor.scope, async (tx) => {
    const before = (await indicatorMap(tx, communeId)).get(code);
    if (!before) throw new AppError('NOT_FOUND', `Không tìm thấy chỉ tiêu "${code}".`);
    if (before.source !== 'report') {
      throw new AppError('VALIDATION_FAILED', `Chỉ tiêu "${before.name}" được tính tự động, không do đơn vị báo cáo.`, [
        { field: 'unitKinds', message: 'Chỉ tiêu tính tự động không chọn loại đơn vị báo cáo.' },
      ]);
    }
    const same = wanted === null ? !before.unitKindsChosen : before.unitKindsChosen && before.unitKinds?.join() === wanted.join();
    if (same) return toIndicator(actor, before, communeId);
    const where = and(eq(indicatorUnitKinds.communeId, communeId), eq(indicatorUnitKinds.indicatorCode, code));
    if (wanted === null) await tx.delete(indicatorUnitKinds).where(where);
    else
      await tx
        .insert(indicatorUnitKinds)
        .values({ communeId, indicatorCode: code, unitKinds: wanted, updatedBy: actor.userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [indicatorUnitKinds.communeId, indicatorUnitKinds.indicatorCode],
          set: { unitKinds: wanted, updatedBy: actor.userId, updatedAt: now },
        });
    const after = (await indicatorMap(tx, communeId)).get(code)!;
    await writeAudit(tx, actor, opts.meta, {
      action: 'update',
      entityType: 'indicator_unit_kinds',
      entityId: code,
      communeId,
      summary: `Đơn vị báo cáo chỉ tiêu "${before.name}": ${names(after.unitKinds)}${wanted === null ? ' (mặc định)' : ''}`,
      before: { unitKinds: before.unitKinds, chosen: before.unitKindsChosen },
      after: { unitKinds: after.unitKinds, chosen: after.unitKindsChosen },
    });
    return toIndicator(actor, after, communeId);
  });
}
