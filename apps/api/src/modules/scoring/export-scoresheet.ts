import { eq } from 'drizzle-orm';
import { formatDateVi, todayVn, unscoredLabelVi, type ResultDto } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor } from '../../platform/actor';
import { renderAnnexDocx, type ReportTable } from '../documents';
import { commune, province } from '../org';
import { assertRubricVisible, inScoring } from './scoring-context';
import { loadRubric } from './scoring.store';
import { assertResultsVisible, resultRows } from './get-ranking';
import { criteriaOf, scoresheetWorkbook, XLSX_TYPE, type ScoresheetData } from './scoresheet';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

/** The ranking and every point with its evidence, as an annex in the Decree 30 layout. */
function annexTables(d: ScoresheetData): ReportTable[] {
  return [
    {
      sheet: 'Xếp hạng',
      title: `Tổng hợp điểm và xếp loại: ${d.groupName}`,
      columns: [
        { header: 'Hạng', kind: 'int', width: 6 },
        { header: 'Đơn vị', kind: 'text', width: 40 },
        { header: 'Tổng điểm', kind: 'number', width: 10 },
        { header: 'Xếp loại', kind: 'text', width: 26 },
      ],
      rows: d.rows.map((r) => [r.rank, r.unitName, r.total, r.classLabel || unscoredLabelVi]),
    },
    {
      sheet: 'Điểm và minh chứng',
      title: 'Điểm từng tiêu chí và minh chứng',
      columns: [
        { header: 'Đơn vị', kind: 'text', width: 22 },
        { header: 'Tiêu chí', kind: 'text', width: 40 },
        { header: 'Điểm', kind: 'number', width: 8 },
        { header: 'Minh chứng', kind: 'text', width: 34 },
      ],
      rows: d.rows.flatMap((r: ResultDto) =>
        r.criteria.map((c) => [
          r.unitName,
          c.title.slice(0, 300),
          c.points,
          c.evidence.map((e) => e.label).join('; ') || (c.basis === 'auto' ? 'Số liệu báo cáo đã tiếp nhận' : ''),
        ]),
      ),
    },
  ];
}

/** One closed rubric's scoresheet, as .xlsx (ranking, criteria, points and evidence) or as a Word annex (Decree 30). */
export async function exportScoresheet(opts: { db: Db; actor: Actor; communeId: string; rubricId: string; format: 'xlsx' | 'docx'; now: Date }) {
  const { data, issuer } = await inScoring({ ...opts, permission: 'scoring.read' }, async (tx) => {
    const row = await loadRubric(tx, opts.communeId, opts.rubricId);
    assertRubricVisible(opts.actor, row);
    assertResultsVisible(opts.actor, row);
    const rows = await resultRows(tx, row);
    const [c] = await tx
      .select({ name: commune.name, provinceName: province.name })
      .from(commune)
      .innerJoin(province, eq(province.id, commune.provinceId))
      .where(eq(commune.id, row.communeId));
    const data: ScoresheetData = {
      communeName: c!.name,
      title: row.title,
      groupName: row.groupName,
      year: row.year,
      closedAt: row.closedAt,
      published: row.status === 'published',
      criteria: criteriaOf(rows),
      rows,
    };
    return { data, issuer: { name: `Ủy ban nhân dân ${lower(c!.name)}`, parent: `Ủy ban nhân dân ${lower(c!.provinceName)}` } };
  });
  const base = `Bảng điểm thi đua ${data.year} – ${data.groupName}`.replace(/[\\/:*?"<>|]/gu, '-').slice(0, 120);
  if (opts.format === 'xlsx') return { name: `${base}.xlsx`, type: XLSX_TYPE, body: await scoresheetWorkbook(data) };
  const body = await renderAnnexDocx({
    issuer,
    place: data.communeName.replace(/^(xã|phường|thị trấn)\s+/iu, ''),
    subject: `Kết quả chấm điểm, xếp loại thi đua năm ${data.year}: ${lower(data.groupName.replace(/^đối với\s+/iu, ''))}`,
    note: `(Kèm theo ${data.title.charAt(0).toLocaleLowerCase('vi-VN')}${data.title.slice(1)}; khóa sổ ngày ${formatDateVi(todayVn(data.closedAt ? new Date(data.closedAt) : opts.now))})`,
    date: todayVn(opts.now),
    tables: annexTables(data),
  });
  return { name: `${base}.docx`, type: DOCX_TYPE, body };
}
