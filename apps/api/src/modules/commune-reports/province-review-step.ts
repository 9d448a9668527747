import { clockNow } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { authorizeProvince } from '../../platform/authorize';
import { inScope } from '../../platform/tenancy';
import { takeCommuneReportStep } from './commune-report-step';
import { communeOfProvinceReport } from './commune-report.store';
import { detailOf } from './commune-report-detail';

export interface ReviewOpts {
  db: Db;
  actor: Actor;
  meta: RequestMeta;
  provinceId: string;
  id: string;
  version: number;
  now?: Date;
}

/** The province's act on a commune report (return or accept), for a report of one of its communes: what both use-cases share. */
export async function reviewCommuneReport(opts: ReviewOpts, transition: 'return' | 'accept', comment: string | null) {
  const { db, actor } = opts;
  const now = opts.now ?? clockNow();
  authorizeProvince(actor, 'commune_report.review', opts.provinceId);
  return inScope(db, actor.scope, async (tx) => {
    const communeId = await communeOfProvinceReport(tx, opts.provinceId, opts.id);
    const { row } = await takeCommuneReportStep(tx, actor, opts.meta, {
      now,
      communeId,
      id: opts.id,
      transition,
      version: opts.version,
      comment,
      check: () =>
        transition === 'return' && !comment ? [{ field: 'comment', message: 'Cần ghi ý kiến của tỉnh: xã cần sửa những gì trước khi nộp lại.' }] : [],
      set: () => ({ reviewedAt: now.toISOString(), reviewedBy: actor.userId, reviewerName: actor.fullName, reviewComment: comment }),
      summary: (_cur, label) => `${transition === 'return' ? 'Tỉnh trả lại' : 'Tỉnh tiếp nhận'} báo cáo của xã: ${label}`,
    });
    return detailOf(tx, actor, row, now);
  });
}
