import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { assertVisible } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { mapDetail } from './report-mapper';
import { takeReportStep } from './report-step';

/** Return a submitted report to its unit with the reviewer's comments; the unit corrects and resubmits. */
export async function returnReport(opts: {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  communeId: string;
  id: string;
  version: number;
  comment: string;
  now?: Date;
}) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  const comment = opts.comment.normalize('NFC').trim();
  return inScope(db, actor.scope, async (tx) => {
    const { row } = await takeReportStep(tx, actor, opts.meta, {
      now: opts.now ?? clockNow(),
      communeId,
      id: opts.id,
      transition: 'return',
      version: opts.version,
      comment,
      check: () => (comment ? [] : [{ field: 'comment', message: 'Cần ghi nội dung yêu cầu đơn vị sửa.' }]),
      set: () => ({ reviewedAt: (opts.now ?? clockNow()).toISOString(), reviewedBy: actor.userId, reviewComment: comment }),
      summary: (_cur, _row, label) => `Trả lại báo cáo: ${label}`,
    });
    return mapDetail(tx, actor, row);
  });
}
