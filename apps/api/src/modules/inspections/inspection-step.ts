import { and, eq } from 'drizzle-orm';
import {
  formatDateVi,
  inspectionRecommendationWorkflow,
  inspectionWorkflow,
  type ErrorDetail,
  type InspectionRecommendationTransition,
  type InspectionTransition,
} from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import type { AppError } from '../../platform/errors';
import { runTransition, type TransitionResult } from '../../platform/workflow';
import { loadInspection, loadRecommendation } from './inspections.store';
import { inspection, inspectionRecommendation, type InspectionRow, type RecommendationRow } from './inspections.table';

const stale = (label: string) => (_row: { version: number }, _v: number) => `${label} đã được người khác thay đổi. Vui lòng tải lại trước khi thực hiện tiếp.`;

/** An inspection's label in audit lines and notices: "Kiểm tra ... (dd/MM/yyyy)". */
export const inspectionLabel = (r: Pick<InspectionRow, 'title' | 'visitDate'>) => `${r.title} (${formatDateVi(r.visitDate)})`;

/** One transition of an inspection (declared in contracts' `inspectionWorkflow`) in the caller's transaction. */
export async function takeInspectionStep(
  tx: Tx,
  actor: Actor,
  meta: RequestMeta,
  step: {
    communeId: string;
    id: string;
    transition: InspectionTransition;
    version?: number;
    now: Date;
    check?: (cur: InspectionRow) => Promise<ErrorDetail[]> | ErrorDetail[];
    refuse?: (problems: ErrorDetail[]) => AppError;
    set: (cur: InspectionRow) => Promise<Partial<typeof inspection.$inferInsert>> | Partial<typeof inspection.$inferInsert>;
    summary: (cur: InspectionRow, row: InspectionRow) => string;
    after?: (cur: InspectionRow, row: InspectionRow) => unknown;
    effects?: (row: InspectionRow) => Promise<void>;
  },
): Promise<TransitionResult<InspectionRow>> {
  return runTransition(tx, actor, meta, {
    workflow: inspectionWorkflow,
    transition: step.transition,
    now: step.now,
    version: step.version,
    table: inspection,
    load: async () => ({ row: await loadInspection(tx, step.communeId, step.id, { lock: true }), communeId: step.communeId, subject: {} }),
    staleMessage: stale('Đợt kiểm tra'),
    check: step.check ? (cur) => step.check!(cur!) : undefined,
    refuse: step.refuse,
    set: async (cur) => ({ ...(await step.set(cur!)), updatedBy: actor.userId, updatedAt: step.now }),
    audit: (cur, row) => ({
      summary: step.summary(cur!, row),
      ...(step.after ? { after: { status: row.status, version: row.version, ...(step.after(cur!, row) as object) } } : {}),
    }),
    effects: step.effects ? (_cur, row) => step.effects!(row) : undefined,
  });
}

const recNotices: Record<InspectionRecommendationTransition, (label: string) => { title: string; body: string }> = {
  answer: (l) => ({ title: 'Đơn vị đã trả lời kiến nghị', body: `${l}: chờ Văn phòng xã xem xét.` }),
  close: (l) => ({ title: 'Kiến nghị đã đóng', body: `${l}.` }),
  return: (l) => ({ title: 'Kiến nghị bị trả lại', body: `${l}: cần trả lời lại.` }),
};

/** One transition of a recommendation (contracts' `inspectionRecommendationWorkflow`) in the caller's transaction. */
export async function takeRecommendationStep(
  tx: Tx,
  actor: Actor,
  meta: RequestMeta,
  step: {
    communeId: string;
    inspectionId: string;
    id: string;
    transition: InspectionRecommendationTransition;
    version: number;
    now: Date;
    check?: (cur: RecommendationRow) => Promise<ErrorDetail[]> | ErrorDetail[];
    set: (cur: RecommendationRow) => Partial<typeof inspectionRecommendation.$inferInsert>;
    summary: (cur: RecommendationRow, unitName: string) => string;
  },
): Promise<TransitionResult<RecommendationRow>> {
  let unitName = '';
  return runTransition(tx, actor, meta, {
    workflow: inspectionRecommendationWorkflow,
    transition: step.transition,
    now: step.now,
    version: step.version,
    table: inspectionRecommendation,
    load: async () => {
      const found = await loadRecommendation(tx, step.communeId, step.inspectionId, step.id, { lock: true });
      unitName = found.unitName;
      return { row: found.r, communeId: step.communeId, subject: { unitPath: found.unitPath } };
    },
    staleMessage: stale('Kiến nghị'),
    check: step.check ? (cur) => step.check!(cur!) : undefined,
    set: (cur) => ({ ...step.set(cur!), updatedAt: step.now }),
    audit: (cur) => ({ summary: step.summary(cur!, unitName) }),
    notice: async (row) => {
      const [i] = await tx
        .select({ title: inspection.title, visitDate: inspection.visitDate })
        .from(inspection)
        .where(and(eq(inspection.communeId, row.communeId), eq(inspection.id, row.inspectionId)));
      const label = `Kiến nghị "${row.text.slice(0, 80)}" – ${unitName}${i ? ` – ${inspectionLabel(i)}` : ''}`;
      return { ...recNotices[step.transition](label), link: `/inspections/${row.communeId}/${row.inspectionId}` };
    },
  });
}
