import ExcelJS from 'exceljs';
import { criterionSectionLabelsVi, formatDateVi, todayVn, unscoredLabelVi, type ResultDto } from '@tds/contracts';

/** The scoresheet of a closed rubric as a workbook, from data already read (the export's in-memory half). */

export interface ScoresheetData {
  communeName: string;
  title: string;
  groupName: string;
  year: number;
  closedAt: string | null;
  published: boolean;
  /** The criteria as frozen with the results (the first unit's breakdown order). */
  criteria: { criterionId: string; title: string; section: ResultDto['criteria'][number]['section']; maxPoints: number }[];
  rows: ResultDto[];
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const basisVi = { auto: 'Tự động từ báo cáo đã tiếp nhận', council: 'Hội đồng chấm', self: 'Đơn vị tự chấm (Hội đồng chưa chấm)' } as const;

/** The criteria of the results, in the order they were scored. */
export function criteriaOf(rows: readonly ResultDto[]): ScoresheetData['criteria'] {
  return (rows[0]?.criteria ?? []).map((c) => ({ criterionId: c.criterionId, title: c.title, section: c.section, maxPoints: c.maxPoints }));
}

export async function scoresheetWorkbook(d: ScoresheetData): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  const heading = `${d.title} — ${d.communeName}`;
  const codes = d.criteria.map((c, i) => `${c.section === 'main' ? 'TC' : c.section === 'bonus' ? 'ĐT' : 'ĐTr'}${i + 1}`);

  const rank = wb.addWorksheet('Xếp hạng', { views: [{ state: 'frozen', ySplit: 4, xSplit: 2 }] });
  rank.addRow([heading]).font = { bold: true, size: 13 };
  rank.addRow([
    `Nhóm: ${d.groupName}. Năm ${d.year}. Khóa sổ ngày ${d.closedAt ? formatDateVi(todayVn(new Date(d.closedAt))) : ''}${d.published ? '; đã công bố' : '; chưa công bố'}.`,
  ]);
  rank.addRow([]);
  const head = rank.addRow(['Hạng', 'Đơn vị', ...codes, 'Tổng điểm', 'Xếp loại']);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  for (const r of d.rows) {
    const pts = new Map(r.criteria.map((c) => [c.criterionId, c.points]));
    rank.addRow([r.rank ?? '—', r.unitName, ...d.criteria.map((c) => pts.get(c.criterionId) ?? 0), r.total, r.classLabel || unscoredLabelVi]);
  }
  rank.getColumn(1).width = 7;
  rank.getColumn(2).width = 40;
  for (let i = 0; i < codes.length; i++) rank.getColumn(3 + i).width = 7;
  rank.getColumn(3 + codes.length).width = 11;
  rank.getColumn(4 + codes.length).width = 30;

  const crit = wb.addWorksheet('Tiêu chí');
  crit.addRow(['Mã', 'Tiêu chí', 'Phần', 'Điểm tối đa']).font = { bold: true };
  d.criteria.forEach((c, i) => crit.addRow([codes[i], c.title, criterionSectionLabelsVi[c.section], c.maxPoints]));
  crit.getColumn(2).width = 80;
  crit.getColumn(2).alignment = { wrapText: true };
  crit.getColumn(3).width = 14;

  const ev = wb.addWorksheet('Điểm và minh chứng');
  ev.addRow(['Đơn vị', 'Mã', 'Tiêu chí', 'Điểm', 'Tối đa', 'Nguồn điểm', 'Minh chứng']).font = { bold: true };
  for (const r of d.rows)
    r.criteria.forEach((c, i) =>
      ev.addRow([r.unitName, codes[i] ?? '', c.title, c.points, c.maxPoints, basisVi[c.basis], c.evidence.map((e) => e.label).join('\n')]),
    );
  ev.getColumn(1).width = 32;
  ev.getColumn(3).width = 60;
  ev.getColumn(6).width = 24;
  ev.getColumn(7).width = 60;
  ev.getColumn(7).alignment = { wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
