import { and, eq, like } from 'drizzle-orm';
import type { ReportComputedFigure, ReportFormIndicator } from '@tds/contracts';
import type { Tx } from '../../db/client';
import { indicatorValue, loadIndicators, reportedBy, type IndicatorDef } from '../indicators';
import { isRatio } from './report-values';
import type { ReportSection } from './reporting.table';

const section = (key: string, title: string): ReportSection => ({ key, title, text: '' });

/** The narrative skeleton of a movement report (yearly, half-yearly or once). */
const MOVEMENT_REPORT: readonly ReportSection[] = [
  section('ket_qua', 'Kết quả triển khai thực hiện phong trào'),
  section('kho_khan', 'Khó khăn, vướng mắc và nguyên nhân'),
  section('phuong_huong', 'Phương hướng, nhiệm vụ thời gian tới'),
  section('kien_nghi', 'Đề xuất, kiến nghị'),
];

/** The skeleton of a mid-term (sơ kết) or final (tổng kết) review. */
function reviewSections(cadence: 'midterm' | 'final'): ReportSection[] {
  const stage = cadence === 'midterm' ? 'giai đoạn tiếp theo' : 'thời gian tới';
  return [
    section('chi_dao', 'Công tác lãnh đạo, chỉ đạo, tổ chức triển khai phong trào'),
    section('ket_qua', 'Kết quả đạt được'),
    section('han_che', 'Hạn chế, tồn tại và nguyên nhân'),
    section('bai_hoc', 'Bài học kinh nghiệm'),
    section('phuong_huong', `Phương hướng, nhiệm vụ ${stage}`),
    section('khen_thuong', 'Đề xuất khen thưởng tập thể, cá nhân tiêu biểu'),
  ];
}

/**
 * The sections a new report starts with. Unit plans have none: they are a summary plus the
 * uploaded plan file.
 */
export function defaultSections(kind: string, cadence: string): ReportSection[] {
  if (kind === 'unit_plan') return [];
  if (cadence === 'midterm' || cadence === 'final') return reviewSections(cadence);
  return MOVEMENT_REPORT.map((s) => ({ ...s }));
}

/** One indicator definition as the form shows it. */
export function formIndicator(d: IndicatorDef): ReportFormIndicator {
  return {
    code: d.code,
    name: d.name,
    pillar: d.pillar,
    measure: d.measure,
    aggregation: d.aggregation,
    ratio: isRatio(d),
    numeratorLabel: isRatio(d) ? (d.numeratorLabel ?? 'Tử số') : null,
    denominatorLabel: isRatio(d) ? (d.denominatorLabel ?? 'Mẫu số') : null,
    minValue: d.minValue,
    maxValue: d.maxValue,
    integer: d.integer,
    evidence: d.evidence,
  };
}

/**
 * The indicators a report's form asks for: every active one typed in reports that units of this kind
 * report (the commune's choice per indicator, else the national default); none for unit plans.
 */
export async function reportForm(tx: Tx, communeId: string, kind: string, unitKind: string): Promise<ReportFormIndicator[]> {
  if (kind === 'unit_plan') return [];
  const defs = await loadIndicators(tx, communeId, { activeOnly: true });
  return defs.filter((d) => d.source === 'report' && reportedBy(d, unitKind)).map(formIndicator);
}

/**
 * The indicators of this unit that another module computes (source "derived"), with their current
 * figures for the year: the report shows them read-only, with their source; none for unit plans.
 */
export async function computedFigures(
  tx: Tx,
  communeId: string,
  r: { kind: string; unitKind: string; unitId: string; year: number },
): Promise<ReportComputedFigure[]> {
  if (r.kind === 'unit_plan') return [];
  const defs = (await loadIndicators(tx, communeId, { activeOnly: true })).filter((d) => d.source === 'derived' && reportedBy(d, r.unitKind));
  if (!defs.length) return [];
  const values = await tx
    .select()
    .from(indicatorValue)
    .where(
      and(
        eq(indicatorValue.communeId, communeId),
        eq(indicatorValue.unitId, r.unitId),
        eq(indicatorValue.year, r.year),
        eq(indicatorValue.period, 0),
        like(indicatorValue.sourceKey, 'derived:%'),
      ),
    );
  const byCode = new Map(values.map((v) => [v.indicatorCode, v]));
  return defs.map((d) => {
    const v = byCode.get(d.code);
    return {
      code: d.code,
      name: d.name,
      measure: d.measure,
      ratio: isRatio(d),
      value: v?.value ?? null,
      numerator: v?.numerator ?? null,
      denominator: v?.denominator ?? null,
      source: d.providerKey ?? 'derived',
      updatedAt: v?.updatedAt.toISOString() ?? null,
    };
  });
}
