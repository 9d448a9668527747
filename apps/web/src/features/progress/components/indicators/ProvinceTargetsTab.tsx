import { useMemo, useState } from 'react';
import { App as AntApp, Button, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CommuneTarget, Indicator } from '@tds/contracts';
import { useNationalIndicators, useProvinceTargets, usePutProvinceTargets, useSplitProvinceTarget } from '../../api';
import { cellKey, savedValues } from '../../targetsDraft';
import { useTargetDraft } from './useTargetDraft';
import { indicatorNameColumn, ownTargetColumn } from './targetColumns';
import { IndicatorSplitModal, type SplitPart } from './SplitModal';
import { TargetsToolbar } from './TargetsToolbar';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { formatNumber } from '../../../../lib/format';

/** The communes' targets of one indicator (what the province gave them, or what they set). */
function CommuneTargets({ rows }: { rows: CommuneTarget[] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Typography.Text type="secondary">{t('progress.indicators.noChildren')}</Typography.Text>;
  return (
    <div style={{ paddingInlineStart: 8 }}>
      <Typography.Text strong>{t('progress.indicators.communeTargets')}</Typography.Text>
      {rows.map((r) => (
        <Flex key={r.communeId} gap={8} align="center" wrap style={{ padding: '4px 0' }}>
          <Typography.Text style={{ flex: '1 1 180px' }}>{r.communeName}</Typography.Text>
          <span>{formatNumber(r.value)}</span>
          <Tag>{t(`progress.indicators.origins.${r.origin}`)}</Tag>
        </Flex>
      ))}
    </div>
  );
}

/**
 * A province officer's targets: the province's own per national indicator, editable, split down to the
 * communes; each commune's target below.
 */
export function ProvinceTargetsTab({
  provinceId,
  communes,
  year,
  onYear,
}: {
  provinceId: string;
  /** The province's communes (for split weights). */
  communes: SplitPart[];
  year: number;
  onYear: (y: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const indicators = useNationalIndicators();
  const targets = useProvinceTargets(provinceId, year);
  const put = usePutProvinceTargets(provinceId, year);
  const split = useSplitProvinceTarget(provinceId, year);
  const active = useMemo(() => (indicators.data ?? []).filter((i) => i.active), [indicators.data]);
  const saved = useMemo(
    () => savedValues((targets.data?.items ?? []).map((x) => ({ unitId: null, indicatorCode: x.indicatorCode, value: x.value }))),
    [targets.data],
  );
  const draft = useTargetDraft(saved, active);
  const [splitting, setSplitting] = useState<Indicator | null>(null);
  // Setting and splitting targets only when the server says so for this province (the targets' `can`).
  const readOnly = !targets.data?.can.edit;

  const save = () => {
    const body = draft.itemsFor(year);
    if (!body || body.length === 0) return;
    put.mutate(
      { items: body.map(({ indicatorCode, value }) => ({ indicatorCode, year, value })) },
      {
        onSuccess: (r) => {
          draft.clear();
          void message.success(t('progress.indicators.targetsSaved', { count: r.items.length }));
        },
        onError: (e) => draft.onSaveError(e, body),
      },
    );
  };

  const columns: TableProps<Indicator>['columns'] = [
    indicatorNameColumn(t),
    ownTargetColumn({ t, draft, readOnly, titleKey: 'progress.indicators.provinceTarget', key: 'province', testPrefix: 'target-province' }),
    {
      title: t('progress.indicators.communeTargets'),
      key: 'communes',
      width: 120,
      responsive: ['sm'],
      render: (_: unknown, i) => targets.data?.communes.filter((c) => c.indicatorCode === i.code).length || '—',
    },
    ...(readOnly
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'split',
            width: 190,
            render: (_: unknown, i: Indicator) => {
              const hasTarget = saved.has(cellKey({ unitId: null, indicatorCode: i.code }));
              return (
                <Tooltip title={hasTarget ? undefined : t('progress.indicators.splitNoTarget')}>
                  <Button
                    size="small"
                    icon={<ApartmentOutlined />}
                    disabled={!hasTarget}
                    onClick={() => {
                      split.reset();
                      setSplitting(i);
                    }}
                    data-testid={`target-split-${i.code}`}
                  >
                    {t('progress.indicators.splitToCommunes')}
                  </Button>
                </Tooltip>
              );
            },
          },
        ]),
  ];

  return (
    <div>
      <TargetsToolbar year={year} onYear={onYear} readOnly={readOnly} unsaved={draft.count} saving={put.isPending} onSave={save} onCancel={draft.clear} />
      {put.error ? <ErrorAlert error={put.error} showDetails={false} /> : null}
      {indicators.error ? <ErrorAlert error={indicators.error} /> : null}
      {targets.error ? <ErrorAlert error={targets.error} /> : null}
      <Table<Indicator>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={active}
        loading={(indicators.isPending || targets.isFetching) && !targets.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        expandable={{ expandedRowRender: (i) => <CommuneTargets rows={(targets.data?.communes ?? []).filter((c) => c.indicatorCode === i.code)} /> }}
        data-testid="province-targets-table"
      />
      <IndicatorSplitModal
        indicator={splitting}
        year={year}
        equalHint={t('progress.indicators.splitCommunesHint')}
        parts={communes}
        split={split}
        onClose={() => setSplitting(null)}
      />
    </div>
  );
}
