import { useMemo, useState } from 'react';
import { App as AntApp, Button, Flex, Table, Tag, Tooltip, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Indicator, Target } from '@tds/contracts';
import { useIndicators, usePutTargets, useSplitTarget, useTargets, useTargetsCan } from '../../api';
import { cellKey, childrenSummary, savedValues } from '../../targetsDraft';
import { useTargetDraft } from './useTargetDraft';
import { indicatorNameColumn, ownTargetColumn } from './targetColumns';
import { TargetCell } from './TargetCell';
import { IndicatorSplitModal } from './SplitModal';
import { TargetsToolbar } from './TargetsToolbar';
import { useUnitTree, filterUnitNode, unitTreeSelectData } from '../../../org';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { formatNumber } from '../../../../lib/format';

type Draft = ReturnType<typeof useTargetDraft>;

/** The unit and village targets of one indicator, editable, with a picker to give another unit a target. */
function UnitTargets({
  indicator,
  targets,
  draft,
  readOnly,
  unitName,
  unitData,
  added,
  onAdd,
}: {
  indicator: Indicator;
  targets: Target[];
  draft: Draft;
  readOnly: boolean;
  unitName: (id: string) => string;
  unitData: ReturnType<typeof unitTreeSelectData>;
  added: string[];
  onAdd: (unitId: string) => void;
}) {
  const { t } = useTranslation();
  const rows = [
    ...targets
      .filter((x) => x.unitId && x.indicatorCode === indicator.code)
      .map((x) => ({ unitId: x.unitId!, name: x.unitName ?? unitName(x.unitId!), origin: x.origin as string | null })),
    ...added
      .filter((id) => !targets.some((x) => x.unitId === id && x.indicatorCode === indicator.code))
      .map((id) => ({ unitId: id, name: unitName(id), origin: null })),
  ];
  const sum = childrenSummary(targets, indicator.code);
  return (
    <div style={{ paddingInlineStart: 8 }}>
      <Typography.Text strong>{t('progress.indicators.unitTargets')}</Typography.Text>
      {sum.count > 0 && indicator.aggregation === 'sum' ? (
        <Typography.Text type="secondary"> · {t('progress.indicators.splitSum', { sum: formatNumber(sum.sum) })}</Typography.Text>
      ) : null}
      {rows.length === 0 ? <Typography.Paragraph type="secondary">{t('progress.indicators.noChildren')}</Typography.Paragraph> : null}
      {rows.map((r) => {
        const cell = { unitId: r.unitId, indicatorCode: indicator.code };
        return (
          <Flex key={r.unitId} gap={8} align="center" wrap style={{ padding: '4px 0' }}>
            <Typography.Text style={{ flex: '1 1 180px' }}>{r.name}</Typography.Text>
            <TargetCell
              value={draft.valueOf(cell)}
              saved={draft.isSaved(cell)}
              onChange={(v) => draft.edit(cell, v)}
              problem={draft.problemOf(cell)}
              readOnly={readOnly}
              testId={`target-${r.unitId}-${indicator.code}`}
              label={`${indicator.name} – ${r.name}`}
            />
            {r.origin ? <Tag>{t(`progress.indicators.origins.${r.origin}`, { defaultValue: r.origin })}</Tag> : null}
          </Flex>
        );
      })}
      {readOnly ? null : (
        <TreeSelect
          value={null}
          placeholder={t('progress.indicators.addUnitTarget')}
          treeData={unitData}
          showSearch
          filterTreeNode={filterUnitNode}
          treeDefaultExpandAll
          onChange={(v: string | null) => v && onAdd(v)}
          style={{ width: 320, maxWidth: '100%', marginTop: 8 }}
          aria-label={t('progress.indicators.chooseUnit')}
        />
      )}
    </div>
  );
}

/** Targets of a commune for a year: its own per indicator, and its units' and villages' below, with a split. */
export function CommuneTargetsTab({ communeId, year, onYear }: { communeId: string; year: number; onYear: (y: number) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const indicators = useIndicators(communeId);
  const targets = useTargets(communeId, year);
  const tree = useUnitTree(communeId);
  const put = usePutTargets(communeId, year);
  const split = useSplitTarget(communeId, year);
  const active = useMemo(() => (indicators.data ?? []).filter((i) => i.active), [indicators.data]);
  const items = useMemo(() => targets.data ?? [], [targets.data]);
  const saved = useMemo(() => savedValues(items), [items]);
  const draft = useTargetDraft(saved, active);
  const [added, setAdded] = useState<Record<string, string[]>>({});
  const [splitting, setSplitting] = useState<Indicator | null>(null);
  // Setting and splitting targets only when the server says so for this commune (the targets' `can`).
  const targetsCan = useTargetsCan(communeId, year).data;
  const readOnly = !targetsCan?.edit;

  const unitNames = useMemo(() => new Map((tree.data ?? []).map((u) => [u.id, u.name])), [tree.data]);
  const unitData = useMemo(() => unitTreeSelectData(tree.data), [tree.data]);
  const splitParts = useMemo(
    () =>
      (tree.data ?? [])
        .filter((u) => u.active)
        .sort((a, b) => Number(b.kind === 'village') - Number(a.kind === 'village'))
        .map((u) => ({ id: u.id, name: u.name })),
    [tree.data],
  );

  const save = () => {
    const body = draft.itemsFor(year);
    if (!body || body.length === 0) return;
    put.mutate(
      { items: body },
      {
        onSuccess: (r) => {
          draft.clear();
          setAdded({});
          void message.success(t('progress.indicators.targetsSaved', { count: r.items.length }));
        },
        onError: (e) => draft.onSaveError(e, body),
      },
    );
  };

  const columns: TableProps<Indicator>['columns'] = [
    indicatorNameColumn(t),
    ownTargetColumn({ t, draft, readOnly, titleKey: 'progress.indicators.communeTarget', key: 'commune', testPrefix: 'target-commune' }),
    {
      title: t('progress.indicators.unitTargets'),
      key: 'children',
      width: 140,
      responsive: ['sm'],
      render: (_: unknown, i) => {
        const s = childrenSummary(items, i.code);
        return s.count ? `${s.count}${i.aggregation === 'sum' ? ` · Σ ${formatNumber(s.sum)}` : ''}` : '—';
      },
    },
    ...(readOnly
      ? []
      : [
          {
            title: t('common.actions'),
            key: 'split',
            width: 170,
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
                    {t('progress.indicators.split')}
                  </Button>
                </Tooltip>
              );
            },
          },
        ]),
  ];

  return (
    <div>
      <TargetsToolbar
        year={year}
        onYear={onYear}
        readOnly={readOnly}
        unsaved={draft.count}
        saving={put.isPending}
        onSave={save}
        onCancel={() => {
          draft.clear();
          setAdded({});
        }}
      />
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
        expandable={{
          expandedRowRender: (i) => (
            <UnitTargets
              indicator={i}
              targets={items}
              draft={draft}
              readOnly={readOnly}
              unitName={(id) => unitNames.get(id) ?? id}
              unitData={unitData}
              added={added[i.code] ?? []}
              onAdd={(id) => setAdded((a) => ({ ...a, [i.code]: [...new Set([...(a[i.code] ?? []), id])] }))}
            />
          ),
        }}
        data-testid="targets-table"
      />
      <IndicatorSplitModal
        indicator={splitting}
        year={year}
        equalHint={t('progress.indicators.splitVillagesHint')}
        parts={splitParts}
        split={split}
        onClose={() => setSplitting(null)}
      />
    </div>
  );
}
