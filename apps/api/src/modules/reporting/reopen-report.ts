import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { withdrawReportValues } from './report-indicators';
import { mapDetail } from './report-mapper';
import { takeReportStep } from './report-step';

/**
 * Reopen an accepted report (an audited act, with its reason): it goes back to its unit as
 * returned, and its figures stop counting until it is accepted again.
 */
export async function reopenReport(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  version: number;
  reason: string;
  now?: Date;
}) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  const reason = opts.reason.normalize('NFC').trim();
  return inScope(db, actor.scope, async (tx) => {
    const { row } = await takeReportStep(tx, actor, opts.meta, {
      now: opts.now ?? clockNow(),
      communeId,
      id: opts.id,
      transition: 'reopen',
      version: opts.version,
      comment: reason,
      check: () => (reason ? [] : [{ field: 'reason', message: 'Cần ghi lý do mở lại.' }]),
      set: () => ({ reviewedAt: (opts.now ?? clockNow()).toISOString(), reviewedBy: actor.userId, reviewComment: reason }),
      summary: (_cur, _row, label) => `Mở lại báo cáo đã tiếp nhận: ${label}. Lý do: ${reason}`,
      effects: (r) => withdrawReportValues(tx, r),
    });
    return mapDetail(tx, actor, row);
  });
}
