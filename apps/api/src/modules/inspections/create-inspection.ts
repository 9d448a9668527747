import { formatDateVi, inspectionWorkflow, searchKey, type InspectionDetail, type InspectionInput, clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { RequestMeta } from '../../platform/actor';
import { lockOpKey } from '../../platform/op-key';
import { runTransition } from '../../platform/workflow';
import { checkPlanInput } from './inspection-input';
import { inInspections, type UseCase } from './inspection-context';
import { detailOf } from './get-inspection';
import { inspection, inspectionMember, inspectionUnit, type InspectionRow } from './inspections.table';

/**
 * Plan a visit (the commune office): its units, members and contents, in one transaction with its
 * audit entry. A retry by the same user with the same `opKey` plans nothing more and answers with the visit.
 */
export async function createInspection(opts: UseCase & { meta: RequestMeta; input: InspectionInput; now?: Date }): Promise<InspectionDetail> {
  const { actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  return inInspections({ ...opts, permission: 'inspection.manage' }, async (tx) => {
    const p = await checkPlanInput(tx, communeId, opts.input);
    const key = opts.input.opKey;
    if (key) {
      await lockOpKey(tx, communeId, key);
      const [done] = await tx
        .select({ id: inspection.id })
        .from(inspection)
        .where(and(eq(inspection.communeId, communeId), eq(inspection.opKey, key), eq(inspection.createdBy, actor.userId)));
      if (done) return detailOf(tx, actor, communeId, done.id);
    }
    const { row } = await runTransition(tx, actor, opts.meta, {
      workflow: inspectionWorkflow,
      transition: 'plan',
      now,
      table: inspection,
      load: async () => ({ row: null as InspectionRow | null, communeId, subject: {} }),
      set: () => ({
        communeId,
        title: p.title,
        searchKey: searchKey(p.title),
        visitDate: p.visitDate,
        visitTime: p.visitTime,
        year: p.year,
        planId: p.planId,
        checklist: p.checklist,
        note: p.note,
        opKey: key ?? null,
        createdBy: actor.userId,
        createdAt: now,
        updatedBy: actor.userId,
        updatedAt: now,
      }),
      insert: async (values) => {
        const [r] = await tx
          .insert(inspection)
          .values(values as typeof inspection.$inferInsert)
          .returning();
        await tx.insert(inspectionUnit).values(p.unitIds.map((unitId) => ({ communeId, inspectionId: r!.id, unitId })));
        await tx.insert(inspectionMember).values(p.members.map((m) => ({ communeId, inspectionId: r!.id, ...m })));
        return r ?? null;
      },
      audit: (_cur, r) => ({
        summary: `Lên kế hoạch kiểm tra "${r.title}" ngày ${formatDateVi(r.visitDate)} (${p.unitIds.length} đơn vị, ${p.members.length} thành viên)`,
        after: { status: r.status, version: r.version, visitDate: r.visitDate, unitIds: p.unitIds, memberIds: p.members.map((m) => m.userId) },
      }),
    });
    return detailOf(tx, actor, communeId, row.id, row);
  });
}
