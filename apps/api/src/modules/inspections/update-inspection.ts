import { and, eq, notInArray } from 'drizzle-orm';
import { searchKey, type ErrorDetail, type InspectionDetail, type InspectionUpdateInput, clockNow } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { checkPlanInput } from './inspection-input';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel, takeInspectionStep } from './inspection-step';
import { detailOf } from './get-inspection';
import { inspectionFinding, inspectionMember, inspectionUnit } from './inspections.table';

/**
 * Edit a visit plan while it is not concluded (the commune office): when, units, members, contents.
 * A unit that already has findings stays on it.
 */
export async function updateInspection(opts: UseCase & { meta: RequestMeta; id: string; input: InspectionUpdateInput; now?: Date }): Promise<InspectionDetail> {
  const { actor, communeId, id } = opts;
  const now = opts.now ?? clockNow();
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const p = await checkPlanInput(tx, communeId, opts.input);
    const { row } = await takeInspectionStep(tx, actor, opts.meta, {
      communeId,
      id,
      transition: 'edit',
      version: opts.input.version,
      now,
      check: async () => {
        const kept = await tx
          .selectDistinct({ unitId: inspectionFinding.unitId })
          .from(inspectionFinding)
          .where(and(eq(inspectionFinding.communeId, communeId), eq(inspectionFinding.inspectionId, id), notInArray(inspectionFinding.unitId, p.unitIds)));
        return kept.map((): ErrorDetail => ({ field: 'unitIds', message: 'Đơn vị được kiểm tra: không bỏ được đơn vị đã có kết quả kiểm tra ghi nhận.' }));
      },
      set: () => ({
        title: p.title,
        searchKey: searchKey(p.title),
        visitDate: p.visitDate,
        visitTime: p.visitTime,
        year: p.year,
        planId: p.planId,
        checklist: p.checklist,
        note: p.note,
      }),
      summary: (_cur, r) => `Sửa kế hoạch kiểm tra ${inspectionLabel(r)}`,
      after: () => ({ unitIds: p.unitIds, memberIds: p.members.map((m) => m.userId) }),
      effects: async () => {
        await tx
          .delete(inspectionUnit)
          .where(and(eq(inspectionUnit.communeId, communeId), eq(inspectionUnit.inspectionId, id), notInArray(inspectionUnit.unitId, p.unitIds)));
        await tx
          .insert(inspectionUnit)
          .values(p.unitIds.map((unitId) => ({ communeId, inspectionId: id, unitId })))
          .onConflictDoNothing();
        await tx.delete(inspectionMember).where(and(eq(inspectionMember.communeId, communeId), eq(inspectionMember.inspectionId, id)));
        await tx.insert(inspectionMember).values(p.members.map((m) => ({ communeId, inspectionId: id, ...m })));
      },
    });
    return detailOf(tx, actor, communeId, id, row);
  });
}
