import { useEffect, useMemo, useState } from 'react';
import { Alert, DatePicker, Form, Modal, TreeSelect, Typography, App as AntApp } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@tds/contracts';
import { useSaveUnit, type UnitTreeItem } from '../api';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso } from '../../../lib/format';
import { applyApiError, clearErrorsOnChange } from '../../../lib/forms';
import { descendantIds } from '../../../lib/tree';
import { filterUnitNode, unitTreeSelectData } from '../unitOptions';

interface Values {
  activeTo: Dayjs | null;
  mergedIntoId?: string;
}

/** Close a unit (set activeTo) or merge it into another (mergedIntoId + activeTo). */
export function UnitLifecycleModal({
  communeId,
  unit,
  mode,
  treeUnits,
  onClose,
}: {
  communeId: string;
  unit: Unit | null;
  mode: 'close' | 'merge';
  treeUnits: UnitTreeItem[] | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveUnit(communeId);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (unit) {
      setError(null);
      form.setFieldsValue({ activeTo: dayjs(), mergedIntoId: undefined });
    }
  }, [unit, form]);

  const targets = useMemo(() => (unit ? unitTreeSelectData(treeUnits, { exclude: descendantIds(treeUnits ?? [], unit.id) }) : []), [treeUnits, unit]);

  const onFinish = (v: Values) => {
    if (!unit) return;
    setError(null);
    const input = {
      version: unit.version,
      activeTo: dayjsToIso(v.activeTo),
      ...(mode === 'merge' ? { mergedIntoId: v.mergedIntoId ?? null } : {}),
    };
    save.mutate(
      { id: unit.id, input },
      {
        onSuccess: () => {
          void message.success(mode === 'merge' ? t('org.merged') : t('org.closed'));
          onClose();
        },
        onError: (e) => setError(applyApiError(e, form)),
      },
    );
  };

  return (
    <Modal
      open={!!unit}
      title={unit ? t(mode === 'merge' ? 'org.mergeTitle' : 'org.closeTitle', { name: unit.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.confirm')}
      okButtonProps={{ danger: true, loading: save.isPending, 'data-testid': 'unit-lifecycle-submit' }}
      forceRender
    >
      <Typography.Paragraph type="secondary">{mode === 'merge' ? t('org.mergeHint') : t('org.closeHint')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={(changed) => clearErrorsOnChange(form, changed)}>
        {mode === 'merge' ? (
          <Form.Item name="mergedIntoId" label={t('org.mergedInto')} rules={[{ required: true, message: t('common.required') }]}>
            <TreeSelect showSearch treeDefaultExpandAll treeData={targets} filterTreeNode={filterUnitNode} data-testid="unit-merge-target" />
          </Form.Item>
        ) : null}
        <Form.Item name="activeTo" label={t('org.effectiveDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
