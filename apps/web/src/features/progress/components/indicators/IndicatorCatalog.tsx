import { useMemo, useState } from 'react';
import { Alert, Button, Descriptions, Flex, Select, Switch, Table, Tag, Typography, Grid } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { indicatorPillars, searchKey, type Indicator, type IndicatorPillar } from '@tds/contracts';
import { useIndicators, useIndicatorsCan, useNationalIndicators } from '../../api';
import { IndicatorFormDrawer } from './IndicatorFormDrawer';
import { IndicatorNameCell } from './IndicatorNameCell';
import { IndicatorKindsModal, UnitKindsText } from './IndicatorKindsModal';
import { SearchInput } from '../../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { formatNumber } from '../../../../lib/format';

/** "≥ 4: 20 điểm", "≥ 3: 15 điểm", … (≤ for lower-is-better indicators). */
function ScoreBands({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  if (!indicator.scoreBands?.length) return <>—</>;
  const key = indicator.direction === 'lower' ? 'progress.indicators.scoreBandLower' : 'progress.indicators.scoreBand';
  const bands = indicator.direction === 'lower' ? indicator.scoreBands : [...indicator.scoreBands].reverse();
  return (
    <Flex wrap gap={4}>
      {bands.map((b) => (
        <Tag key={b.min} style={{ marginInlineEnd: 0 }}>
          {t(key, { min: formatNumber(b.min), score: formatNumber(b.score) })}
        </Tag>
      ))}
    </Flex>
  );
}

function IndicatorDetails({ indicator: i }: { indicator: Indicator }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
      <Descriptions.Item label={t('progress.indicators.direction')}>{t(`progress.indicators.directions.${i.direction}`)}</Descriptions.Item>
      <Descriptions.Item label={t('progress.indicators.aggregation')}>{t(`progress.indicators.aggregations.${i.aggregation}`)}</Descriptions.Item>
      {i.aggregation === 'ratio' ? (
        <Descriptions.Item label={`${t('progress.indicators.numeratorLabel')} / ${t('progress.indicators.denominatorLabel')}`} span={2}>
          {i.numeratorLabel ?? '—'} / {i.denominatorLabel ?? '—'}
        </Descriptions.Item>
      ) : null}
      <Descriptions.Item label={t('progress.indicators.scoreBands')} span={2}>
        <ScoreBands indicator={i} />
      </Descriptions.Item>
      <Descriptions.Item label={t('progress.indicators.evidence')} span={2}>
        {i.evidence ?? '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('progress.indicators.kinds')} span={2}>
        <UnitKindsText indicator={i} />
        {i.unitKindsChosen ? ` (${t('progress.indicators.kindsChosen')})` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={t('progress.indicators.verifier')}>{i.verifier ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('progress.indicators.source')}>{t(`progress.indicators.sources.${i.source}`)}</Descriptions.Item>
    </Descriptions>
  );
}

/** The catalogue, national and the commune's own, by pillar; the commune's own can be added and edited. */
export function IndicatorCatalog({ communeId }: { communeId: string | null }) {
  const { t } = useTranslation();
  const own = useIndicators(communeId);
  // What this user may do comes with the list and each indicator (never from permissions held somewhere).
  const listCan = useIndicatorsCan(communeId).data;
  const national = useNationalIndicators(!communeId);
  const list = communeId ? own : national;
  const [pillar, setPillar] = useState<IndicatorPillar | 'all'>('all');
  const [q, setQ] = useState('');
  const [showInactive, setShowInactive] = useState(false);
  const [editing, setEditing] = useState<Indicator | null>(null);
  const [creating, setCreating] = useState(false);
  const [choosing, setChoosing] = useState<Indicator | null>(null);
  // Phones: the name wraps within the screen (no sideways scroll); the unit of measure shows from sm up.
  const compact = !Grid.useBreakpoint().sm;

  const rows = useMemo(() => {
    const key = searchKey(q);
    return (list.data ?? []).filter(
      (i) => (pillar === 'all' || i.pillar === pillar) && (showInactive || i.active) && (!key || searchKey(`${i.code} ${i.name}`).includes(key)),
    );
  }, [list.data, pillar, q, showInactive]);

  const columns: TableProps<Indicator>['columns'] = [
    {
      title: t('progress.indicator'),
      dataIndex: 'name',
      render: (name: string, i) => (
        <IndicatorNameCell
          code={i.code}
          name={name}
          testId={`indicator-row-${i.code}`}
          tags={
            <>
              {i.scope === 'commune' ? <Tag color="purple">{t('progress.indicators.scopes.commune')}</Tag> : null}
              {!i.active ? <Tag>{t('progress.indicators.inactive')}</Tag> : null}
            </>
          }
        />
      ),
    },
    { title: t('progress.indicators.pillar'), dataIndex: 'pillar', width: 140, responsive: ['lg'], render: (p: IndicatorPillar) => t(`progress.pillars.${p}`) },
    { title: t('progress.measure'), dataIndex: 'measure', width: 100, responsive: ['sm'] },
    {
      title: t('progress.indicators.aggregation'),
      dataIndex: 'aggregation',
      width: 150,
      responsive: ['md'],
      render: (a: Indicator['aggregation']) => t(`progress.indicators.aggregations.${a}`),
    },
    {
      title: t('progress.indicators.kinds'),
      key: 'kinds',
      width: 220,
      responsive: ['md'],
      render: (_: unknown, i) => (
        <Typography.Text type={i.unitKinds ? undefined : 'secondary'} data-testid={`indicator-kinds-${i.code}`}>
          <UnitKindsText indicator={i} />
        </Typography.Text>
      ),
    },
    { title: t('progress.indicators.verifier'), dataIndex: 'verifier', width: 180, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 88,
      render: (_: unknown, i) => (
        <Flex gap={4}>
          {i.can.chooseKinds && communeId && i.source === 'report' ? (
            <Button
              size="small"
              icon={<TeamOutlined />}
              onClick={() => setChoosing(i)}
              aria-label={t('progress.indicators.kindsTitle')}
              title={t('progress.indicators.kindsTitle')}
              data-testid={`indicator-choose-kinds-${i.code}`}
            />
          ) : null}
          {i.can.edit && communeId ? (
            <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(i)} aria-label={t('common.edit')} data-testid={`indicator-edit-${i.code}`} />
          ) : null}
        </Flex>
      ),
    },
  ];

  return (
    <div>
      {!communeId ? <Alert type="info" showIcon title={t('progress.indicators.noCommune')} style={{ marginBottom: 12 }} /> : null}
      <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
        <Select<IndicatorPillar | 'all'>
          value={pillar}
          onChange={setPillar}
          options={[
            { value: 'all', label: t('progress.indicators.allPillars') },
            ...indicatorPillars.map((p) => ({ value: p, label: t(`progress.pillars.${p}`) })),
          ]}
          style={{ width: 170 }}
          aria-label={t('progress.indicators.pillar')}
          data-testid="indicator-pillar-filter"
        />
        <SearchInput testId="indicator-search" placeholder={t('common.search')} onSearch={setQ} />
        <Flex gap={6} align="center">
          <Switch size="small" checked={showInactive} onChange={setShowInactive} aria-label={t('progress.indicators.includeInactive')} />
          <Typography.Text>{t('progress.indicators.includeInactive')}</Typography.Text>
        </Flex>
        {listCan?.create && communeId ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="indicator-create" style={{ marginInlineStart: 'auto' }}>
            {t('progress.indicators.create')}
          </Button>
        ) : null}
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<Indicator>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={list.isFetching && !list.data}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        expandable={{ expandedRowRender: (i) => <IndicatorDetails indicator={i} /> }}
        scroll={compact ? undefined : { x: 'max-content' }}
        data-testid="indicator-table"
      />
      {communeId ? <IndicatorKindsModal communeId={communeId} indicator={choosing} onClose={() => setChoosing(null)} /> : null}
      {communeId ? (
        <IndicatorFormDrawer
          communeId={communeId}
          open={creating || !!editing}
          indicator={editing}
          onClose={() => {
            setCreating(false);
            setEditing(null);
          }}
        />
      ) : null}
    </div>
  );
}
