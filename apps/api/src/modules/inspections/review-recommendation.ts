import { cleanText, type InspectionDetail, clockNow } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { inInspections, type UseCase } from './inspection-context';
import { takeRecommendationStep } from './inspection-step';
import { detailOf } from './get-inspection';

/**
 * The commune office follows up an answered recommendation: closes it, or returns it to the unit
 * with a comment (the unit answers again).
 */
export async function reviewRecommendation(
  opts: UseCase & { meta: RequestMeta; id: string; recId: string; version: number; decision: 'close' | 'return'; comment?: string; now?: Date },
): Promise<InspectionDetail> {
  const { actor, communeId, id } = opts;
  const now = opts.now ?? clockNow();
  const comment = opts.comment ? cleanText(opts.comment) : null;
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    await takeRecommendationStep(tx, actor, opts.meta, {
      communeId,
      inspectionId: id,
      id: opts.recId,
      transition: opts.decision,
      version: opts.version,
      now,
      set: () =>
        opts.decision === 'close'
          ? { closedAt: now, reviewedBy: actor.userId, reviewedAt: now }
          : { reviewComment: comment, reviewedBy: actor.userId, reviewedAt: now },
      summary: (cur, unitName) =>
        opts.decision === 'close'
          ? `Đóng kiến nghị "${cur.text.slice(0, 80)}" của ${unitName}`
          : `Trả lại ${unitName} kiến nghị "${cur.text.slice(0, 80)}": ${comment ?? ''}`,
    });
    return detailOf(tx, actor, communeId, id);
  });
}
