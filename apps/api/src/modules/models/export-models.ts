import ExcelJS from 'exceljs';
import { and, asc, eq } from 'drizzle-orm';
import { formatDateVi, inPhrase, modelKindLabelsVi, modelStatusLabelsVi } from '@tds/contracts';
import type { Db } from '../../db/client';
import type { Actor, RequestMeta } from '../../platform/actor';
import { writeAudit } from '../../platform/audit';
import { renderAnnexDocx, type ReportTable } from '../documents';
import { commune } from '../org';
import { exemplaryModel } from './models.table';
import { modelRows } from './models.store';
import { inModels } from './models-context';

const period = (from: string | null, to: string | null) => (from || to ? `${formatDateVi(from) || '...'} - ${formatDateVi(to) || '...'}` : '');

/** The year's models (published first, then by unit), read for the consolidated report and audited. */
async function yearList(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; year: number }, format: string) {
  const { actor, communeId, year } = opts;
  return inModels({ ...opts, permission: 'model.publish' }, async (tx) => {
    const [c] = await tx.select({ name: commune.name }).from(commune).where(eq(commune.id, communeId));
    const rows = await modelRows(tx)
      .where(and(eq(exemplaryModel.communeId, communeId), eq(exemplaryModel.year, year)))
      .orderBy(asc(exemplaryModel.status), asc(exemplaryModel.kind), asc(exemplaryModel.title));
    await writeAudit(tx, actor, opts.meta, {
      action: 'export',
      entityType: 'exemplary_model',
      communeId,
      summary: `Xuất danh sách ${rows.length} mô hình điển hình năm ${year} ra ${format}`,
    });
    return { communeName: c?.name ?? '', rows };
  });
}

type YearList = Awaited<ReturnType<typeof yearList>>;
const tableOf = (l: YearList, year: number): ReportTable => ({
  sheet: `Điển hình ${year}`,
  title: `Danh sách điển hình tiên tiến, mô hình hay năm ${year}`,
  columns: [
    { header: 'STT', kind: 'int', width: 5 },
    { header: 'Tên mô hình, điển hình', kind: 'text', width: 36 },
    { header: 'Tập thể/cá nhân', kind: 'text', width: 26 },
    { header: 'Loại', kind: 'text', width: 10 },
    { header: 'Nội dung thi đua', kind: 'text', width: 30 },
    { header: 'Thời gian', kind: 'text', width: 16 },
    { header: 'Trạng thái', kind: 'text', width: 14 },
  ],
  rows: l.rows.map((r, i) => [
    i + 1,
    r.m.title,
    r.m.kind === 'individual' ? `${r.personName ?? ''} (${r.unitName})` : r.unitName,
    modelKindLabelsVi[r.m.kind],
    r.m.movementContent ?? '',
    period(r.m.periodFrom, r.m.periodTo),
    modelStatusLabelsVi[r.m.status],
  ]),
});

/** The year's list as an .xlsx (one row a model). */
export async function exportModelsXlsx(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; year: number }): Promise<Buffer> {
  const l = await yearList(opts, 'Excel');
  const t = tableOf(l, opts.year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Thi Đua Số';
  const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.addRow([`${t.title} - ${l.communeName}`]).font = { bold: true, size: 13 };
  t.columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const head = ws.addRow(t.columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }));
  for (const r of t.rows) ws.addRow(r.map((v) => v ?? '')).alignment = { vertical: 'top', wrapText: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The year's list as a Word annex (Decree 30/2020 layout) for the consolidated report. */
export async function exportModelsDocx(opts: { db: Db; actor: Actor; meta: RequestMeta; communeId: string; year: number; now?: Date }): Promise<Buffer> {
  const l = await yearList(opts, 'Word');
  return renderAnnexDocx({
    issuer: { name: `Ủy ban nhân dân ${inPhrase(l.communeName)}`, parent: null },
    place: null,
    subject: `Danh sách điển hình tiên tiến, mô hình hay trong phong trào thi đua năm ${opts.year}`,
    note: '(Kèm theo Báo cáo tổng kết phong trào thi đua)',
    date: null,
    tables: [tableOf(l, opts.year)],
  });
}
