import { useEffect } from 'react';
import { Alert, Card, Drawer, Empty, Flex, Grid, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { usePlans } from '../../plans';
import { useDueItems, useRegistration, useRegistrationList } from '../api';
import { planYears } from '../registrationForm';
import { defaultRegistrationPlan, myUnits, seesWholeCommune } from '../scope';
import { RegistrationForm } from '../components/registration/RegistrationForm';
import { RegistrationOverview } from '../components/registration/RegistrationOverview';
import { useCommune, useCurrentMe } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { selectFilter } from '../../../lib/format';

/** Registration (đăng ký thi đua): a unit registers; the commune sees who has and has not. */
export default function RegistrationPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <RegistrationPageInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

/** The plan, year and unit chosen, kept in the address (due items link here). */
function useChoice() {
  const [params, setParams] = useSearchParams();
  const yearText = params.get('year');
  const year = yearText && /^\d{4}$/u.test(yearText) ? Number(yearText) : undefined;
  const set = (patch: Record<string, string | number | undefined>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v === undefined || v === '') p.delete(k);
          else p.set(k, String(v));
        }
        return p;
      },
      { replace: true },
    );
  return { planId: params.get('planId') ?? undefined, year, unitId: params.get('unitId') ?? undefined, set };
}

function RegistrationPageInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const screens = Grid.useBreakpoint();
  const choice = useChoice();
  const plans = usePlans(communeId, { page: 1, pageSize: 100, status: 'published' });
  const wholeCommune = seesWholeCommune(me.roles);
  const mine = myUnits(me.roles, communeId);
  const ownUnit = wholeCommune ? undefined : (mine.find((u) => u.id === choice.unitId) ?? mine[0])?.id;
  // A unit opens on a plan it takes part in: one that gave it a registration item.
  const unitItems = useDueItems(
    communeId,
    { page: 1, pageSize: 100, kind: 'registration', ...(ownUnit ? { unitId: ownUnit } : {}) },
    !wholeCommune && !!ownUnit,
  );
  const planId =
    choice.planId ??
    (plans.data ? defaultRegistrationPlan(plans.data.items, ownUnit && !unitItems.isError ? unitItems.data?.items : [], wholeCommune) : undefined);

  const list = useRegistrationList(communeId, planId ?? null, choice.year, wholeCommune);
  const own = useRegistration(communeId, wholeCommune ? null : (planId ?? null), ownUnit ?? null, choice.year);
  const range = wholeCommune ? list.data : own.data;
  const year = choice.year ?? range?.year;

  // Keep the address on the plan actually shown, so that a reload shows the same.
  useEffect(() => {
    if (!choice.planId && planId) choice.set({ planId });
  }, [choice, planId]);

  const noPlans = plans.data && plans.data.items.length === 0;
  return (
    <div>
      <PageHeader title={t('reporting.registration.title')} subtitle={communeName} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={8}>
          <Select
            value={planId}
            placeholder={t('reporting.registration.choosePlan')}
            aria-label={t('reporting.registration.choosePlan')}
            onChange={(v: string) => choice.set({ planId: v, year: undefined })}
            loading={plans.isPending}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title || t('reporting.registration.untitledPlan') }))}
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            style={{ width: 420, maxWidth: '100%' }}
            data-testid="registration-plan"
          />
          <Select<number>
            value={year}
            placeholder={t('reporting.registration.year')}
            aria-label={t('reporting.registration.year')}
            onChange={(y) => choice.set({ year: y })}
            options={(range ? planYears(range.fromYear, range.toYear) : []).map((y) => ({ value: y, label: t('reporting.filters.yearN', { year: y }) }))}
            style={{ width: 130 }}
            data-testid="registration-year"
          />
          {!wholeCommune && mine.length > 1 ? (
            <Select
              value={ownUnit}
              onChange={(v: string) => choice.set({ unitId: v })}
              options={mine.map((u) => ({ value: u.id, label: u.name }))}
              style={{ width: 260, maxWidth: '100%' }}
              aria-label={t('reporting.columns.unit')}
              data-testid="registration-unit"
            />
          ) : null}
        </Flex>
      </Card>
      {plans.error ? <ErrorAlert error={plans.error} /> : null}
      {noPlans ? <Empty description={t('reporting.registration.noPlans')} /> : null}
      {planId && wholeCommune ? (
        <>
          {list.error ? <ErrorAlert error={list.error} /> : null}
          {list.data ? <RegistrationOverview communeId={communeId} data={list.data} onOpenUnit={(unitId) => choice.set({ unitId })} /> : null}
          <Drawer
            open={!!choice.unitId}
            onClose={() => choice.set({ unitId: undefined })}
            size={screens.lg ? 960 : '100%'}
            title={t('reporting.registration.unitTitle')}
            destroyOnHidden
            data-testid="registration-drawer"
          >
            {choice.unitId && year !== undefined ? <RegistrationForm communeId={communeId} planId={planId} unitId={choice.unitId} year={year} /> : null}
          </Drawer>
        </>
      ) : null}
      {planId && !wholeCommune ? (
        ownUnit ? (
          year === undefined ? (
            own.error ? (
              <ErrorAlert error={own.error} />
            ) : (
              <FullPageSpin height={200} />
            )
          ) : (
            <RegistrationForm communeId={communeId} planId={planId} unitId={ownUnit} year={year} />
          )
        ) : (
          <Alert type="info" showIcon title={t('reporting.registration.noUnit')} />
        )
      ) : null}
    </div>
  );
}
