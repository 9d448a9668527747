import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapDetail } from './report-mapper';
import { assertStatus, assertVersion, authorizeReview, commitReport, loadReport, reportLabel } from './report-store';

/** Return a submitted report to its unit with the reviewer's comments; the unit corrects and resubmits. */
export async function returnReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number; comment: string }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadReport(tx, communeId, opts.id, { lock: true });
    authorizeReview(actor, communeId);
    assertVersion(cur, opts.version);
    assertStatus(cur, 'submitted', 'Chỉ trả lại được báo cáo đã nộp và đang chờ xem xét.');
    const comment = opts.comment.normalize('NFC').trim();
    const row = await commitReport(tx, actor, opts.meta, cur, {
      action: 'return', comment, set: { status: 'returned', reviewedAt: new Date().toISOString(), reviewedBy: actor.userId, reviewComment: comment },
      summary: `Trả lại báo cáo: ${await reportLabel(tx, cur)}`,
    });
    return mapDetail(tx, actor, row);
  });
}
