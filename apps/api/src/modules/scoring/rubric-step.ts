import { rubricWorkflow, type ErrorDetail, type RubricTransition } from '@tds/contracts';
import type { Tx } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { runTransition, type TransitionResult } from '../../platform/workflow';
import { loadRubric } from './scoring.store';
import { rubric, type RubricRow } from './scoring.table';

const notices: Partial<Record<RubricTransition, (r: RubricRow) => { title: string; body: string }>> = {
  open: (r) => ({ title: 'Mở chấm điểm thi đua', body: `${r.title} (năm ${r.year}): các đơn vị tự chấm, Hội đồng chấm điểm.` }),
  publish: (r) => ({ title: 'Công bố kết quả chấm điểm thi đua', body: `${r.title} (năm ${r.year}).` }),
};

/** One transition of a rubric (declared in contracts' `rubricWorkflow`) in the caller's transaction. */
export async function takeRubricStep(
  tx: Tx,
  actor: Actor,
  meta: RequestMeta,
  step: {
    communeId: string;
    id: string;
    transition: RubricTransition;
    version: number;
    now: Date;
    check?: (cur: RubricRow) => Promise<ErrorDetail[]> | ErrorDetail[];
    set?: (cur: RubricRow) => Promise<Partial<typeof rubric.$inferInsert>> | Partial<typeof rubric.$inferInsert>;
    effects?: (row: RubricRow) => Promise<void>;
    summary: (cur: RubricRow) => string;
  },
): Promise<TransitionResult<RubricRow>> {
  return runTransition(tx, actor, meta, {
    workflow: rubricWorkflow,
    transition: step.transition,
    now: step.now,
    version: step.version,
    table: rubric,
    load: async () => ({ row: await loadRubric(tx, step.communeId, step.id, { lock: true }), communeId: step.communeId, subject: {} }),
    staleMessage: (row, v) => `Bảng tiêu chí đã được người khác thay đổi (phiên bản ${row.version}, bạn đang xem phiên bản ${v}). Hãy tải lại.`,
    check: step.check ? (cur) => step.check!(cur!) : undefined,
    set: async (cur) => ({ ...((await step.set?.(cur!)) ?? {}), updatedBy: actor.userId, updatedAt: step.now }),
    audit: (cur) => ({ summary: step.summary(cur!) }),
    effects: step.effects ? (_b, row) => step.effects!(row) : undefined,
    notice: (row) => ({ ...(notices[step.transition]?.(row) ?? { title: row.title, body: '' }), link: `/scoring/${row.id}` }),
  });
}
