import { clockNow } from '@tds/contracts';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { inScope, SYSTEM_SCOPE } from '../../platform/tenancy';
import { communeDueItem, communeReport, communeReportVersion } from './commune-reports.table';
import { gatherSections } from './gather-figures';

const DAY = 86_400_000;

/**
 * Demo history: the commune's yearly reports to the province whose due date has passed, prepared
 * from the units' reports, submitted on time and accepted by the province, so a newcomer sees the
 * page populated. One transaction, a few statements per report (there is one per past year), no
 * use-case per row.
 */
export async function seedPastCommuneReports(
  db: Db,
  opts: { communeId: string; authorName: string; reviewerId: string; reviewerName: string; now?: Date },
): Promise<void> {
  const now = opts.now ?? clockNow();
  await inScope(db, SYSTEM_SCOPE, async (tx) => {
    const due = await tx
      .select({ r: communeReport, lateAfter: communeDueItem.lateAfter })
      .from(communeReport)
      .innerJoin(communeDueItem, and(eq(communeDueItem.communeId, communeReport.communeId), eq(communeDueItem.id, communeReport.dueItemId)))
      .where(
        and(
          eq(communeReport.communeId, opts.communeId),
          eq(communeReport.periodKind, 'year'),
          eq(communeReport.status, 'draft'),
          lt(communeDueItem.lateAfter, now.toISOString()),
        ),
      );
    for (const { r, lateAfter } of due) {
      const submittedAt = new Date(new Date(lateAfter).getTime() - 5 * DAY);
      const reviewedAt = new Date(submittedAt.getTime() + 3 * DAY);
      const sections = (await gatherSections(tx, opts.communeId, r, [], submittedAt)).map((s) => ({
        ...s,
        text: `Năm ${r.year}, xã đã triển khai các nội dung của kế hoạch; ${s.figures ? `${s.figures.accepted} báo cáo của các đơn vị đã được tiếp nhận` : 'các đơn vị đã báo cáo'}. Kiến nghị tỉnh tiếp tục hỗ trợ hạ tầng số cho các thôn.`,
      }));
      const content = { sections };
      await tx
        .update(communeReport)
        .set({
          status: 'accepted',
          version: 4,
          content,
          submittedAt: submittedAt.toISOString(),
          late: false,
          reviewedAt: reviewedAt.toISOString(),
          reviewedBy: opts.reviewerId,
          reviewerName: opts.reviewerName,
          updatedAt: reviewedAt,
        })
        .where(and(eq(communeReport.communeId, r.communeId), eq(communeReport.id, r.id)));
      const version = (v: number, action: string, status: string, by: string, at: Date) => ({
        communeId: r.communeId,
        reportId: r.id,
        version: v,
        action,
        status,
        content,
        createdByName: by,
        createdAt: at,
      });
      await tx
        .insert(communeReportVersion)
        .values([
          version(2, 'prepare', 'draft', opts.authorName, submittedAt),
          version(3, 'submit', 'submitted', opts.authorName, submittedAt),
          version(4, 'accept', 'accepted', opts.reviewerName, reviewedAt),
        ]);
    }
  });
}
