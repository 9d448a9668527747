import { Flex, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { reportCadences, type DueItemStatus, type ReportCadence } from '@tds/contracts';
import { useUnitTree, filterUnitNode, unitTreeSelectData } from '../../../org';
import { SearchInput } from '../../../../components/ui/SearchInput';
import { vietnamYear, yearOptions } from '../../reportForm';

export interface ReportFilterValues {
  year?: number;
  kind?: 'report' | 'unit_plan' | 'registration';
  cadence?: ReportCadence;
  status?: DueItemStatus;
  unitId?: string;
  q?: string;
}

/**
 * The filters of the report lists: year, kind, cycle, status, unit (and its subtree), unit name.
 * `kinds` and `statuses` say which choices the list offers (none: no such filter).
 */
export function ReportFilters({
  communeId,
  value,
  onChange,
  kinds,
  statuses,
  testPrefix,
}: {
  communeId: string;
  value: ReportFilterValues;
  onChange: (v: ReportFilterValues) => void;
  kinds: readonly NonNullable<ReportFilterValues['kind']>[];
  statuses: readonly DueItemStatus[];
  testPrefix: string;
}) {
  const { t } = useTranslation();
  const units = useUnitTree(communeId);
  const set = (patch: Partial<ReportFilterValues>) => onChange({ ...value, ...patch });
  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }}>
      <Select<number>
        allowClear
        placeholder={t('reporting.filters.allYears')}
        aria-label={t('reporting.filters.allYears')}
        value={value.year}
        onChange={(year) => set({ year })}
        options={yearOptions(vietnamYear()).map((y) => ({ value: y, label: t('reporting.filters.yearN', { year: y }) }))}
        style={{ width: 120 }}
        data-testid={`${testPrefix}-filter-year`}
      />
      {kinds.length > 1 ? (
        <Select
          allowClear
          placeholder={t('reporting.filters.allKinds')}
          aria-label={t('reporting.filters.allKinds')}
          value={value.kind}
          onChange={(kind) => set({ kind })}
          options={kinds.map((k) => ({ value: k, label: t(`reporting.kinds.${k}`) }))}
          style={{ width: 170 }}
          data-testid={`${testPrefix}-filter-kind`}
        />
      ) : null}
      <Select<ReportCadence>
        allowClear
        placeholder={t('reporting.filters.allCadences')}
        aria-label={t('reporting.filters.allCadences')}
        value={value.cadence}
        onChange={(cadence) => set({ cadence })}
        options={reportCadences.map((c) => ({ value: c, label: t(`reporting.cadences.${c}`) }))}
        style={{ width: 140 }}
        data-testid={`${testPrefix}-filter-cadence`}
      />
      {statuses.length > 0 ? (
        <Select<DueItemStatus>
          allowClear
          placeholder={t('reporting.filters.allStatuses')}
          aria-label={t('reporting.filters.allStatuses')}
          value={value.status}
          onChange={(status) => set({ status })}
          options={statuses.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))}
          style={{ width: 150 }}
          data-testid={`${testPrefix}-filter-status`}
        />
      ) : null}
      <TreeSelect
        allowClear
        showSearch
        filterTreeNode={filterUnitNode}
        placeholder={t('reporting.filters.allUnits')}
        aria-label={t('reporting.filters.allUnits')}
        value={value.unitId}
        onChange={(unitId?: string) => set({ unitId })}
        treeData={unitTreeSelectData(units.data)}
        treeDefaultExpandAll
        loading={units.isPending}
        style={{ width: 240, maxWidth: '100%' }}
        popupMatchSelectWidth={false}
        data-testid={`${testPrefix}-filter-unit`}
      />
      <SearchInput testId={`${testPrefix}-search`} placeholder={t('reporting.filters.searchUnit')} onSearch={(q) => set({ q: q || undefined })} />
    </Flex>
  );
}
