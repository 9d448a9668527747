import { useState } from 'react';
import { Alert, App as AntApp, Button, Dropdown, Typography } from 'antd';
import { DownloadOutlined, FormOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadHelpExport, downloadVillageCoverageExport, useCoverage, usePopulation, useSkillModules, useTeams } from '../api';
import { TrainingNav } from '../components/TrainingNav';
import { TrainingYearSelect } from '../components/TrainingYearSelect';
import { CoverageCards } from '../components/CoverageCards';
import { VillageCoverageTable } from '../components/VillageCoverageTable';
import { ModulesCard } from '../components/ModulesCard';
import { BreakdownCards } from '../components/BreakdownCards';
import { ModuleBreakdownCard } from '../components/ModuleBreakdownCard';
import { errorText } from '../../../lib/errors';
import { PopulationDrawer } from '../components/PopulationDrawer';
import { PopulationImportDrawer } from '../components/TrainingImportDrawers';
import { HelpFormDrawer } from '../components/HelpFormDrawer';
import { moduleNamer, recordTeams } from '../trainingText';
import { useYearParam } from '../useYearParam';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** Bình dân học vụ số in the commune: coverage for the year, per village, per module and per group. */
export default function OverviewPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Overview key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function Overview({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const [year, setYear] = useYearParam();
  const coverage = useCoverage(communeId, year);
  const population = usePopulation(communeId, year);
  const modules = useSkillModules(communeId);
  const teams = useTeams(communeId);
  const [populationOpen, setPopulationOpen] = useState(false);
  const [populationImportOpen, setPopulationImportOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const c = coverage.data;
  const nameOf = moduleNamer(modules.data?.items, t('training.unknownModule'));
  const missing = c?.villages.filter((v) => v.adults === null).length ?? 0;
  const canHelp = recordTeams(teams.data?.items).length > 0;
  const { message } = AntApp.useApp();
  const fail = (e: unknown) => void message.error(errorText(e));
  const exports = [
    { key: 'villages', label: t('training.records.exportVillages'), onClick: () => void downloadVillageCoverageExport(communeId, year).catch(fail) },
    // The help log names residents: for those who record (their villages only), the help log has no list page of its own.
    ...(canHelp ? [{ key: 'help', label: t('training.records.exportHelp'), onClick: () => void downloadHelpExport(communeId, year).catch(fail) }] : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('training.title')}
        subtitle={communeName}
        extra={
          <>
            <TrainingYearSelect year={year} onChange={setYear} />
            <Dropdown menu={{ items: exports }} trigger={['click']}>
              <Button icon={<DownloadOutlined />} data-testid="training-overview-export">
                {t('training.records.exportExcel')}
              </Button>
            </Dropdown>
            {population.data?.can.manage ? (
              <Button icon={<TeamOutlined />} onClick={() => setPopulationOpen(true)} data-testid="training-population-open">
                {t('training.population.open')}
              </Button>
            ) : null}
            {population.data?.can.manage ? (
              <Button icon={<UploadOutlined />} onClick={() => setPopulationImportOpen(true)} data-testid="population-import-open">
                {t('training.imports.population.open')}
              </Button>
            ) : null}
            {canHelp ? (
              <Button icon={<FormOutlined />} onClick={() => setHelpOpen(true)} data-testid="training-help-open">
                {t('training.help.open')}
              </Button>
            ) : null}
          </>
        }
      />
      <TrainingNav />
      {coverage.error ? <ErrorAlert error={coverage.error} /> : null}
      {c && missing > 0 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('training.overview.populationMissing', { count: missing, year })}
          action={
            population.data?.can.manage ? (
              <Button size="small" onClick={() => setPopulationOpen(true)}>
                {t('training.population.open')}
              </Button>
            ) : undefined
          }
          data-testid="training-population-missing"
        />
      ) : null}
      <CoverageCards coverage={c} loading={coverage.isPending} />
      {c ? (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="training-basic-hint">
          {t('training.overview.basicHint', { age: c.adultAge, count: c.basicModules.length, names: c.basicModules.map(nameOf).join('; ') })}
        </Typography.Paragraph>
      ) : null}
      <VillageCoverageTable coverage={c} loading={coverage.isFetching} />
      <ModulesCard coverage={c} loading={coverage.isPending} />
      <BreakdownCards coverage={c} loading={coverage.isPending} />
      <ModuleBreakdownCard communeId={communeId} year={year} villages={(c?.villages ?? []).map((v) => ({ id: v.villageId, name: v.villageName }))} />
      {population.data?.can.manage ? (
        <PopulationDrawer communeId={communeId} year={year} open={populationOpen} onClose={() => setPopulationOpen(false)} />
      ) : null}
      {population.data?.can.manage ? (
        <PopulationImportDrawer communeId={communeId} open={populationImportOpen} onClose={() => setPopulationImportOpen(false)} />
      ) : null}
      {canHelp ? <HelpFormDrawer communeId={communeId} open={helpOpen} onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}
