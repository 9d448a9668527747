import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadProgressExport, useProgressCycles, useProvinceCompleteness } from '../../api';
import { cycleLabel, cyclesOption, horizontalChartHeight, provinceCompletenessOption, tooltipIndex, type CompletenessTexts } from '../../chartOptions';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { ChartCard } from './ChartCard';
import { useLabelWidth } from './useLabelWidth';

function useCompletenessTexts(): CompletenessTexts {
  const { t } = useTranslation();
  return useMemo(
    () => ({
      onTime: t('progress.dashboard.onTime'),
      late: t('progress.dashboard.late'),
      missing: t('progress.dashboard.missing'),
      notDue: t('progress.dashboard.notDue'),
      expected: t('progress.dashboard.expected'),
    }),
    [t],
  );
}

/** A plan's title short enough for a chart label. */
const shortTitle = (title: string) => (title.length > 40 ? `${title.slice(0, 38).trimEnd()}…` : title);

/**
 * A commune's report cycles of the year: on time / late / missing per cycle. Each plan's cycles are
 * its own; with several plans (and none chosen) each label names its plan.
 */
export function CommuneCompletenessChart({ communeId, year, planId = null }: { communeId: string; year: number; planId?: string | null }) {
  const { t } = useTranslation();
  const texts = useCompletenessTexts();
  const q = useProgressCycles(communeId, year, planId);
  const data = q.data;
  const option = useMemo(() => {
    if (!data || data.cycles.length === 0) return null;
    const plans = new Set(data.cycles.map((c) => c.planId));
    const label = (c: (typeof data.cycles)[number]) => (plans.size > 1 && c.planTitle ? `${cycleLabel(c, t)} – ${shortTitle(c.planTitle)}` : cycleLabel(c, t));
    return cyclesOption(data, label, texts);
  }, [data, t, texts]);
  return (
    <ChartCard
      testId="chart-completeness"
      title={t('progress.dashboard.chartCompleteness')}
      option={option}
      height={320}
      loading={q.isPending}
      emptyText={t('progress.dashboard.completenessEmpty')}
      onExcel={() => downloadProgressExport({ level: 'commune', id: communeId }, 'cycles', { year })}
      pngName={`tinh-day-du-bao-cao-${year}`}
    >
      {q.error ? <ErrorAlert error={q.error} /> : null}
    </ChartCard>
  );
}

/** A province's communes for the year's report cycle; a click opens that commune. */
export function ProvinceCompletenessChart({
  provinceId,
  year,
  period,
  onCommune,
}: {
  provinceId: string;
  year: number;
  period: number;
  onCommune: (communeId: string) => void;
}) {
  const { t } = useTranslation();
  const texts = useCompletenessTexts();
  const labelWidth = useLabelWidth();
  const q = useProvinceCompleteness(provinceId, year, period);
  const communes = q.data?.communes;
  const option = useMemo(
    () => (communes && communes.length > 0 ? provinceCompletenessOption(communes, texts, labelWidth) : null),
    [communes, texts, labelWidth],
  );
  const cadence = period === 0 ? 'yearly' : 'half_yearly';
  return (
    <ChartCard
      testId="chart-completeness"
      title={t('progress.dashboard.chartCompletenessProvince', { cycle: cycleLabel({ kind: 'report', cadence, year, period }, t) })}
      option={option}
      height={horizontalChartHeight(communes?.length ?? 0)}
      loading={q.isPending}
      emptyText={t('progress.dashboard.completenessEmpty')}
      onExcel={() => downloadProgressExport({ level: 'province', id: provinceId }, 'completeness', { kind: 'report', cadence, year, period })}
      pngName={`tinh-day-du-bao-cao-cac-xa-${year}`}
      onChartClick={(e) => {
        const row = communes?.[tooltipIndex(e)];
        if (row) onCommune(row.communeId);
      }}
    >
      {q.error ? <ErrorAlert error={q.error} /> : null}
    </ChartCard>
  );
}
