import { useState } from 'react';
import { Button, Col, Result, Row, Select, Typography } from 'antd';
import { FileExcelOutlined, FileWordOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { LeagueRow } from '@tds/contracts';
import { downloadConsolidatedReport, useIndicatorProgress, usePublishedPlans } from '../api';
import { useDashboardScope } from '../components/dashboard/useDashboardScope';
import { DashboardFilters } from '../components/dashboard/DashboardFilters';
import { PillarCards } from '../components/dashboard/PillarCards';
import { AchievementChart } from '../components/dashboard/AchievementChart';
import { CommuneCompletenessChart, ProvinceCompletenessChart } from '../components/dashboard/CompletenessChart';
import { LeagueCard } from '../components/dashboard/LeagueCard';
import { UnitHistoryDrawer } from '../components/dashboard/UnitHistoryDrawer';
import { useDownload } from '../useDownload';
import { formatPct } from '../progressStatus';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { formatDateTimeVi } from '../../../lib/format';
import { CommuneSubmissionsCard } from '../../commune-reports';

/**
 * Dashboards: progress to targets per pillar and indicator, completeness and timeliness over cycles,
 * a league table with drill-down (province → commune → unit). Refreshed every 5 s while visible.
 */
export default function DashboardPage() {
  const { t } = useTranslation();
  const view = useDashboardScope();
  const { scope, year, period } = view;
  const progress = useIndicatorProgress(scope, year, period);
  const plans = usePublishedPlans(view.level === 'commune' ? (scope?.id ?? null) : null);
  // A plan chosen in the address bar counts only when it is one of this commune's published plans.
  const planFor = view.planId && plans.data?.some((p) => p.id === view.planId) ? view.planId : null;
  const dl = useDownload();
  const [unit, setUnit] = useState<{ id: string; name: string } | null>(null);

  const subtitle = view.level === 'province' ? view.provinceName : view.communeName;
  const filters = (
    <DashboardFilters
      year={year}
      period={period}
      onYear={view.setYear}
      onPeriod={view.setPeriod}
      level={view.level}
      onLevel={view.setLevel}
      provinces={view.provinces}
      provinceId={view.provinceId}
      onProvince={view.setProvince}
      canSeeProvince={view.canSeeProvince}
    />
  );

  if (!scope) {
    return (
      <div>
        <PageHeader title={t('progress.dashboard.title')} />
        {filters}
        {view.level === 'province' ? <Result status="info" title={t('progress.dashboard.noProvince')} /> : <NoCommune />}
      </div>
    );
  }

  const openLeagueRow = (row: LeagueRow) => {
    if (scope.level === 'province') view.drillToCommune(row.id);
    else setUnit({ id: row.id, name: row.name });
  };

  return (
    <div>
      <PageHeader
        title={t('progress.dashboard.title')}
        subtitle={subtitle}
        extra={
          <>
            {scope.level === 'commune' && (plans.data?.length ?? 0) > 1 ? (
              <Select
                allowClear
                value={view.planId ?? undefined}
                onChange={(v?: string) => view.setPlan(v ?? null)}
                placeholder={t('progress.dashboard.allPlans')}
                aria-label={t('progress.dashboard.plan')}
                options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))}
                style={{ width: 280, maxWidth: '90vw' }}
                popupMatchSelectWidth={false}
                data-testid="progress-plan"
              />
            ) : null}
            <Button
              icon={<FileWordOutlined />}
              loading={dl.busy === 'docx'}
              onClick={() => dl.run('docx', () => downloadConsolidatedReport(scope, year, 'docx', planFor))}
              data-testid="progress-consolidated-docx"
            >
              {t('progress.dashboard.consolidatedDocx')}
            </Button>
            <Button
              icon={<FileExcelOutlined />}
              loading={dl.busy === 'xlsx'}
              onClick={() => dl.run('xlsx', () => downloadConsolidatedReport(scope, year, 'xlsx', planFor))}
              data-testid="progress-consolidated-xlsx"
            >
              {t('progress.dashboard.consolidatedXlsx')}
            </Button>
          </>
        }
      />
      {filters}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="progress-updated">
        <SyncOutlined spin={progress.isFetching} /> {t('progress.refreshing')}
        {progress.dataUpdatedAt ? ` · ${t('progress.updatedAt', { time: formatDateTimeVi(new Date(progress.dataUpdatedAt).toISOString()) })}` : ''}
        {progress.data ? ` · ${t('progress.dashboard.elapsedHint', { pct: formatPct(progress.data.elapsedShare * 100) })}` : ''}
      </Typography.Paragraph>
      {progress.error ? <ErrorAlert error={progress.error} /> : null}
      <PillarCards data={progress.data} loading={progress.isPending} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <AchievementChart scope={scope} data={progress.data} loading={progress.isPending} year={year} period={period} />
        </Col>
        <Col xs={24} xl={12}>
          {scope.level === 'province' ? (
            <ProvinceCompletenessChart provinceId={scope.id} year={year} period={period} onCommune={view.drillToCommune} />
          ) : (
            <CommuneCompletenessChart communeId={scope.id} year={year} planId={planFor} />
          )}
        </Col>
        {scope.level === 'province' ? (
          <Col xs={24}>
            <CommuneSubmissionsCard provinceId={scope.id} year={year} />
          </Col>
        ) : null}
        <Col xs={24}>
          <LeagueCard
            scope={scope}
            progress={progress.data}
            indicatorCode={view.indicatorCode}
            onIndicator={view.setIndicator}
            year={year}
            period={period}
            onOpen={openLeagueRow}
          />
        </Col>
      </Row>
      {scope.level === 'commune' ? (
        <UnitHistoryDrawer communeId={scope.id} unitId={unit?.id ?? null} unitName={unit?.name ?? ''} onClose={() => setUnit(null)} />
      ) : null}
    </div>
  );
}
