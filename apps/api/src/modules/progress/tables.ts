import {
  cycleLabelVi,
  progressPillarLabelsVi,
  progressStatusLabelsVi,
  progressUnitStatusLabelsVi,
  reportStatusLabelsVi,
  unitKindLabelsVi,
  type CommuneCompleteness,
  type IndicatorProgress,
  type League,
  type ProgressCycles,
  type ProvinceCompleteness,
  type ReportStatus,
  type Rollup,
  type UnitKind,
} from '@tds/contracts';
import type { ReportTable, TableColumn } from '../documents';

/*
 * The dashboard views as tables with Vietnamese headers, shared by the Excel export and the
 * consolidated report (numbers stay numbers; dates stay ISO until they are written).
 */

/** A column; `printed: false` keeps it out of the printed report (it stays in the workbook). */
export const col = (header: string, kind: TableColumn['kind'], width: number, printed = true): TableColumn => ({
  header,
  kind,
  width,
  ...(printed ? {} : { printed }),
});
const COUNT_COLUMNS = [
  col('Phải nộp', 'int', 10),
  col('Đúng hạn', 'int', 10),
  col('Trễ hạn', 'int', 10),
  col('Chưa nộp', 'int', 10),
  col('Tỷ lệ đúng hạn (%)', 'percent', 12),
  col('Tỷ lệ đã nộp (%)', 'percent', 12),
];
const counts = (c: { expected: number; onTime: number; late: number; missing: number; onTimeRate: number; submittedRate: number }) => [
  c.expected,
  c.onTime,
  c.late,
  c.missing,
  c.onTimeRate,
  c.submittedRate,
];
const kindLabel = (k: string) => unitKindLabelsVi[k as UnitKind] ?? k;
const reportStatusLabel = (s: string | null) => (s ? (reportStatusLabelsVi[s as ReportStatus] ?? s) : 'Chưa mở');

/** The cycles of a commune with their counts. */
export function cyclesTable(cycles: ProgressCycles['cycles']): ReportTable {
  return {
    sheet: 'Các kỳ báo cáo',
    title: 'Tình hình nộp báo cáo theo các kỳ',
    columns: [col('Kỳ báo cáo', 'text', 36), col('Hạn nộp', 'date', 16), ...COUNT_COLUMNS],
    rows: cycles.map((c) => [cycleLabelVi(c), c.dueDate, ...counts(c)]),
  };
}

/** Every unit's standing in one cycle of a commune. */
export function completenessUnitsTable(v: CommuneCompleteness): ReportTable {
  return {
    sheet: 'Đơn vị',
    title: `${cycleLabelVi(v.cycle)}: tình hình nộp của các đơn vị${v.node ? ` (${v.node.name})` : ''}`,
    columns: [
      col('STT', 'int', 6),
      col('Đơn vị', 'text', 36),
      col('Loại', 'text', 24),
      col('Hạn nộp', 'date', 16),
      col('Tình trạng', 'text', 16),
      col('Trạng thái báo cáo', 'text', 18),
      col('Thời điểm nộp', 'datetime', 18),
    ],
    rows: v.units.map((u, i) => [
      i + 1,
      u.unitName,
      kindLabel(u.unitKind),
      u.dueDate,
      progressUnitStatusLabelsVi[u.status],
      reportStatusLabel(u.reportStatus),
      u.submittedAt,
    ]),
  };
}

/** One cycle across a province: a row per commune and the province total. */
export function provinceCompletenessTable(v: ProvinceCompleteness): ReportTable {
  return {
    sheet: 'Xã phường',
    title: `${cycleLabelVi(v.cycle)}: tình hình nộp của các xã, phường`,
    columns: [col('Mã', 'text', 10), col('Xã/phường', 'text', 30), col('Hạn nộp', 'date', 16), ...COUNT_COLUMNS],
    rows: [...v.communes.map((c) => [c.communeCode, c.communeName, c.dueDate, ...counts(c)]), ['', 'Toàn tỉnh', v.cycle.dueDate, ...counts(v.totals)]],
  };
}

/** Indicator progress against targets, pillar by pillar. */
export function indicatorsTable(v: IndicatorProgress): ReportTable {
  return {
    sheet: 'Chỉ tiêu',
    title: `Kết quả thực hiện các chỉ tiêu năm ${v.year}${v.period ? ` (6 tháng ${v.period === 1 ? 'đầu' : 'cuối'} năm)` : ''} so với mục tiêu`,
    columns: [
      col('Trụ cột', 'text', 14),
      col('Mã', 'text', 12, false),
      col('Chỉ tiêu', 'text', 44),
      col('Đơn vị tính', 'text', 10),
      col('Kết quả', 'number', 12),
      col('Tử số', 'number', 10, false),
      col('Mẫu số', 'number', 10, false),
      col('Mục tiêu', 'number', 12),
      col('Tỷ lệ đạt (%)', 'percent', 11),
      col('Đánh giá', 'text', 16),
    ],
    rows: v.pillars.flatMap((p) =>
      p.indicators.map((r) => [
        progressPillarLabelsVi[p.pillar],
        r.code,
        r.name,
        r.measure,
        r.value,
        r.numerator,
        r.denominator,
        r.target,
        r.achievementPct,
        progressStatusLabelsVi[r.status],
      ]),
    ),
  };
}

/** A league table on one indicator. */
export function leagueTable(v: League): ReportTable {
  const entrant = v.scope.level === 'province' ? 'Xã/phường' : 'Đơn vị';
  return {
    sheet: 'Xếp hạng',
    title: `Xếp hạng theo chỉ tiêu ${v.indicator.name} năm ${v.year}`,
    columns: [
      col('Hạng', 'int', 8),
      col('Mã', 'text', 12),
      col(entrant, 'text', 36),
      col(`Kết quả (${v.indicator.measure})`, 'number', 14),
      col('Tử số', 'number', 10),
      col('Mẫu số', 'number', 10),
      col('Mục tiêu', 'number', 12),
      col('Tỷ lệ đạt (%)', 'percent', 12),
    ],
    rows: v.rows.map((r) => [r.rank, r.code, r.name, r.value, r.numerator, r.denominator, r.target, r.achievementPct]),
  };
}

/** Every indicator over the years, one row per indicator and year. */
export function rollupTable(v: Rollup): ReportTable {
  return {
    sheet: 'Tổng hợp theo năm',
    title: `Số liệu các chỉ tiêu từ năm ${v.fromYear} đến năm ${v.toYear}`,
    columns: [
      col('Trụ cột', 'text', 16),
      col('Mã', 'text', 12),
      col('Chỉ tiêu', 'text', 44),
      col('Đơn vị tính', 'text', 10),
      col('Năm', 'int', 8),
      col('Kết quả', 'number', 12),
      col('Tử số', 'number', 10),
      col('Mẫu số', 'number', 10),
      col('Mục tiêu', 'number', 12),
      col('Tỷ lệ đạt (%)', 'percent', 12),
    ],
    rows: v.indicators.flatMap((i) =>
      i.years.map((y) => [
        progressPillarLabelsVi[i.pillar],
        i.code,
        i.name,
        i.measure,
        y.year,
        y.value,
        y.numerator,
        y.denominator,
        y.target,
        y.achievementPct,
      ]),
    ),
  };
}
