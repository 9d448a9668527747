import { Flex, Segmented, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardLevel } from '../../dashboardParams';
import { YearSelect } from '../YearSelect';
import type { ProvinceChoice } from './useDashboardScope';
import { selectFilter } from '../../../../lib/format';

/** Year, period (whole year / first half / second half) and, for province users, province or commune. */
export function DashboardFilters({
  year,
  period,
  onYear,
  onPeriod,
  level,
  onLevel,
  provinces,
  provinceId,
  onProvince,
  canSeeProvince,
}: {
  year: number;
  period: number;
  onYear: (y: number) => void;
  onPeriod: (p: number) => void;
  level: DashboardLevel;
  onLevel: (l: DashboardLevel) => void;
  provinces: ProvinceChoice[];
  provinceId: string | null;
  onProvince: (id: string) => void;
  canSeeProvince: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
      {canSeeProvince ? (
        <Segmented<DashboardLevel>
          value={level}
          onChange={onLevel}
          options={[
            { value: 'province', label: t('progress.dashboard.scopeProvince') },
            { value: 'commune', label: t('progress.dashboard.scopeCommune') },
          ]}
          data-testid="progress-level"
        />
      ) : null}
      {canSeeProvince && level === 'province' && provinces.length > 1 ? (
        <Select
          value={provinceId ?? undefined}
          onChange={onProvince}
          placeholder={t('progress.dashboard.chooseProvince')}
          options={provinces.map((p) => ({ value: p.id, label: p.name }))}
          showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
          style={{ width: 220, maxWidth: '100%' }}
          data-testid="progress-province"
          aria-label={t('progress.dashboard.province')}
        />
      ) : null}
      <YearSelect year={year} onChange={onYear} />
      <Segmented<number>
        value={period}
        onChange={onPeriod}
        options={[0, 1, 2].map((p) => ({ value: p, label: t(`progress.periodOptions.${p}`) }))}
        data-testid="progress-period"
      />
    </Flex>
  );
}
