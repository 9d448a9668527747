import { clockNow } from '@tds/contracts';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { InspectionDetail } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel, takeInspectionStep } from './inspection-step';
import { detailOf } from './get-inspection';
import { inspectionRecommendation } from './inspections.table';

/** Close a concluded visit (the commune office) once every recommendation of it is closed. */
export async function closeInspection(opts: UseCase & { meta: RequestMeta; id: string; version: number; now?: Date }): Promise<InspectionDetail> {
  const { actor, communeId, id } = opts;
  const now = opts.now ?? clockNow();
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const { row } = await takeInspectionStep(tx, actor, opts.meta, {
      communeId,
      id,
      transition: 'close',
      version: opts.version,
      now,
      check: async () => {
        const [{ n } = { n: 0 }] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(inspectionRecommendation)
          .where(
            and(
              eq(inspectionRecommendation.communeId, communeId),
              eq(inspectionRecommendation.inspectionId, id),
              ne(inspectionRecommendation.status, 'closed'),
            ),
          );
        return Number(n) > 0 ? [{ field: 'status', message: `Còn ${Number(n)} kiến nghị chưa đóng: chỉ đóng đợt kiểm tra khi mọi kiến nghị đã đóng.` }] : [];
      },
      refuse: (p) => new AppError('INVALID_TRANSITION', p[0]!.message, p),
      set: () => ({ closedAt: now }),
      summary: (_cur, r) => `Đóng đợt kiểm tra ${inspectionLabel(r)}`,
    });
    return detailOf(tx, actor, communeId, id, row);
  });
}
