import { useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Grid, Result, Row, Segmented, Select, Statistic, Table, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { communePeriodKinds, vietnamYear, type CommunePeriodKind, type ProvinceCommuneCounts, type ProvinceCommuneRow } from '@tds/contracts';
import { useProvinceCommuneReports } from '../api';
import { dayVi } from '../dates';
import { LateMark, StandingTag } from '../components/StandingTag';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { useCurrentMe } from '../../../lib/session';
import { usePaging } from '../../../lib/paging';
import { useProvinces } from '../../org';

const YEARS = [2025, 2026, 2027, 2028, 2029, 2030];

/** The provinces a user reviews: a province officer's own; every province for a system administrator. */
function useProvinceChoices(): { id: string; name: string }[] {
  const me = useCurrentMe();
  const isSystem = me.roles.some((r) => r.role === 'system_admin');
  const all = useProvinces({ page: 1, pageSize: 200 }, isSystem);
  return useMemo(() => {
    if (isSystem) return (all.data?.items ?? []).map((p) => ({ id: p.id, name: p.name }));
    const seen = new Map<string, string>();
    for (const r of me.roles) if (r.role === 'province_officer' && r.provinceId) seen.set(r.provinceId, r.scopeName);
    return [...seen].map(([id, name]) => ({ id, name }));
  }, [isSystem, all.data, me.roles]);
}

/** "Báo cáo của các xã": which communes of the province have submitted their report for a period, with the counts. */
export default function ProvinceCommuneReportsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const provinces = useProvinceChoices();
  const [chosen, setChosen] = useState<string | null>(null);
  const provinceId = chosen ?? provinces[0]?.id ?? null;
  const [period, setPeriod] = useState<CommunePeriodKind>('year');
  const [year, setYear] = useState(() => Math.min(2030, Math.max(2025, vietnamYear())));
  const paging = usePaging(20);
  const compact = !Grid.useBreakpoint().sm;
  const list = useProvinceCommuneReports(provinceId, { period, year, page: paging.page, pageSize: paging.pageSize });

  if (!provinces.length) return <Result status="info" title={t('communeReports.province.noProvince')} />;

  const status = (r: ProvinceCommuneRow) => (
    <Flex wrap gap={4}>
      <StandingTag standing={r.standing} testId={`province-commune-status-${r.communeId}`} />
      <LateMark late={r.report?.late ?? false} testId={`province-commune-late-${r.communeId}`} />
    </Flex>
  );
  const open = (r: ProvinceCommuneRow) =>
    r.report ? (
      <Button
        size="small"
        icon={<EyeOutlined />}
        type={r.report.can.accept || r.report.can.return ? 'primary' : 'default'}
        onClick={() => void navigate(`/commune-reports/${r.communeId}/${r.report!.id}`)}
        data-testid={`province-commune-open-${r.communeId}`}
      >
        {r.report.can.accept || r.report.can.return
          ? `${t('communeReports.actions.accept')} / ${t('communeReports.actions.return')}`
          : t('communeReports.actions.view')}
      </Button>
    ) : null;
  const submitted = (r: ProvinceCommuneRow) => dayVi(r.report?.submittedAt) || '—';
  const columns: ColumnsType<ProvinceCommuneRow> = compact
    ? [
        {
          key: 'card',
          render: (_, r) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Typography.Text strong style={{ overflowWrap: 'anywhere' }}>
                {r.communeName}
              </Typography.Text>
              {status(r)}
              {r.report?.submittedAt ? <Typography.Text type="secondary">{t('communeReports.submittedOn', { date: submitted(r) })}</Typography.Text> : null}
              <div>{open(r)}</div>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('communeReports.columns.commune'), key: 'commune', render: (_, r) => r.communeName },
        { title: t('communeReports.columns.status'), key: 'status', width: 240, render: (_, r) => status(r) },
        { title: t('communeReports.columns.submittedAt'), key: 'sub', width: 120, render: (_, r) => submitted(r) },
        { title: t('communeReports.columns.actions'), key: 'act', width: 200, render: (_, r) => open(r) },
      ];

  const counts = list.data?.counts;
  const stat = (k: keyof ProvinceCommuneCounts & keyof typeof labels) => (
    <Col xs={12} sm={8} md={4} key={k}>
      <Card size="small">
        <Statistic title={labels[k]} value={counts?.[k] ?? 0} loading={!counts} valueStyle={{ fontSize: 20 }} />
      </Card>
    </Col>
  );
  const labels = {
    communes: t('communeReports.province.counts.communes'),
    submitted: t('communeReports.province.counts.submitted'),
    accepted: t('communeReports.province.counts.accepted'),
    returned: t('communeReports.province.counts.returned'),
    missing: t('communeReports.province.counts.missing'),
    notDue: t('communeReports.province.counts.notDue'),
  };

  return (
    <div>
      <PageHeader title={t('communeReports.province.title')} subtitle={provinces.find((p) => p.id === provinceId)?.name} />
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {provinces.length > 1 ? (
          <Select
            aria-label={t('communeReports.province.choose')}
            style={{ minWidth: 200, maxWidth: '100%' }}
            value={provinceId}
            options={provinces.map((p) => ({ value: p.id, label: p.name }))}
            onChange={(v: string) => {
              setChosen(v);
              paging.setPage(1);
            }}
          />
        ) : null}
        <Segmented<CommunePeriodKind>
          value={period}
          options={communePeriodKinds.map((k) => ({ value: k, label: t(`communeReports.period.${k}`) }))}
          onChange={(v) => {
            setPeriod(v);
            paging.setPage(1);
          }}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
          data-testid="province-commune-period"
        />
        {period === 'year' ? (
          <Select
            aria-label={t('communeReports.columns.title')}
            value={year}
            style={{ width: 120 }}
            options={YEARS.map((y) => ({ value: y, label: t('communeReports.yearN', { year: y }) }))}
            onChange={(v: number) => {
              setYear(v);
              paging.setPage(1);
            }}
            data-testid="province-commune-year"
          />
        ) : null}
      </Flex>
      <Row gutter={[8, 8]} style={{ marginBottom: 16 }} data-testid="province-commune-counts">
        {(['communes', 'submitted', 'accepted', 'returned', 'missing', 'notDue'] as const).map(stat)}
      </Row>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card size="small">
        <div data-testid="province-commune-table">
          <Table<ProvinceCommuneRow>
            rowKey="communeId"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            showHeader={!compact}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: t('communeReports.province.empty') }}
          />
        </div>
      </Card>
    </div>
  );
}
