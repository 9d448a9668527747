import { assessmentWorkflow, type AssessmentTransition, type ErrorDetail } from '@tds/contracts';
import type { z } from 'zod';
import type { assessmentItemInput } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { runTransition } from '../../platform/workflow';
import { entryProblems, evidenceProblems } from './scoring.policy';
import { assertOpen, assertRubricVisible, inScoring } from './scoring-context';
import { loadAssessment, loadCriteria, loadRubric } from './scoring.store';
import { assessment, type StoredItem } from './scoring.table';
import { assessmentDetail, rubricUnit } from './assessment-detail';

type Items = Record<string, z.infer<typeof assessmentItemInput>>;

const summaries: Record<AssessmentTransition, string> = { save: 'Lưu bản tự chấm', submit: 'Gửi bản tự chấm', return: 'Trả lại bản tự chấm' };

/**
 * A unit's self-assessment: saved (with the claims and evidence) and submitted by the unit's own
 * roles while the rubric is open, or returned by the office with a comment.
 */
export async function stepAssessment(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  rubricId: string;
  unitId: string;
  transition: AssessmentTransition;
  version: number;
  items?: Items;
  comment?: string | null;
  now: Date;
}) {
  const { actor, communeId, now, transition } = opts;
  return inScoring({ ...opts, permission: transition === 'return' ? 'scoring.manage' : 'scoring.assess' }, async (tx) => {
    const row = await loadRubric(tx, communeId, opts.rubricId);
    assertRubricVisible(actor, row);
    const u = await rubricUnit(tx, row, opts.unitId);
    assertOpen(row);
    const criteria = await loadCriteria(tx, communeId, row.id);
    const result = await runTransition(tx, actor, opts.meta, {
      workflow: assessmentWorkflow,
      transition,
      now,
      version: opts.version,
      table: assessment,
      load: async () => ({ row: await loadAssessment(tx, communeId, row.id, u.id, { lock: true }), communeId, subject: { unitPath: u.path } }),
      staleMessage: (r, v) => `Bản tự chấm đã được thay đổi (phiên bản ${r.version}, bạn đang xem phiên bản ${v}). Hãy tải lại.`,
      check: async (cur) => {
        const items: Items = opts.items ?? (cur?.items as Items | undefined) ?? {};
        const problems: ErrorDetail[] = entryProblems(criteria, items, { field: 'items', complete: transition === 'submit' });
        problems.push(...(await evidenceProblems(tx, { communeId, rubricId: row.id, unitId: u.id }, criteria, items, { submit: transition === 'submit' })));
        if (transition === 'return' && !opts.comment) problems.push({ field: 'comment', message: 'Cần ghi lý do trả lại.' });
        return problems;
      },
      set: (cur) => ({
        ...(opts.items ? { items: opts.items as Record<string, StoredItem> } : {}),
        ...(transition === 'submit' ? { submittedAt: now.toISOString(), comment: null } : {}),
        ...(transition === 'return' ? { comment: opts.comment ?? null } : {}),
        ...(cur ? {} : { rubricId: row.id, unitId: u.id, communeId }),
        updatedBy: actor.userId,
        updatedAt: now,
      }),
      insert: async (values) =>
        (
          await tx
            .insert(assessment)
            .values(values as typeof assessment.$inferInsert)
            .returning()
        )[0] ?? null,
      audit: () => ({ summary: `${summaries[transition]}: ${u.name} — ${row.title}` }),
      notice: () => ({
        title: transition === 'return' ? 'Bản tự chấm bị trả lại' : 'Đơn vị đã gửi bản tự chấm',
        body: `${u.name} — ${row.title}${opts.comment ? `. Lý do: ${opts.comment}` : ''}`,
        link: `/scoring/${row.id}/units/${u.id}`,
      }),
    });
    return assessmentDetail(tx, actor, row, u, result.row);
  });
}
