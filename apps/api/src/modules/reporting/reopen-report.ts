import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { withdrawReportValues } from './report-indicators';
import { mapDetail } from './report-mapper';
import { assertVersion, authorizeReview, commitReport, loadReport, reportLabel } from './report-store';

/**
 * Reopen an accepted report (an audited act, with its reason): it goes back to its unit as
 * returned, and its figures stop counting until it is accepted again.
 */
export async function reopenReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number; reason: string }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadReport(tx, communeId, opts.id, { lock: true });
    authorizeReview(actor, communeId);
    assertVersion(cur, opts.version);
    if (cur.status !== 'accepted') throw new AppError('INVALID_TRANSITION', 'Chỉ mở lại được báo cáo đã tiếp nhận.');
    const reason = opts.reason.normalize('NFC').trim();
    const row = await commitReport(tx, actor, opts.meta, cur, {
      action: 'reopen', comment: reason, set: { status: 'returned', reviewedAt: new Date().toISOString(), reviewedBy: actor.userId, reviewComment: reason },
      summary: `Mở lại báo cáo đã tiếp nhận: ${await reportLabel(tx, cur)}. Lý do: ${reason}`,
    });
    await withdrawReportValues(tx, row);
    return mapDetail(tx, actor, row);
  });
}
