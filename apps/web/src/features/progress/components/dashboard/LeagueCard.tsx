import { useMemo } from 'react';
import { Button, Select, Table, Typography, Grid } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IndicatorProgress, LeagueRow } from '@tds/contracts';
import { downloadProgressExport, useLeague, type ProgressScopeRef } from '../../api';
import { horizontalChartHeight, leagueChartRows, leagueOption, leagueRows, tooltipIndex } from '../../chartOptions';
import { formatFigure, formatPct } from '../../progressStatus';
import { formatNumber, selectFilter } from '../../../../lib/format';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { ChartCard } from './ChartCard';
import { useLabelWidth } from './useLabelWidth';

/** The indicator the league shows: the one asked for if it exists, else the first with a target, else the first. */
export function pickLeagueIndicator(progress: IndicatorProgress | undefined, wanted: string | null): string | null {
  const all = progress?.pillars.flatMap((p) => p.indicators) ?? [];
  if (wanted && all.some((r) => r.code === wanted)) return wanted;
  return (all.find((r) => r.target !== null) ?? all[0])?.code ?? null;
}

/**
 * Units of the commune (or communes of the province) ranked on one indicator: a chart and its table.
 * A click on a row opens it: a unit's history, or the commune's own dashboard.
 */
export function LeagueCard({
  scope,
  progress,
  indicatorCode,
  onIndicator,
  year,
  period,
  onOpen,
}: {
  scope: ProgressScopeRef;
  progress: IndicatorProgress | undefined;
  indicatorCode: string | null;
  onIndicator: (code: string) => void;
  year: number;
  period: number;
  onOpen: (row: LeagueRow) => void;
}) {
  const { t } = useTranslation();
  const labelWidth = useLabelWidth();
  const code = pickLeagueIndicator(progress, indicatorCode);
  const q = useLeague(scope, code, year, period);
  const rows = useMemo(() => (q.data ? leagueRows(q.data) : []), [q.data]);
  const chartRows = useMemo(() => (q.data ? leagueChartRows(q.data) : []), [q.data]);
  const measure = q.data?.indicator.measure ?? '';
  const option = useMemo(
    () =>
      q.data && chartRows.length > 0
        ? leagueOption(
            q.data,
            { value: t('progress.value'), target: t('progress.target'), achievement: t('progress.achievement'), rank: t('progress.dashboard.rank') },
            labelWidth,
          )
        : null,
    [q.data, chartRows.length, t, labelWidth],
  );
  const province = scope.level === 'province';
  // Phones: names wrap and the rank column narrows, so the table fits the screen without sideways scroll.
  const compact = !Grid.useBreakpoint().sm;

  const options = (progress?.pillars ?? []).map((p) => ({
    label: t(`progress.pillars.${p.pillar}`),
    title: t(`progress.pillars.${p.pillar}`),
    options: p.indicators.map((r) => ({ value: r.code, label: r.name, searchText: `${r.code} ${r.name}` })),
  }));

  const columns: TableProps<LeagueRow>['columns'] = [
    { title: t('progress.dashboard.rank'), dataIndex: 'rank', width: compact ? 40 : 64, align: 'center', render: (r: number | null) => r ?? '—' },
    {
      title: province ? t('progress.dashboard.commune') : t('progress.dashboard.unitOrCommune'),
      dataIndex: 'name',
      render: (name: string, r) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onOpen(r)}
          data-testid={`league-row-${r.code}`}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('progress.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: number | null, r) => (
        <span>
          {formatFigure(v, measure)}
          {r.numerator !== null && r.denominator !== null ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatNumber(r.numerator)} / {formatNumber(r.denominator)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
    { title: t('progress.target'), dataIndex: 'target', align: 'right', responsive: ['sm'], render: (v: number | null) => formatFigure(v, measure) },
    { title: t('progress.achievement'), dataIndex: 'achievementPct', align: 'right', render: (v: number | null) => formatPct(v) },
  ];

  return (
    <ChartCard
      testId="chart-league"
      title={province ? t('progress.dashboard.leagueCommunes') : t('progress.dashboard.leagueUnits')}
      option={option}
      height={horizontalChartHeight(chartRows.length)}
      loading={q.isPending && !!code}
      emptyText={t('progress.dashboard.leagueEmpty')}
      onExcel={() => downloadProgressExport(scope, 'league', { indicatorCode: code, year, period })}
      pngName={`xep-hang-${code ?? ''}-${year}`}
      onChartClick={(e) => {
        const row = chartRows[tooltipIndex(e)];
        if (row) onOpen(row);
      }}
      toolbar={
        <>
          <Select
            value={code ?? undefined}
            onChange={onIndicator}
            options={options}
            placeholder={t('progress.dashboard.chooseIndicator')}
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            style={{ width: '100%', maxWidth: 560 }}
            data-testid="league-indicator"
            aria-label={t('progress.indicator')}
          />
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 4 }}>
            {province ? t('progress.dashboard.leagueHintProvince') : t('progress.dashboard.leagueHintCommune')}
          </Typography.Text>
        </>
      }
    >
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {rows.length > 0 ? (
        <Table<LeagueRow>
          style={{ marginTop: 12 }}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={rows}
          pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={compact ? undefined : { x: 'max-content' }}
          data-testid="league-table"
        />
      ) : null}
    </ChartCard>
  );
}
