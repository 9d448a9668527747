import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Grid, Select, Table, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { inspectionStatuses, vietnamYear, type InspectionStatus, type InspectionSummary } from '@tds/contracts';
import { downloadInspections, useInspections } from '../api';
import { InspectionFormDrawer } from '../components/InspectionFormDrawer';
import { InspectionStatusTag } from '../components/StatusTags';
import { filterUnitNode, unitTreeSelectData, useUnitTree } from '../../org';
import { errorText } from '../../../lib/errors';
import { formatDateVi } from '../../../lib/format';
import { usePaging } from '../../../lib/paging';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { SearchInput } from '../../../components/ui/SearchInput';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The commune's inspections: the latest visit first, by year, unit and status; a new visit for the office. */
export default function InspectionsPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Inspections key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

const when = (i: Pick<InspectionSummary, 'visitDate' | 'visitTime'>) => `${formatDateVi(i.visitDate)}${i.visitTime ? ` ${i.visitTime}` : ''}`;

function Inspections({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const compact = !Grid.useBreakpoint().md;
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const thisYear = vietnamYear();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [status, setStatus] = useState<InspectionStatus | undefined>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const tree = useUnitTree(communeId);
  const filters = { year, unitId, status, q: q || undefined };
  const list = useInspections(communeId, { page, pageSize, ...filters });
  const years = Array.from({ length: thisYear - 2024 + 1 }, (_, i) => thisYear + 1 - i);
  const title = (i: InspectionSummary) => (
    <Link to={`/inspections/${communeId}/${i.id}`} data-testid="inspection-row-link" style={{ overflowWrap: 'anywhere' }}>
      {i.title}
    </Link>
  );
  const recs = (i: InspectionSummary) => (i.recommendations ? t('inspections.openOf', { open: i.openRecommendations, total: i.recommendations }) : '–');

  const compactColumns: TableProps<InspectionSummary>['columns'] = [
    {
      key: 'c',
      render: (_: unknown, i) => (
        <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="inspection-row">
          <strong>{title(i)}</strong>
          <span>{when(i)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {i.units.map((u) => u.name).join('; ')}
          </Typography.Text>
          <Flex gap={4} wrap align="center">
            <InspectionStatusTag status={i.status} />
            {i.rating ? <span>{t(`inspections.rating.${i.rating}`)}</span> : null}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('inspections.col.recommendations')}: {recs(i)}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
  ];
  const columns: TableProps<InspectionSummary>['columns'] = [
    { key: 'date', title: t('inspections.col.date'), width: 110, render: (_: unknown, i) => <span data-testid="inspection-row">{when(i)}</span> },
    { key: 'name', title: t('inspections.col.name'), render: (_: unknown, i) => <div style={{ maxWidth: 300, whiteSpace: 'normal' }}>{title(i)}</div> },
    {
      key: 'units',
      title: t('inspections.col.units'),
      render: (_: unknown, i) => <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{i.units.map((u) => u.name).join('; ')}</div>,
    },
    {
      key: 'status',
      title: t('inspections.col.status'),
      width: 150,
      render: (_: unknown, i) => (
        <Flex vertical gap={2} align="flex-start">
          <InspectionStatusTag status={i.status} />
          {i.rating ? (
            <span>
              {t('inspections.col.rating')}: {t(`inspections.rating.${i.rating}`)}
            </span>
          ) : null}
        </Flex>
      ),
    },
    { key: 'recs', title: t('inspections.col.recommendations'), width: 110, render: (_: unknown, i) => recs(i) },
  ];

  return (
    <div>
      <PageHeader
        title={t('inspections.title')}
        subtitle={communeName}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadInspections(communeId, filters).catch((e: unknown) => void message.error(errorText(e)))}
              data-testid="inspection-export"
            >
              {t('inspections.exportList')}
            </Button>
            {list.data?.can.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="inspection-create">
                {t('inspections.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <Select<number>
            allowClear
            placeholder={t('inspections.allYears')}
            aria-label={t('inspections.allYears')}
            value={year}
            onChange={(y) => {
              setYear(y ?? undefined);
              setPage(1);
            }}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 120 }}
            data-testid="inspection-year"
          />
          <TreeSelect
            allowClear
            showSearch
            filterTreeNode={filterUnitNode}
            placeholder={t('inspections.allUnits')}
            aria-label={t('inspections.allUnits')}
            value={unitId}
            onChange={(v: string | undefined) => {
              setUnitId(v ?? undefined);
              setPage(1);
            }}
            treeData={unitTreeSelectData(tree.data)}
            style={{ width: 240, maxWidth: '100%' }}
            data-testid="inspection-unit-filter"
          />
          <Select<InspectionStatus>
            allowClear
            placeholder={t('inspections.allStatuses')}
            aria-label={t('inspections.allStatuses')}
            value={status}
            onChange={(s) => {
              setStatus(s ?? undefined);
              setPage(1);
            }}
            options={inspectionStatuses.map((s) => ({ value: s, label: t(`inspections.status.${s}`) }))}
            style={{ width: 180 }}
            data-testid="inspection-status-filter"
          />
          <SearchInput
            placeholder={t('inspections.search')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
            style={{ width: 240, maxWidth: '100%' }}
            testId="inspection-search"
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="inspection-table">
          <Table<InspectionSummary>
            rowKey="id"
            size="small"
            columns={compact ? compactColumns : columns}
            showHeader={!compact}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={compact ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: t('inspections.empty') }}
          />
        </div>
      </Card>
      {list.data?.can.create ? (
        <InspectionFormDrawer
          communeId={communeId}
          open={creating}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            void navigate(`/inspections/${communeId}/${d.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
