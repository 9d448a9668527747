import { cleanText, type InspectionAnswerInput, type InspectionDetail, clockNow } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { checkEvidence } from './inspection-input';
import { inInspections, type UseCase } from './inspection-context';
import { takeRecommendationStep } from './inspection-step';
import { detailOf } from './get-inspection';

/** A unit answers a recommendation made to it (its own roles only), with optional evidence. */
export async function answerRecommendation(
  opts: UseCase & { meta: RequestMeta; id: string; recId: string; input: InspectionAnswerInput; now?: Date },
): Promise<InspectionDetail> {
  const { actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  return inInspections({ ...opts, permission: 'inspection.answer' }, async (tx) => {
    let e: Awaited<ReturnType<typeof checkEvidence>> | null = null;
    await takeRecommendationStep(tx, actor, opts.meta, {
      communeId,
      inspectionId: id,
      id: opts.recId,
      transition: 'answer',
      version: input.version,
      now,
      check: async () => {
        e = await checkEvidence(tx, communeId, id, input.evidence, 'evidence');
        return [];
      },
      set: () => ({
        answerText: cleanText(input.text),
        answerNumber: e!.number,
        answerDate: e!.date,
        answerSummary: e!.summary,
        answerFileId: e!.fileId,
        answeredBy: actor.userId,
        answeredByName: actor.fullName,
        answeredAt: now,
      }),
      summary: (cur, unitName) => `${unitName} trả lời kiến nghị "${cur.text.slice(0, 80)}"`,
    });
    return detailOf(tx, actor, communeId, id);
  });
}
