import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Coverage } from '@tds/contracts';
import { formatNumber } from '../../../lib/format';

type ModuleRow = Coverage['modules'][number];

/** How many residents completed each skill module in the year (by its name; the basic ones marked). */
export function ModulesCard({ coverage, loading }: { coverage: Coverage | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const basic = new Set(coverage?.basicModules ?? []);
  return (
    <Card size="small" title={t('training.overview.modules')} style={{ marginBottom: 16 }} data-testid="training-modules">
      <Table<ModuleRow>
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={coverage?.modules ?? []}
        pagination={false}
        columns={[
          {
            key: 'name',
            title: t('training.module'),
            render: (_: unknown, m) => (
              <span style={{ overflowWrap: 'anywhere' }}>
                {m.name} {basic.has(m.code) ? <Tag color="blue">{t('training.overview.basic')}</Tag> : null}
              </span>
            ),
          },
          { key: 'n', title: t('training.overview.completions'), dataIndex: 'completions', align: 'right', width: 110, render: (n: number) => formatNumber(n) },
        ]}
      />
    </Card>
  );
}
