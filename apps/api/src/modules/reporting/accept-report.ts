import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { recordReportValues } from './report-indicators';
import { mapDetail } from './report-mapper';
import { assertStatus, assertVersion, authorizeReview, commitReport, loadReport, reportLabel } from './report-store';

/**
 * Accept a submitted report: it is locked, and its figures become indicator values with the
 * commune roll-up updated, all in one transaction (the dashboards change at once).
 */
export async function acceptReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; id: string; version: number; comment?: string }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const cur = await loadReport(tx, communeId, opts.id, { lock: true });
    authorizeReview(actor, communeId);
    assertVersion(cur, opts.version);
    assertStatus(cur, 'submitted', 'Chỉ tiếp nhận được báo cáo đã nộp và đang chờ xem xét.');
    const comment = opts.comment?.normalize('NFC').trim() || null;
    const row = await commitReport(tx, actor, opts.meta, cur, {
      action: 'accept', comment, set: { status: 'accepted', reviewedAt: new Date().toISOString(), reviewedBy: actor.userId, reviewComment: comment },
      summary: `Tiếp nhận báo cáo: ${await reportLabel(tx, cur)}`,
    });
    await recordReportValues(tx, row);
    return mapDetail(tx, actor, row);
  });
}
