import {
  formatDateTimeVi,
  formatDateVi,
  inspectionRatingLabelsVi,
  inspectionRecommendationStatusLabelsVi,
  inspectionStatusLabelsVi,
  type InspectionDetail,
  type InspectionEvidenceDoc,
} from '@tds/contracts';
import type { RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { inInspections, type UseCase } from './inspection-context';
import { detailOf } from './get-inspection';
import { workbook } from './inspections-excel';

/** Evidence in words: "Số 12/BC-TH, ngày 03/04/2026: trích yếu; tệp: bien-ban.pdf". */
export function evidenceText(e: InspectionEvidenceDoc | null): string {
  if (!e) return '';
  const doc = [e.number ? `Số ${e.number}` : '', e.date ? `ngày ${formatDateVi(e.date)}` : ''].filter(Boolean).join(', ');
  return [doc && e.summary ? `${doc}: ${e.summary}` : doc || e.summary || '', e.file ? `tệp: ${e.file.name}` : ''].filter(Boolean).join('; ');
}

/** One inspection and what the actor may see of it, for the exports (with an audit entry of the export). */
export async function inspectionForExport(opts: UseCase & { meta: RequestMeta; id: string; what: string }): Promise<InspectionDetail> {
  return inInspections({ ...opts, permission: 'inspection.read' }, async (tx) => {
    const d = await detailOf(tx, opts.actor, opts.communeId, opts.id);
    await writeAudit(tx, opts.actor, opts.meta, {
      action: 'export',
      entityType: 'inspection',
      entityId: d.id,
      communeId: opts.communeId,
      summary: `Xuất ${opts.what} của đợt kiểm tra "${d.title}"`,
    });
    return d;
  });
}

/** One inspection's record as an .xlsx: the visit, then every finding with its recommendations and the units' answers. */
export async function exportInspectionRecord(opts: UseCase & { meta: RequestMeta; id: string }): Promise<{ title: string; content: Buffer }> {
  const d = await inspectionForExport({ ...opts, what: 'hồ sơ kiểm tra (Excel)' });
  const info: [string, string][] = [
    ['Tên đợt kiểm tra', d.title],
    ['Ngày kiểm tra', `${formatDateVi(d.visitDate)}${d.visitTime ? ` ${d.visitTime}` : ''}`],
    ['Đơn vị được kiểm tra', d.units.map((u) => u.name).join('; ')],
    ['Thành viên đoàn kiểm tra', d.members.map((m) => m.fullName).join('; ')],
    ['Kế hoạch', d.plan?.title ?? ''],
    ['Nội dung kiểm tra', d.checklist.map((c, i) => `${i + 1}. ${c}`).join('\n')],
    ['Trạng thái', inspectionStatusLabelsVi[d.status]],
    ['Kết luận', d.conclusion ?? ''],
    ['Xếp loại', d.rating ? inspectionRatingLabelsVi[d.rating] : ''],
    ['Ghi chú', d.note ?? ''],
  ];
  const rows = d.findingList.flatMap((f, i) => {
    const base = [i + 1, f.unitName, f.text, evidenceText(f.evidence)];
    if (!f.recommendations.length) return [[...base, '', '', '', '', '', '']];
    return f.recommendations.map((r) => [
      ...base,
      r.text,
      formatDateVi(r.dueOn),
      inspectionRecommendationStatusLabelsVi[r.status],
      r.answer ? `${r.answer.text}${r.answer.byName ? ` (${r.answer.byName}, ${formatDateTimeVi(r.answer.at)})` : ''}` : '',
      evidenceText(r.answer?.evidence ?? null),
      r.reviewComment ?? '',
    ]);
  });
  const content = await workbook([
    {
      name: 'Thông tin chung',
      columns: [
        { header: 'Mục', width: 28 },
        { header: 'Nội dung', width: 90 },
      ],
      rows: info,
    },
    {
      name: 'Kết quả và kiến nghị',
      columns: [
        { header: 'STT', width: 6, numeric: true },
        { header: 'Đơn vị', width: 28 },
        { header: 'Kết quả kiểm tra', width: 48 },
        { header: 'Minh chứng', width: 30 },
        { header: 'Kiến nghị', width: 40 },
        { header: 'Hạn thực hiện', width: 14 },
        { header: 'Trạng thái kiến nghị', width: 20 },
        { header: 'Trả lời của đơn vị', width: 40 },
        { header: 'Minh chứng trả lời', width: 30 },
        { header: 'Ý kiến của Văn phòng', width: 30 },
      ],
      rows,
    },
  ]);
  return { title: d.title, content };
}
