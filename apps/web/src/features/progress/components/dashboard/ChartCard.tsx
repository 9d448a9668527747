import { useRef, type ReactNode } from 'react';
import { Button, Card, Empty, Flex, Grid, Skeleton } from 'antd';
import { FileExcelOutlined, FileImageOutlined } from '@ant-design/icons';
import type { ECElementEvent } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import { EChart, downloadDataUrl, type EChartHandle } from '../../../../components/ui/EChart';
import type { ProgressChartOption } from '../../chartOptions';
import { useDownload } from '../../useDownload';
import './echarts';

export interface ChartCardProps {
  /** data-testid of the card; the buttons get `<testId>-excel` and `<testId>-png`. */
  testId: string;
  title: ReactNode;
  option: ProgressChartOption | null;
  height: number;
  loading?: boolean;
  /** Shown instead of the chart when there is nothing to draw. */
  emptyText?: string;
  /** Download the chart's table from the server (same query as the chart). */
  onExcel: () => Promise<void>;
  /** File name of the PNG, without extension. */
  pngName: string;
  onChartClick?: (e: ECElementEvent) => void;
  /** Controls above the chart (e.g. an indicator picker). */
  toolbar?: ReactNode;
  /** Below the chart (e.g. the table behind it). */
  children?: ReactNode;
}

/** A dashboard chart in a card, with "Tải Excel" and "Tải PNG". */
export function ChartCard({ testId, title, option, height, loading, emptyText, onExcel, pngName, onChartClick, toolbar, children }: ChartCardProps) {
  const { t } = useTranslation();
  const chartRef = useRef<EChartHandle>(null);
  const dl = useDownload();
  // On a phone the buttons go under the title, where they do not squeeze it.
  const narrow = !Grid.useBreakpoint().sm;
  const savePng = () => {
    const url = chartRef.current?.getDataURL();
    if (url) downloadDataUrl(url, `${pngName}.png`);
  };
  const extra = (
    <Flex gap={4} wrap>
      <Button size="small" icon={<FileExcelOutlined />} loading={dl.busy === 'excel'} onClick={() => dl.run('excel', onExcel)} data-testid={`${testId}-excel`}>
        {t('progress.downloadExcel')}
      </Button>
      <Button size="small" icon={<FileImageOutlined />} disabled={!option} onClick={savePng} data-testid={`${testId}-png`}>
        {t('progress.downloadPng')}
      </Button>
    </Flex>
  );
  return (
    <Card
      size="small"
      data-testid={testId}
      title={<span style={{ whiteSpace: 'normal' }}>{title}</span>}
      extra={narrow ? undefined : extra}
      style={{ height: '100%' }}
    >
      {narrow ? <div style={{ marginBottom: 12 }}>{extra}</div> : null}
      {toolbar ? <div style={{ marginBottom: 12 }}>{toolbar}</div> : null}
      {loading && !option ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {!loading && !option ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('progress.noData')} /> : null}
      {option ? (
        <EChart
          ref={chartRef}
          option={option}
          height={height}
          onClick={onChartClick}
          testId={`${testId}-canvas`}
          ariaLabel={typeof title === 'string' ? title : undefined}
        />
      ) : null}
      {children}
    </Card>
  );
}
