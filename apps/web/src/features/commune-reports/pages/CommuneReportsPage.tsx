import { Button, Card, Flex, Grid, Table, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi, type CommuneReportSummary } from '@tds/contracts';
import { useCommuneReports } from '../api';
import { dayVi } from '../dates';
import { LateMark, StandingTag } from '../components/StandingTag';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { useCommune } from '../../../lib/session';
import { usePaging } from '../../../lib/paging';

/** "Báo cáo lên tỉnh": what the commune owes its province, each period with its report's status. */
export default function CommuneReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { communeId, commune } = useCommune();
  const paging = usePaging(20);
  const list = useCommuneReports(communeId, paging.page, paging.pageSize);
  const compact = !Grid.useBreakpoint().sm;
  if (!communeId) return <NoCommune />;

  const open = (r: CommuneReportSummary) => (
    <Button
      size="small"
      icon={<EyeOutlined />}
      onClick={() => void navigate(`/commune-reports/${r.communeId}/${r.id}`)}
      data-testid={`open-commune-report-${r.year}-${r.periodKind}`}
    >
      {t('communeReports.actions.open')}
    </Button>
  );
  const status = (r: CommuneReportSummary) => (
    <Flex wrap gap={4}>
      <StandingTag standing={r.standing} testId={`commune-report-status-${r.year}-${r.periodKind}`} />
      <LateMark late={r.late} />
    </Flex>
  );
  const columns: ColumnsType<CommuneReportSummary> = compact
    ? [
        {
          key: 'card',
          render: (_, r) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                {r.title}
              </Typography.Text>
              <Typography.Text type="secondary">{t('communeReports.dueOn', { date: formatDateVi(r.dueDate) })}</Typography.Text>
              {status(r)}
              <div>{open(r)}</div>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('communeReports.columns.title'), key: 'title', render: (_, r) => r.title },
        { title: t('communeReports.columns.dueDate'), key: 'due', width: 120, render: (_, r) => formatDateVi(r.dueDate) },
        { title: t('communeReports.columns.status'), key: 'status', width: 220, render: (_, r) => status(r) },
        { title: t('communeReports.columns.submittedAt'), key: 'sub', width: 120, render: (_, r) => dayVi(r.submittedAt) || '—', responsive: ['md'] },
        { title: t('communeReports.columns.actions'), key: 'act', width: 100, render: (_, r) => open(r) },
      ];
  return (
    <div>
      <PageHeader title={t('communeReports.commune.title')} subtitle={commune?.name ?? t('communeReports.commune.subtitle')} />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card size="small">
        <div data-testid="commune-reports-table">
          <Table<CommuneReportSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            showHeader={!compact}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: t('communeReports.commune.empty') }}
          />
        </div>
      </Card>
    </div>
  );
}
