import { useState } from 'react';
import { Button, Card, Grid, Table, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { dueItemStatuses, type ReportDueItem } from '@tds/contracts';
import { useDueItems, useOpenReport } from '../../api';
import { lateKind, vietnamYear } from '../../reportForm';
import { LateTag, ReportStatusTag } from '../StatusTags';
import { CycleText } from './CycleText';
import { itemColumns } from './itemColumns';
import { ReportFilters, type ReportFilterValues } from './ReportFilters';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { usePaging } from '../../../../lib/paging';

/** Where a due item's "open" goes: its report, a new report, or the registration form. */
function registrationLink(d: ReportDueItem): string {
  return `/registration?planId=${encodeURIComponent(d.planId)}&year=${d.year}&unitId=${encodeURIComponent(d.unitId)}`;
}

/** "Việc phải nộp": what units owe, with their report's status; open a report from here. Unit users start on their own unit. */
export function DueItemsTab({ communeId, ownUnitId }: { communeId: string; ownUnitId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [filters, setFilters] = useState<ReportFilterValues>({ year: vietnamYear(), unitId: ownUnitId });
  const list = useDueItems(communeId, { page, pageSize, ...filters });
  const open = useOpenReport(communeId);
  const [opening, setOpening] = useState<string | null>(null);
  const compact = !Grid.useBreakpoint().sm;

  const openItem = (d: ReportDueItem) => {
    if (d.kind === 'registration') return void navigate(registrationLink(d));
    if (d.report) return void navigate(`/reports/${d.report.id}`);
    setOpening(d.id);
    open.mutate(d.id, {
      onSuccess: (r) => void navigate(`/reports/${r.id}`),
      onSettled: () => setOpening(null),
    });
  };

  const statusTags = (d: ReportDueItem) => (
    <>
      <ReportStatusTag status={d.status} testId={`due-status-${d.id}`} />
      <LateTag kind={lateKind(d)} testId={`due-late-${d.id}`} />
    </>
  );
  const action = (d: ReportDueItem) =>
    d.report || d.canWrite || d.kind === 'registration' ? (
      <Button size="small" icon={<FolderOpenOutlined />} loading={opening === d.id} onClick={() => openItem(d)} data-testid={`open-report-${d.id}`}>
        {d.kind === 'registration' ? t('reporting.actions.openRegistration') : t('reporting.actions.openReport')}
      </Button>
    ) : (
      <Typography.Text type="secondary">—</Typography.Text>
    );
  const content = (d: ReportDueItem) => <CycleText title={d.title} planTitle={d.planTitle} cadence={d.cadence} period={d.period} year={d.year} />;

  const columns = itemColumns<ReportDueItem>(compact, t, {
    unitName: (d) => d.unitName,
    dueDate: (d) => d.dueDate,
    content,
    status: statusTags,
    action,
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
        kinds={['report', 'unit_plan', 'registration']}
        statuses={dueItemStatuses}
        testPrefix="due"
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {open.error ? <ErrorAlert error={open.error} /> : null}
      <div data-testid="due-items-table">
        <Table<ReportDueItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          scroll={compact ? undefined : { x: 'max-content' }}
          showHeader={!compact}
          pagination={paging.config(list.data?.total)}
          locale={{ emptyText: t('reporting.empty.due') }}
        />
      </div>
    </Card>
  );
}
