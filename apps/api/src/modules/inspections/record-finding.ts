import { and, eq } from 'drizzle-orm';
import { cleanText, formatDateVi, type ErrorDetail, type InspectionDetail, type InspectionFindingInput, clockNow } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { AppError } from '../../platform/errors';
import { checkEvidence } from './inspection-input';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionLabel, takeInspectionStep } from './inspection-step';
import { detailOf } from './get-inspection';
import { assertRecorder } from './inspections.policy';
import { membersOf, unitsOf } from './inspections.store';
import { inspectionFinding, inspectionRecommendation } from './inspections.table';

/**
 * Record a finding of the visit at one of its units, with its evidence and the recommendations made
 * to that unit (a member on the visit, or the commune office). The first finding marks the visit as
 * held. A retry with the same `opKey` records nothing more.
 */
export async function recordFinding(opts: UseCase & { meta: RequestMeta; id: string; input: InspectionFindingInput; now?: Date }): Promise<InspectionDetail> {
  const { actor, communeId, id, input } = opts;
  const now = opts.now ?? clockNow();
  return inInspections({ ...opts, permission: 'inspection.record' }, async (tx) => {
    if (input.opKey) {
      const [done] = await tx
        .select({ id: inspectionFinding.id })
        .from(inspectionFinding)
        .where(and(eq(inspectionFinding.communeId, communeId), eq(inspectionFinding.inspectionId, id), eq(inspectionFinding.opKey, input.opKey)));
      if (done) return detailOf(tx, actor, communeId, id);
    }
    const units = (await unitsOf(tx, communeId, [id])).get(id) ?? [];
    let unitId = input.unitId ?? null;
    let evidence: Awaited<ReturnType<typeof checkEvidence>> | null = null;
    const recs = (input.recommendations ?? []).map((r) => ({ text: cleanText(r.text), dueOn: r.dueOn }));
    const { row } = await takeInspectionStep(tx, actor, opts.meta, {
      communeId,
      id,
      transition: 'record',
      now,
      check: async (cur) => {
        assertRecorder(
          actor,
          communeId,
          (await membersOf(tx, communeId, id)).map((m) => m.userId),
        );
        const problems: ErrorDetail[] = [];
        if (!unitId && units.length === 1) unitId = units[0]!.id;
        if (!unitId) problems.push({ field: 'unitId', message: 'Chọn đơn vị của kết quả kiểm tra.' });
        else if (!units.some((u) => u.id === unitId)) problems.push({ field: 'unitId', message: 'Đơn vị không thuộc đợt kiểm tra này.' });
        recs.forEach((r, i) => {
          if (r.dueOn < cur.visitDate)
            problems.push({
              field: `recommendations.${i}.dueOn`,
              message: `Kiến nghị thứ ${i + 1}: hạn thực hiện phải từ ngày kiểm tra (${formatDateVi(cur.visitDate)}) trở đi.`,
            });
        });
        if (!problems.length) evidence = await checkEvidence(tx, communeId, id, input.evidence, 'evidence');
        return problems;
      },
      set: () => ({}),
      summary: (_cur, r) => {
        const unitName = units.find((u) => u.id === unitId)?.name ?? '';
        return `Ghi kết quả kiểm tra tại ${unitName} (${inspectionLabel(r)}): ${recs.length} kiến nghị`;
      },
      after: () => ({ unitId, recommendations: recs.length }),
      effects: async () => {
        const e = evidence!;
        const [f] = await tx
          .insert(inspectionFinding)
          .values({
            communeId,
            inspectionId: id,
            unitId: unitId!,
            text: cleanText(input.text),
            evidenceNumber: e.number,
            evidenceDate: e.date,
            evidenceSummary: e.summary,
            evidenceFileId: e.fileId,
            opKey: input.opKey ?? null,
            recordedBy: actor.userId,
            recordedByName: actor.fullName,
            createdAt: now,
          })
          .returning({ id: inspectionFinding.id });
        if (recs.length)
          await tx.insert(inspectionRecommendation).values(
            recs.map((r, i) => ({
              communeId,
              inspectionId: id,
              findingId: f!.id,
              unitId: unitId!,
              ord: i + 1,
              text: r.text,
              dueOn: r.dueOn,
              createdAt: now,
              updatedAt: now,
            })),
          );
      },
    });
    if (!row) throw new AppError('NOT_FOUND');
    return detailOf(tx, actor, communeId, id, row);
  });
}
