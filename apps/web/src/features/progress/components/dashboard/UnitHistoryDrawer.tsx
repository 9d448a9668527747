import { Drawer, Grid, Skeleton, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UnitHistory } from '@tds/contracts';
import { useUnitHistory } from '../../api';
import { cycleLabel } from '../../chartOptions';
import { HISTORY_STATUS_COLORS, formatFigure, historyStatus, todayVn } from '../../progressStatus';
import { formatDateTimeVi, formatDateVi, formatNumber } from '../../../../lib/format';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';

type Item = UnitHistory['items'][number];
type Value = UnitHistory['values'][number];

/** A unit's report cycles (on time, late, missing) and its accepted figures, in a drawer. */
export function UnitHistoryDrawer({
  communeId,
  unitId,
  unitName,
  onClose,
}: {
  communeId: string;
  unitId: string | null;
  unitName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const q = useUnitHistory(communeId, unitId);
  const h = q.data;
  const today = todayVn();

  const itemColumns: TableProps<Item>['columns'] = [
    {
      title: t('progress.dashboard.cycle'),
      key: 'cycle',
      render: (_: unknown, r) => (
        <span>
          {r.reportId ? <Link to={`/reports/${r.reportId}`}>{cycleLabel(r, t)}</Link> : cycleLabel(r, t)}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {r.title}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('progress.dashboard.dueDate'), dataIndex: 'dueDate', width: 110, render: (d: string) => formatDateVi(d) },
    {
      title: t('progress.status'),
      dataIndex: 'status',
      width: 120,
      render: (_: Item['status'], r) => {
        const s = historyStatus(r, today);
        return <Tag color={HISTORY_STATUS_COLORS[s]}>{t(`progress.unitStatuses.${s}`)}</Tag>;
      },
    },
    {
      title: t('progress.dashboard.reportStatus'),
      dataIndex: 'reportStatus',
      responsive: ['sm'],
      render: (s: string | null, r) => (
        <span>
          {s ? t(`progress.dashboard.reportStatuses.${s}`, { defaultValue: s }) : '—'}
          {r.submittedAt ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatDateTimeVi(r.submittedAt)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
  ];

  const valueColumns: TableProps<Value>['columns'] = [
    {
      title: t('progress.indicator'),
      dataIndex: 'indicatorName',
      render: (n: string, r) => (
        <span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.indicatorCode}
          </Typography.Text>{' '}
          {n}
        </span>
      ),
    },
    {
      title: t('progress.period'),
      key: 'when',
      width: 130,
      render: (_: unknown, r) => `${r.year}${r.period ? ` · ${t(`progress.periods.${r.period}`)}` : ''}`,
    },
    {
      title: t('progress.value'),
      dataIndex: 'value',
      align: 'right',
      render: (v: number | null, r) => (
        <span>
          {formatFigure(v, r.measure)}
          {r.numerator !== null && r.denominator !== null ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {formatNumber(r.numerator)} / {formatNumber(r.denominator)}
            </Typography.Text>
          ) : null}
        </span>
      ),
    },
  ];

  return (
    <Drawer
      open={!!unitId}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={t('progress.dashboard.history', { name: h?.unit.name ?? unitName })}
      data-testid="unit-history"
    >
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.isPending && unitId ? <Skeleton active /> : null}
      {h ? (
        <>
          <Typography.Paragraph type="secondary">
            {t('progress.dashboard.historyTotals', h.totals)}
            {h.unit.activeFrom || h.unit.activeTo ? (
              <span style={{ display: 'block' }}>
                {t('progress.dashboard.activePeriod', {
                  from: h.unit.activeFrom ? formatDateVi(h.unit.activeFrom) : '…',
                  to: h.unit.activeTo ? formatDateVi(h.unit.activeTo) : '…',
                })}
              </span>
            ) : null}
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('progress.dashboard.historyItems')}</Typography.Title>
          <Table<Item>
            rowKey="dueItemId"
            size="small"
            columns={itemColumns}
            dataSource={h.items}
            pagination={h.items.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 'max-content' }}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('progress.dashboard.historyValues')}
          </Typography.Title>
          <Table<Value>
            rowKey={(r) => `${r.indicatorCode}-${r.year}-${r.period}`}
            size="small"
            columns={valueColumns}
            dataSource={h.values}
            pagination={h.values.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 'max-content' }}
          />
        </>
      ) : null}
    </Drawer>
  );
}
