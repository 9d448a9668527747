import type { TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import type { Indicator } from '@tds/contracts';
import { IndicatorNameCell } from './IndicatorNameCell';
import { TargetCell } from './TargetCell';
import type { useTargetDraft } from './useTargetDraft';

type Draft = ReturnType<typeof useTargetDraft>;

/** The indicator column of both target tables: name, code, measure and pillar. */
export function indicatorNameColumn(t: TFunction): TableColumnType<Indicator> {
  return {
    title: t('progress.indicator'),
    dataIndex: 'name',
    render: (name: string, i) => <IndicatorNameCell code={i.code} name={name} note={`${i.measure} · ${t(`progress.pillars.${i.pillar}`)}`} />,
  };
}

/** The editable column of the top node's own target (the commune's, or the province's). */
export function ownTargetColumn(opts: {
  t: TFunction;
  draft: Draft;
  readOnly: boolean;
  titleKey: string;
  key: string;
  testPrefix: string;
}): TableColumnType<Indicator> {
  const { t, draft } = opts;
  return {
    title: t(opts.titleKey),
    key: opts.key,
    width: 160,
    render: (_: unknown, i) => {
      const cell = { unitId: null, indicatorCode: i.code };
      return (
        <TargetCell
          value={draft.valueOf(cell)}
          saved={draft.isSaved(cell)}
          onChange={(v) => draft.edit(cell, v)}
          problem={draft.problemOf(cell)}
          readOnly={opts.readOnly}
          testId={`${opts.testPrefix}-${i.code}`}
          label={`${t(opts.titleKey)} – ${i.name}`}
        />
      );
    },
  };
}
