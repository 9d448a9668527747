import { cleanText, formatDateVi, inspectionRatingLabelsVi, todayVn, type InspectionConcludeInput, type InspectionDetail, clockNow } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel, takeInspectionStep } from './inspection-step';
import { detailOf } from './get-inspection';

/** Conclude a visit (the commune office): its result and rating, once the visit day has come. */
export async function concludeInspection(
  opts: UseCase & { meta: RequestMeta; id: string; input: InspectionConcludeInput; now?: Date },
): Promise<InspectionDetail> {
  const { actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const { row } = await takeInspectionStep(tx, actor, opts.meta, {
      communeId,
      id,
      transition: 'conclude',
      version: input.version,
      now,
      check: (cur) =>
        cur.visitDate > todayVn(now) ? [{ field: 'visitDate', message: `Chưa đến ngày kiểm tra (${formatDateVi(cur.visitDate)}): chưa kết luận được.` }] : [],
      set: () => ({ conclusion: cleanText(input.conclusion), rating: input.rating, concludedAt: now }),
      summary: (_cur, r) => `Kết luận kiểm tra ${inspectionLabel(r)}: xếp loại ${inspectionRatingLabelsVi[input.rating]}`,
      after: () => ({ rating: input.rating }),
    });
    return detailOf(tx, actor, communeId, id, row);
  });
}
