import { clockNow } from '@tds/contracts';
import type { InspectionDetail } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel, takeInspectionStep } from './inspection-step';
import { detailOf } from './get-inspection';

/** Reopen a concluded visit (the commune office) to record more or correct the conclusion; the earlier conclusion stays until replaced. */
export async function reopenInspection(opts: UseCase & { meta: RequestMeta; id: string; version: number; now?: Date }): Promise<InspectionDetail> {
  const { actor, communeId, id } = opts;
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const { row } = await takeInspectionStep(tx, actor, opts.meta, {
      communeId,
      id,
      transition: 'reopen',
      version: opts.version,
      now: opts.now ?? clockNow(),
      set: () => ({}),
      summary: (_cur, r) => `Mở lại đợt kiểm tra ${inspectionLabel(r)}`,
    });
    return detailOf(tx, actor, communeId, id, row);
  });
}
