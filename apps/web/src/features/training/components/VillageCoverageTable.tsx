import { Card, Grid, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '@tds/contracts';
import { formatNumber } from '../../../lib/format';
import { formatPercent } from '../trainingText';

type VillageRow = Coverage['villages'][number];

/** Coverage per village. On a phone each village is one block of figures, so nothing scrolls sideways. */
export function VillageCoverageTable({ coverage, loading }: { coverage: Coverage | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().sm;
  const adults = (n: number | null) => (n === null ? <Typography.Text type="secondary">{t('training.notEntered')}</Typography.Text> : formatNumber(n));
  const ratio = (v: VillageRow) => (v.adults === null ? '—' : formatPercent(v.ratio));
  const team = (active: boolean) => (active ? <Tag color="green">{t('training.overview.teamActive')}</Tag> : <Tag>{t('training.overview.teamNone')}</Tag>);
  const L = {
    adults: t('training.overview.adults'),
    residents: t('training.overview.residentsShort'),
    trained: t('training.overview.trainedShort'),
    ratio: t('training.overview.ratio'),
    sessions: t('training.overview.sessionsShort'),
    helped: t('training.overview.helpedShort'),
    vneid: t('training.overview.vneidShort'),
    team: t('training.overview.activeTeam'),
  };

  const compactColumns: TableProps<VillageRow>['columns'] = [
    {
      key: 'village',
      render: (_: unknown, v) => (
        <div style={{ minWidth: 0 }} data-testid="training-village-row">
          <Typography.Text strong>{v.villageName}</Typography.Text> {team(v.activeTeam)}
          <dl style={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: '2px 12px', margin: '6px 0 0', fontSize: 13 }}>
            {(
              [
                [L.adults, adults(v.adults)],
                [L.trained, `${formatNumber(v.trained)} (${ratio(v)})`],
                [L.residents, formatNumber(v.residents)],
                [L.sessions, formatNumber(v.sessions)],
                [L.helped, formatNumber(v.helped)],
                [L.vneid, formatNumber(v.vneidLevel2)],
              ] as const
            ).map(([label, value]) => (
              <div key={label} style={{ display: 'contents' }}>
                <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{label}</dt>
                <dd style={{ margin: 0, textAlign: 'right' }}>{value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ),
    },
  ];

  const num = (key: keyof VillageRow, title: string, responsive?: ('md' | 'lg' | 'xl')[]) => ({
    key,
    title,
    dataIndex: key,
    align: 'right' as const,
    responsive,
    render: (n: number) => formatNumber(n),
  });
  const columns: TableProps<VillageRow>['columns'] = [
    { key: 'name', title: t('training.village'), dataIndex: 'villageName', render: (n: string) => <span data-testid="training-village-row">{n}</span> },
    { key: 'adults', title: L.adults, dataIndex: 'adults', align: 'right', render: adults },
    num('residents', L.residents, ['xl']),
    num('trained', L.trained),
    { key: 'ratio', title: L.ratio, align: 'right', render: (_: unknown, v) => ratio(v) },
    num('sessions', L.sessions, ['md']),
    num('helped', L.helped, ['xl']),
    num('vneidLevel2', L.vneid, ['xl']),
    { key: 'team', title: L.team, dataIndex: 'activeTeam', render: team, responsive: ['md'] },
  ];

  return (
    <Card size="small" title={t('training.overview.byVillage')} style={{ marginBottom: 16 }} data-testid="training-villages">
      <Table<VillageRow>
        rowKey="villageId"
        size="small"
        columns={compact ? compactColumns : columns}
        showHeader={!compact}
        dataSource={coverage?.villages ?? []}
        loading={loading}
        pagination={{ hideOnSinglePage: true, pageSize: 20 }}
        scroll={compact ? undefined : { x: 'max-content' }}
      />
    </Card>
  );
}
