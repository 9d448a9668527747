import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { breakdownAgeBands, genders, learnerGroups, type TrainingBreakdown } from '@tds/contracts';
import { downloadBreakdownExport, useCoverageBreakdown } from '../api';
import { errorText } from '../../../lib/errors';
import { formatNumber, selectFilter } from '../../../lib/format';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { EmptyText } from './EmptyText';

type Row = TrainingBreakdown['modules'][number];
type Dim = 'group' | 'age' | 'gender';

/**
 * Completions of each module by learner group, age band or gender (one at a time, so that it reads
 * on a phone), for the commune or one village; the table scrolls inside the card (a focusable region, for the keyboard), never the page.
 */
export function ModuleBreakdownCard({ communeId, year, villages }: { communeId: string; year: number; villages: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [dim, setDim] = useState<Dim>('group');
  const [villageId, setVillageId] = useState<string | undefined>();
  const q = useCoverageBreakdown(communeId, year, villageId);
  const b = q.data;
  const rows = (b?.modules ?? []).filter((m) => m.total > 0);
  const count = (n: number) => formatNumber(n);
  const numeric = (key: string, title: string, get: (r: Row) => number): NonNullable<TableProps<Row>['columns']>[number] => ({
    key,
    title: <span style={{ whiteSpace: 'nowrap' }}>{title}</span>,
    align: 'right',
    render: (_: unknown, r) => count(get(r)),
  });
  const parts: Record<Dim, NonNullable<TableProps<Row>['columns']>> = {
    group: learnerGroups.map((g) => numeric(g, t(`training.learnerGroups.${g}`), (r) => r.byGroup[g])),
    age: breakdownAgeBands.map((a) => numeric(a, t(`training.records.ageBands.${a}`, { age: b?.adultAge ?? 15 }), (r) => r.byAgeBand[a])),
    gender: genders.map((g) => numeric(g, t(`people.genders.${g}`), (r) => r.byGender[g])),
  };
  const columns: TableProps<Row>['columns'] = [
    {
      key: 'name',
      title: t('training.module'),
      width: 150,
      render: (_: unknown, r) => <div style={{ whiteSpace: 'normal', overflowWrap: 'anywhere', fontSize: 13 }}>{r.name}</div>,
    },
    ...parts[dim],
    { ...numeric('total', t('training.records.breakdown.total'), (r) => r.total), render: (_: unknown, r) => <strong>{count(r.total)}</strong> },
  ];

  return (
    <Card
      size="small"
      title={t('training.records.breakdown.title')}
      style={{ marginBottom: 16, minWidth: 0 }}
      data-testid="training-module-breakdown"
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          onClick={() => void downloadBreakdownExport(communeId, year, villageId).catch((e: unknown) => void message.error(errorText(e)))}
          data-testid="training-breakdown-export"
        >
          {t('training.records.exportExcel')}
        </Button>
      }
    >
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Segmented<Dim>
          value={dim}
          onChange={setDim}
          aria-label={t('training.records.breakdown.by')}
          options={[
            { value: 'group', label: t('training.records.breakdown.byGroup') },
            { value: 'age', label: t('training.records.breakdown.byAgeBand') },
            { value: 'gender', label: t('training.records.breakdown.byGender') },
          ]}
          data-testid="training-breakdown-dim"
        />
        <Select<string>
          allowClear
          showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
          placeholder={t('training.allVillages')}
          aria-label={t('training.village')}
          value={villageId}
          onChange={setVillageId}
          options={villages.map((v) => ({ value: v.id, label: v.name }))}
          style={{ minWidth: 180, maxWidth: '100%' }}
          data-testid="training-breakdown-village"
        />
      </Flex>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {b ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t('training.records.breakdown.hint', { age: b.adultAge, year: b.year })}
        </Typography.Paragraph>
      ) : null}
      {/* A deliberate horizontal scroll inside the card (the page itself never scrolls sideways). */}
      <div
        data-hscroll
        role="region"
        aria-label={t('training.records.breakdown.title')}
        tabIndex={0}
        style={{ overflowX: 'auto', minWidth: 0 }}
        data-testid="training-breakdown-scroll"
      >
        <Table<Row>
          rowKey="code"
          size="small"
          loading={q.isFetching}
          pagination={false}
          dataSource={rows}
          columns={columns}
          locale={{ emptyText: <EmptyText>{t('training.records.breakdown.empty')}</EmptyText> }}
        />
      </div>
    </Card>
  );
}
