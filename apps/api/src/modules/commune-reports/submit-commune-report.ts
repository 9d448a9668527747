import { clockNow } from '@tds/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { submitProblems } from './commune-report.policy';
import { takeCommuneReportStep } from './commune-report-step';
import { communeDueItem } from './commune-reports.table';
import { detailOf } from './commune-report-detail';

/**
 * Submit the commune's report to its province (a draft, or a returned one corrected). The first
 * submission decides whether it is late (after the due item's late_after instant); late is allowed
 * and marked. The province's officers are told.
 */
export async function submitCommuneReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number; now?: Date }) {
  const { db, actor, communeId } = opts;
  const now = opts.now ?? clockNow();
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    let late = false;
    const { row } = await takeCommuneReportStep(tx, actor, opts.meta, {
      now,
      communeId,
      id: opts.id,
      transition: 'submit',
      version: opts.version,
      check: (cur) => submitProblems(cur.content),
      set: async (cur) => {
        const [item] = await tx
          .select({ lateAfter: communeDueItem.lateAfter })
          .from(communeDueItem)
          .where(and(eq(communeDueItem.communeId, communeId), eq(communeDueItem.id, cur.dueItemId)));
        const first = cur.submittedAt === null;
        late = first ? now.getTime() >= new Date(item!.lateAfter).getTime() : cur.late;
        return { submittedAt: first ? now.toISOString() : cur.submittedAt, late };
      },
      summary: (cur, label) => `${cur.submittedAt === null ? 'Nộp' : 'Nộp lại'} báo cáo lên tỉnh${late ? ' (muộn hạn)' : ''}: ${label}`,
    });
    return detailOf(tx, actor, row, now);
  });
}
