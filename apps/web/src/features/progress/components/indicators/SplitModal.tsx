import { useEffect, useState } from 'react';
import { Alert, App as AntApp, InputNumber, Modal, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { targetSplitMethods } from '@tds/contracts';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';

export type SplitMethod = (typeof targetSplitMethods)[number];

export interface SplitPart {
  id: string;
  name: string;
}

/**
 * Split a target down one level: equally (the server picks the parts: active villages, or every commune
 * of the province) or by weights typed here for the listed parts (an empty weight leaves a part out).
 */
export function SplitModal({
  open,
  title,
  equalHint,
  parts,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  open: boolean;
  title: string;
  equalHint: string;
  parts: SplitPart[];
  pending: boolean;
  error: unknown;
  onSubmit: (input: { method: SplitMethod; weights?: Record<string, number> }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<SplitMethod>('equal');
  const [weights, setWeights] = useState<Record<string, number | null>>({});

  useEffect(() => {
    if (open) {
      setMethod('equal');
      setWeights({});
    }
  }, [open]);

  const submit = () => {
    if (method === 'equal') return onSubmit({ method });
    const chosen: Record<string, number> = {};
    for (const [id, w] of Object.entries(weights)) if (typeof w === 'number') chosen[id] = w;
    onSubmit({ method, weights: chosen });
  };

  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={submit} okButtonProps={{ loading: pending, 'data-testid': 'split-submit' }} destroyOnHidden>
      {error ? <ErrorAlert error={error} /> : null}
      <Radio.Group
        value={method}
        onChange={(e) => setMethod(e.target.value as SplitMethod)}
        options={targetSplitMethods.map((m) => ({ value: m, label: t(`progress.indicators.splitMethods.${m}`) }))}
        style={{ marginBottom: 12 }}
        data-testid="split-method"
      />
      <Alert
        type="info"
        showIcon
        title={t('progress.indicators.splitHint')}
        description={method === 'equal' ? equalHint : t('progress.indicators.weightsHint')}
        style={{ marginBottom: 12 }}
      />
      {method === 'weights' ? (
        <Table<SplitPart>
          rowKey="id"
          size="small"
          dataSource={parts}
          pagination={false}
          scroll={{ y: 320 }}
          columns={[
            { title: t('progress.dashboard.unitOrCommune'), dataIndex: 'name', render: (n: string) => <Typography.Text>{n}</Typography.Text> },
            {
              title: t('progress.indicators.weight'),
              key: 'w',
              width: 120,
              render: (_: unknown, p) => (
                <InputNumber
                  min={0}
                  value={weights[p.id] ?? null}
                  onChange={(v) => setWeights((w) => ({ ...w, [p.id]: typeof v === 'number' ? v : null }))}
                  style={{ width: '100%' }}
                  aria-label={`${t('progress.indicators.weight')} ${p.name}`}
                  decimalSeparator=","
                />
              ),
            },
          ]}
        />
      ) : null}
    </Modal>
  );
}

/** What both split mutations (commune → units, province → communes) accept and answer. */
interface SplitMutation {
  isPending: boolean;
  error: unknown;
  mutate: (
    input: { indicatorCode: string; year: number; method: SplitMethod; weights?: Record<string, number> },
    opts: { onSuccess: (r: { items: unknown[] }) => void },
  ) => void;
}

/** The split dialog for one indicator's target in a year: runs the split and says how many targets it wrote. */
export function IndicatorSplitModal({
  indicator,
  year,
  equalHint,
  parts,
  split,
  onClose,
}: {
  indicator: { code: string; name: string } | null;
  year: number;
  equalHint: string;
  parts: SplitPart[];
  split: SplitMutation;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  return (
    <SplitModal
      open={!!indicator}
      title={indicator ? t('progress.indicators.splitTitle', { name: indicator.name, year }) : ''}
      equalHint={equalHint}
      parts={parts}
      pending={split.isPending}
      error={split.error}
      onClose={onClose}
      onSubmit={(input) =>
        indicator &&
        split.mutate(
          { indicatorCode: indicator.code, year, ...input },
          {
            onSuccess: (r) => {
              void message.success(t('progress.indicators.splitDone', { count: r.items.length }));
              onClose();
            },
          },
        )
      }
    />
  );
}
