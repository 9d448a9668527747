import { Card, Col, Row, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '@tds/contracts';
import { formatNumber } from '../../../lib/format';
import { formatPercent, shareOf } from '../trainingText';

type Breakdown = Coverage['byGroup'][number];

/** The residents reached and trained by learner group, gender and age band: three small tables. */
export function BreakdownCards({ coverage, loading }: { coverage: Coverage | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const age = coverage?.adultAge ?? 15;
  const parts = [
    {
      key: 'group',
      title: t('training.overview.byGroup'),
      column: t('training.learnerGroup'),
      rows: coverage?.byGroup,
      label: (k: string) => t(`training.learnerGroups.${k}`),
    },
    {
      key: 'gender',
      title: t('training.overview.byGender'),
      column: t('training.gender'),
      rows: coverage?.byGender,
      label: (k: string) => t(`people.genders.${k}`),
    },
    {
      key: 'age',
      title: t('training.overview.byAgeBand'),
      column: t('training.overview.ageBand'),
      rows: coverage?.byAgeBand,
      label: (k: string) => t(`training.ageBands.${k}`, { age }),
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {parts.map((p) => (
        <Col key={p.key} xs={24} lg={8}>
          <Card size="small" title={p.title} style={{ height: '100%' }} data-testid={`training-by-${p.key}`}>
            <Table<Breakdown>
              rowKey="key"
              size="small"
              loading={loading}
              pagination={false}
              dataSource={p.rows ?? []}
              columns={[
                { key: 'k', title: p.column, render: (_: unknown, r) => p.label(r.key) },
                { key: 'r', title: t('training.overview.residentsShort'), dataIndex: 'residents', align: 'right', render: (n: number) => formatNumber(n) },
                { key: 'tr', title: t('training.overview.trainedShort'), dataIndex: 'trained', align: 'right', render: (n: number) => formatNumber(n) },
                {
                  key: 'pct',
                  title: <span style={{ whiteSpace: 'nowrap' }}>{t('training.overview.ratio')}</span>,
                  align: 'right',
                  render: (_: unknown, r) => formatPercent(shareOf(r.trained, r.residents)),
                },
              ]}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
