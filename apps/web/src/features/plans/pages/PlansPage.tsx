import { useState } from 'react';
import { usePaging } from '../../../lib/paging';
import { Button, Card, Flex, Grid, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { CalendarOutlined, FileAddOutlined, ImportOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { planStatuses, type PlanSummary } from '@tds/contracts';
import { usePlans, type PlanStatus } from '../api';
import { StatusTag } from '../components/detail/OverviewTab';
import { planDateVi } from '../planText';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { formatDateTimeVi } from '../../../lib/format';

export default function PlansPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <PlansPageInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function PlansPageInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<PlanStatus | undefined>();
  const list = usePlans(communeId, { page, pageSize, q: q || undefined, status });
  // Phones: one column holding title, number, date and status, so the list never scrolls sideways.
  const compact = !Grid.useBreakpoint().sm;

  const titleCell = (title: string, p: PlanSummary) => (
    <Flex vertical align="flex-start">
      <Link to={`/plans/${p.id}`} data-testid="plan-row-title">
        {title || t('plans.untitled')}
      </Link>
      {p.parent ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plans.parent')}: {p.parent.title}
        </Typography.Text>
      ) : null}
      {p.ownerUnitName ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plans.ownerUnit')}: {p.ownerUnitName}
        </Typography.Text>
      ) : null}
    </Flex>
  );

  const compactColumns: TableProps<PlanSummary>['columns'] = [
    {
      key: 'plan',
      render: (_: unknown, p) => (
        <Flex vertical gap={4} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {titleCell(p.title, p)}
          <Flex wrap gap={8} align="center">
            <Typography.Text type="secondary">{[p.number, planDateVi(p.date)].filter(Boolean).join(' · ') || '—'}</Typography.Text>
            <StatusTag status={p.status} />
          </Flex>
        </Flex>
      ),
    },
  ];

  const columns: TableProps<PlanSummary>['columns'] = [
    { title: t('plans.planTitle'), dataIndex: 'title', minWidth: 280, render: titleCell },
    { title: t('plans.number'), dataIndex: 'number', width: 140, render: (n: string | null) => n ?? '—' },
    { title: t('plans.date'), dataIndex: 'date', width: 120, render: (d: string | null) => planDateVi(d) || '—', responsive: ['sm'] },
    { title: t('common.status'), dataIndex: 'status', width: 130, render: (s: PlanStatus) => <StatusTag status={s} /> },
    { title: t('plans.version'), dataIndex: 'version', width: 90, align: 'right', responsive: ['md'] },
    { title: t('plans.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (d: string) => formatDateTimeVi(d), responsive: ['lg'] },
  ];

  return (
    <div>
      <PageHeader
        title={t('plans.title')}
        subtitle={communeName}
        extra={
          <>
            <Button icon={<CalendarOutlined />} onClick={() => void navigate('/calendar')}>
              {t('nav.calendar')}
            </Button>
            {list.data?.can.createCommunePlan ? (
              <Button icon={<ImportOutlined />} onClick={() => void navigate('/plans/import')} data-testid="plan-import">
                {t('plans.importFromText')}
              </Button>
            ) : null}
            {list.data?.can.createCommunePlan || list.data?.can.createUnitPlan ? (
              <>
                <Button type="primary" icon={<FileAddOutlined />} onClick={() => void navigate('/plans/new')} data-testid="plan-create-template">
                  {t('plans.createFromTemplate')}
                </Button>
              </>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput
            testId="plan-search"
            placeholder={t('common.search')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <Select<PlanStatus>
            allowClear
            placeholder={t('plans.allStatuses')}
            aria-label={t('plans.allStatuses')}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={planStatuses.map((s) => ({ value: s, label: t(`plans.statuses.${s}`) }))}
            style={{ width: 180 }}
            data-testid="plan-status-filter"
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="plans-table">
          <Table<PlanSummary>
            rowKey="id"
            size="middle"
            columns={compact ? compactColumns : columns}
            showHeader={!compact}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={compact ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
          />
        </div>
      </Card>
    </div>
  );
}
