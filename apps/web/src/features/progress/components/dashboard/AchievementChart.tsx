import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress } from '@tds/contracts';
import { downloadProgressExport, type ProgressScopeRef } from '../../api';
import { achievementOption, achievementRows, horizontalChartHeight } from '../../chartOptions';
import { ChartCard } from './ChartCard';
import { useLabelWidth } from './useLabelWidth';

/** Achievement % per indicator with a target, against the elapsed share of the period. */
export function AchievementChart({
  scope,
  data,
  loading,
  year,
  period,
}: {
  scope: ProgressScopeRef;
  data: IndicatorProgress | undefined;
  loading: boolean;
  year: number;
  period: number;
}) {
  const { t } = useTranslation();
  const labelWidth = useLabelWidth();
  const rows = data ? achievementRows(data).length : 0;
  const option = useMemo(
    () =>
      data && rows > 0
        ? achievementOption(
            data,
            {
              achievement: t('progress.achievement'),
              target: t('progress.target'),
              value: t('progress.value'),
              elapsed: t('progress.dashboard.elapsed'),
              statusLabel: (s) => t(`progress.statuses.${s}`),
            },
            labelWidth,
          )
        : null,
    [data, rows, t, labelWidth],
  );
  return (
    <ChartCard
      testId="chart-achievement"
      title={t('progress.dashboard.chartAchievement')}
      option={option}
      height={horizontalChartHeight(rows)}
      loading={loading}
      emptyText={t('progress.dashboard.chartAchievementEmpty')}
      onExcel={() => downloadProgressExport(scope, 'indicators', { year, period })}
      pngName={`muc-dat-chi-tieu-${year}`}
    />
  );
}
