import { useMemo } from 'react';
import { Result, Segmented, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentMe } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { NoCommune } from '../../../components/ui/Forbidden';
import { IndicatorCatalog } from '../components/indicators/IndicatorCatalog';
import { CommuneTargetsTab } from '../components/indicators/CommuneTargetsTab';
import { ProvinceTargetsTab } from '../components/indicators/ProvinceTargetsTab';
import { useDashboardScope } from '../components/dashboard/useDashboardScope';
import type { DashboardLevel } from '../dashboardParams';

type TabKey = 'catalog' | 'targets';

/** Targets of the commune, or of the province for province officers (with a switch between the two). */
function TargetsPane({ view }: { view: ReturnType<typeof useDashboardScope> }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const communes = useMemo(() => {
    const inProvince = me.communes.filter((c) => c.provinceName === view.provinceName);
    return (inProvince.length ? inProvince : me.communes).map((c) => ({ id: c.id, name: c.name }));
  }, [me.communes, view.provinceName]);
  const scope = view.scope;
  return (
    <div>
      {view.canSeeProvince ? (
        <Segmented<DashboardLevel>
          value={view.level}
          onChange={view.setLevel}
          options={[
            { value: 'province', label: t('progress.dashboard.scopeProvince') },
            { value: 'commune', label: t('progress.dashboard.scopeCommune') },
          ]}
          style={{ marginBottom: 12 }}
          data-testid="targets-level"
        />
      ) : null}
      {!scope ? view.level === 'province' ? <Result status="info" title={t('progress.dashboard.noProvince')} /> : <NoCommune /> : null}
      {scope?.level === 'province' ? (
        <ProvinceTargetsTab key={scope.id} provinceId={scope.id} communes={communes} year={view.year} onYear={view.setYear} />
      ) : null}
      {scope?.level === 'commune' ? <CommuneTargetsTab key={scope.id} communeId={scope.id} year={view.year} onYear={view.setYear} /> : null}
    </div>
  );
}

/** Indicator catalogue (national + the commune's own) and targets per year. */
export default function IndicatorsPage() {
  const { t } = useTranslation();
  const view = useDashboardScope();
  const [params, setParams] = useSearchParams();
  const tab: TabKey = params.get('tab') === 'targets' ? 'targets' : 'catalog';
  const communeId = view.level === 'commune' && view.scope ? view.scope.id : null;
  const subtitle = view.level === 'province' ? view.provinceName : view.communeName;

  return (
    <div>
      <PageHeader title={t('progress.indicators.title')} subtitle={subtitle} />
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (p) => {
              const next = new URLSearchParams(p);
              next.set('tab', k);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'catalog',
            label: <span data-testid="indicators-tab-catalog">{t('progress.indicators.tabCatalog')}</span>,
            children: <IndicatorCatalog key={communeId ?? 'national'} communeId={communeId} />,
          },
          {
            key: 'targets',
            label: <span data-testid="indicators-tab-targets">{t('progress.indicators.tabTargets')}</span>,
            children: <TargetsPane view={view} />,
          },
        ]}
      />
    </div>
  );
}
