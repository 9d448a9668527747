import { cleanText, clockNow, type InspectionCancelInput, type InspectionDetail } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel, takeInspectionStep } from './inspection-step';
import { detailOf } from './get-inspection';

/**
 * Call off a planned visit (the commune office) before any finding is recorded, saying why. It stays
 * on the list as cancelled, is no longer anyone's work, and cannot be cited as evidence.
 */
export async function cancelInspection(opts: UseCase & { meta: RequestMeta; id: string; input: InspectionCancelInput; now?: Date }): Promise<InspectionDetail> {
  const { actor, communeId, id } = opts;
  const reason = cleanText(opts.input.reason);
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const { row } = await takeInspectionStep(tx, actor, opts.meta, {
      communeId,
      id,
      transition: 'cancel',
      version: opts.input.version,
      now: opts.now ?? clockNow(),
      set: () => ({ cancelReason: reason }),
      summary: (_cur, r) => `Hủy đợt kiểm tra ${inspectionLabel(r)}: ${reason}`,
    });
    return detailOf(tx, actor, communeId, id, row);
  });
}
