import { desc } from 'drizzle-orm';
import { formatDateVi, inspectionRatingLabelsVi, inspectionStatusLabelsVi, type InspectionListQuery } from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { inInspections, type UseCase } from './inspection-context';
import { inspectionFilter, summariesOf } from './list-inspections';
import { workbook } from './inspections-excel';
import { inspection } from './inspections.table';

const MAX_ROWS = 5000;

/** The commune's inspections (the list's filters) as an .xlsx, one row each. */
export async function exportInspections(opts: UseCase & { meta: RequestMeta; query: Omit<InspectionListQuery, 'page' | 'pageSize'> }): Promise<Buffer> {
  const { communeId } = opts;
  const items = await inInspections({ ...opts, permission: 'inspection.read' }, async (tx) => {
    const rows = await tx
      .select()
      .from(inspection)
      .where(inspectionFilter(communeId, opts.query))
      .orderBy(desc(inspection.visitDate), desc(inspection.createdAt), desc(inspection.id))
      .limit(MAX_ROWS);
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'export',
      entityType: 'inspection',
      communeId,
      summary: `Xuất danh sách ${rows.length} đợt kiểm tra ra Excel`,
    });
    return summariesOf(tx, communeId, rows);
  });
  return workbook([
    {
      name: 'Đợt kiểm tra',
      columns: [
        { header: 'STT', width: 6, numeric: true },
        { header: 'Ngày kiểm tra', width: 14 },
        { header: 'Tên đợt kiểm tra', width: 44 },
        { header: 'Đơn vị được kiểm tra', width: 40 },
        { header: 'Trạng thái', width: 18 },
        { header: 'Xếp loại', width: 12 },
        { header: 'Số kết quả kiểm tra', width: 12, numeric: true },
        { header: 'Số kiến nghị', width: 12, numeric: true },
        { header: 'Kiến nghị chưa đóng', width: 12, numeric: true },
      ],
      rows: items.map((i, n) => [
        n + 1,
        `${formatDateVi(i.visitDate)}${i.visitTime ? ` ${i.visitTime}` : ''}`,
        i.title,
        i.units.map((u) => u.name).join('; '),
        inspectionStatusLabelsVi[i.status],
        i.rating ? inspectionRatingLabelsVi[i.rating] : '',
        i.findings,
        i.recommendations,
        i.openRecommendations,
      ]),
    },
  ]);
}
