import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  formatDateVi,
  initiativeDomainLabelsVi,
  initiativeEffectAmountUnitVi,
  initiativeEffectKindLabelsVi,
  initiativeScopeLabelsVi,
  recognitionKindLabelsVi,
  recognitionLevelLabelsVi,
  type initiativeExportQuery,
} from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { initiativeRecognition } from './initiatives.table';
import { authorsOf } from './initiatives.store';
import { selectInitiatives } from './list-initiatives';
import { inCommune } from './initiatives-context';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const COLUMNS = [
  { header: 'STT', width: 6 },
  { header: 'Tên sáng kiến, giải pháp', width: 44 },
  { header: 'Tác giả', width: 32 },
  { header: 'Đơn vị', width: 28 },
  { header: 'Lĩnh vực', width: 20 },
  { header: 'Năm', width: 8 },
  { header: 'Ngày áp dụng lần đầu', width: 14 },
  { header: 'Phạm vi áp dụng', width: 18 },
  { header: 'Hiệu quả', width: 48 },
  { header: 'Công nhận (số, ngày, cơ quan, cấp)', width: 56 },
] as const;

/** The register (the list's filters, every page) as an .xlsx, one row per initiative, recognitions listed in their cell. Audited. */
export async function exportInitiatives(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; query: z.infer<typeof initiativeExportQuery> }) {
  const { actor, communeId, query } = opts;
  const { rows, authors, recs } = await inCommune({ ...opts, permission: 'initiative.read' }, async (tx) => {
    const rows = await selectInitiatives(tx, communeId, query);
    const ids = rows.map((r) => r.i.id);
    const authors = await authorsOf(tx, communeId, ids);
    const recs = ids.length
      ? await tx
          .select()
          .from(initiativeRecognition)
          .where(and(eq(initiativeRecognition.communeId, communeId), inArray(initiativeRecognition.initiativeId, ids)))
          .orderBy(asc(initiativeRecognition.date))
      : [];
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'initiative',
      communeId,
      summary: `Xuất danh sách ${rows.length} sáng kiến${query.year ? ` năm ${query.year}` : ''} ra Excel`,
    });
    return { rows, authors, recs };
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  const ws = wb.addWorksheet('Sáng kiến', { views: [{ state: 'frozen', ySplit: 1 }] });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const head = ws.addRow(COLUMNS.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((c) => (c.fill = HEADER_FILL));
  rows.forEach(({ i, unitName }, n) => {
    const who = (authors.get(i.id) ?? []).map((a) => (a.unitName && a.unitName !== unitName ? `${a.fullName} (${a.unitName})` : a.fullName));
    const effects = i.effects.map(
      (e) =>
        `${initiativeEffectKindLabelsVi[e.kind]}: ${e.text}${e.amount != null ? ` (${e.amount.toLocaleString('vi-VN')} ${initiativeEffectAmountUnitVi[e.kind]})` : ''}`,
    );
    const recognised = recs
      .filter((r) => r.initiativeId === i.id)
      .map((r) => `${recognitionKindLabelsVi[r.kind]} số ${r.number} ngày ${formatDateVi(r.date)}, ${r.body} (${recognitionLevelLabelsVi[r.level]})`);
    const row = ws.addRow([
      n + 1,
      i.title,
      who.join('; '),
      unitName,
      initiativeDomainLabelsVi[i.domain],
      i.year,
      formatDateVi(i.firstAppliedOn),
      initiativeScopeLabelsVi[i.scope],
      effects.join('\n'),
      recognised.join('\n'),
    ]);
    row.alignment = { vertical: 'top', wrapText: true };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
