import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { assertVisible } from '../../platform/authorize';
import { AppError } from '../../platform/errors';
import { inScope } from '../../platform/tenancy';
import { defaultSections } from './report-form';
import { mapDetail } from './report-mapper';
import { addReportVersion, authorizeUnitWrite, loadDueItem, reportLabel } from './report-store';
import { report } from './reporting.table';

/**
 * Open the report of a due item: the existing one, or a new draft (version 1) with the default
 * sections. Idempotent, also when two people open it at the same moment (the unique index settles it).
 */
export async function openReport(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; dueItemId: string }) {
  const { db, actor, communeId } = opts;
  assertVisible(actor, communeId);
  return inScope(db, actor.scope, async (tx) => {
    const item = await loadDueItem(tx, communeId, opts.dueItemId);
    await authorizeUnitWrite(tx, actor, communeId, item.unitId);
    if (item.kind !== 'report' && item.kind !== 'unit_plan') {
      throw new AppError('VALIDATION_FAILED', 'Việc phải nộp này là đăng ký thi đua: hãy đăng ký ở mục Đăng ký thi đua.', [
        { field: 'dueItemId', message: 'Không phải báo cáo.' },
      ]);
    }
    const [created] = await tx
      .insert(report)
      .values({
        communeId,
        dueItemId: item.id,
        planId: item.planId,
        unitId: item.unitId,
        kind: item.kind,
        cadence: item.cadence,
        year: item.year,
        period: item.period,
        status: 'draft',
        sections: defaultSections(item.kind, item.cadence),
        values: [],
        version: 1,
        updatedBy: actor.userId,
      })
      .onConflictDoNothing({ target: [report.communeId, report.dueItemId] })
      .returning();
    if (created) {
      await addReportVersion(tx, actor, created, 'create');
      await writeAudit(tx, actor, opts.meta, {
        action: 'create',
        entityType: 'report',
        entityId: created.id,
        communeId,
        summary: `Tạo dự thảo: ${await reportLabel(tx, created)}`,
        after: { status: 'draft', version: 1 },
      });
      return mapDetail(tx, actor, created);
    }
    const [existing] = await tx
      .select()
      .from(report)
      .where(and(eq(report.communeId, communeId), eq(report.dueItemId, item.id)));
    return mapDetail(tx, actor, existing!);
  });
}
