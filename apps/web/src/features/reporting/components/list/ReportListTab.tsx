import { useState } from 'react';
import { Button, Card, Grid, Table } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, reportStatuses, type ReportStatus, type ReportSummary } from '@tds/contracts';
import { useReports } from '../../api';
import { lateKind } from '../../reportForm';
import { LateTag, ReportStatusTag } from '../StatusTags';
import { CycleText } from './CycleText';
import { itemColumns } from './itemColumns';
import { ReportFilters, type ReportFilterValues } from './ReportFilters';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { usePaging } from '../../../../lib/paging';

/**
 * Reports of the commune: the review queue (`status` fixed to submitted) or all of them with a
 * status filter. A row opens the report.
 */
export function ReportListTab({ communeId, status, testId }: { communeId: string; status?: ReportStatus; testId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [filters, setFilters] = useState<ReportFilterValues>({});
  const compact = !Grid.useBreakpoint().sm;
  const { kind, status: chosen, ...rest } = filters;
  const list = useReports(communeId, {
    page,
    pageSize,
    ...rest,
    kind: kind === 'registration' ? undefined : kind,
    status: status ?? (chosen === 'missing' ? undefined : chosen),
  });

  const statusTags = (r: ReportSummary) => (
    <>
      <ReportStatusTag status={r.status} testId={`report-status-${r.id}`} />
      <LateTag kind={lateKind(r)} />
    </>
  );
  const action = (r: ReportSummary) => (
    <Button size="small" icon={<EyeOutlined />} onClick={() => void navigate(`/reports/${r.id}`)} data-testid={`review-report-${r.id}`}>
      {status === 'submitted' ? t('reporting.actions.review') : t('reporting.actions.view')}
    </Button>
  );
  const content = (r: ReportSummary) => <CycleText title={r.title} cadence={r.cadence} period={r.period} year={r.year} />;

  const columns = itemColumns<ReportSummary>(compact, t, {
    unitName: (r) => r.unitName,
    dueDate: (r) => r.dueDate,
    content,
    status: statusTags,
    action,
    extra: [
      {
        title: t('reporting.columns.submittedAt'),
        dataIndex: 'submittedAt',
        width: 150,
        render: (v: string | null) => formatDateTimeVi(v) || '—',
        responsive: ['md'],
      },
    ],
  });

  return (
    <Card size="small">
      <ReportFilters
        communeId={communeId}
        value={filters}
        onChange={(v) => {
          setFilters(v);
          setPage(1);
        }}
        kinds={['report', 'unit_plan']}
        statuses={status ? [] : reportStatuses}
        testPrefix={testId}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <div data-testid={`${testId}-table`}>
        <Table<ReportSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={compact ? undefined : { x: 'max-content' }}
          showHeader={!compact}
          pagination={paging.config(list.data?.total)}
          locale={{ emptyText: status === 'submitted' ? t('reporting.empty.queue') : t('reporting.empty.reports') }}
        />
      </div>
    </Card>
  );
}
