import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, Radio, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { modelInput, modelKinds, modelUpdateInput, type Model, type ModelKind } from '@tds/contracts';
import type { Dayjs } from 'dayjs';
import { useSaveModel } from '../api';
import { usePeople } from '../../people';
import { filterUnitNode, unitTreeSelectData, type UnitTreeItem } from '../../org';
import { DATE_FORMAT, dayjsToIso, isoToDayjs } from '../../../lib/format';
import { validateWith } from '../../../lib/forms';
import { newOpKey } from '../../../lib/op-key';
import { useDebounced } from '../../../lib/hooks';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  kind: ModelKind;
  title: string;
  unitId?: string;
  personId?: string;
  story: string;
  movementContent: string;
  from: Dayjs | null;
  to: Dayjs | null;
}

/** Record or edit a model: a collective (a unit) or an individual (a person of the list), its story, content and period. */
export function ModelFormDrawer({
  communeId,
  open,
  model,
  units,
  onClose,
  onSaved,
}: {
  communeId: string;
  open: boolean;
  model: Model | null;
  units: UnitTreeItem[] | undefined;
  onClose: () => void;
  onSaved?: (m: Model) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const save = useSaveModel(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;
  const [q, setQ] = useState('');
  const people = usePeople(open && kind === 'individual' ? communeId : null, { page: 1, pageSize: 20, q: useDebounced(q, 250) || undefined });

  // One key per opening of the form: a save retried (a double click, a lost answer) records the model once.
  const opKey = useRef(newOpKey());
  useEffect(() => {
    if (!open) return;
    opKey.current = newOpKey();
    reset();
    form.resetFields();
    const m = model;
    form.setFieldsValue(
      m
        ? {
            kind: m.kind,
            title: m.title,
            unitId: m.unitId,
            personId: m.personId ?? undefined,
            story: m.story ?? '',
            movementContent: m.movementContent ?? '',
            from: isoToDayjs(m.from),
            to: isoToDayjs(m.to),
          }
        : { kind: 'collective' },
    );
  }, [open, model, form, reset]);

  const unitData = useMemo(() => unitTreeSelectData(units, { keep: model?.unitId ?? null }), [units, model?.unitId]);
  const personOptions = useMemo(() => {
    const found = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName} (${p.unitName})` }));
    if (model?.personId && !found.some((o) => o.value === model.personId)) found.push({ value: model.personId, label: model.personName ?? '' });
    return found;
  }, [people.data, model]);

  const onFinish = (v: Values) => {
    reset();
    const body = {
      kind: v.kind,
      title: (v.title ?? '').trim(),
      unitId: v.kind === 'collective' ? (v.unitId ?? null) : null,
      personId: v.kind === 'individual' ? (v.personId ?? null) : null,
      story: (v.story ?? '').trim() || undefined,
      // The plan's content item stays as recorded unless the text is changed here.
      ...((v.movementContent ?? '').trim() !== (model?.movementContent ?? '') ? { movementContent: (v.movementContent ?? '').trim(), planId: null } : {}),
      from: dayjsToIso(v.from),
      to: dayjsToIso(v.to),
    };
    const input = model
      ? validateWith(modelUpdateInput, { ...body, version: model.version }, form)
      : validateWith(modelInput, { ...body, opKey: opKey.current }, form);
    if (!input) return;
    const cb = feedback.callbacks(!!model, onClose);
    save.mutate(
      { id: model?.id, input },
      {
        onSuccess: (r) => {
          cb.onSuccess();
          if (r) onSaved?.(r);
        },
        onError: cb.onError,
      },
    );
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={model ? t('models.edit') : t('models.create')}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="model-form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="kind" label={t('models.fields.kind')}>
          <Radio.Group options={modelKinds.map((k) => ({ value: k, label: t(`models.kinds.${k}`) }))} optionType="button" data-testid="model-form-kind" />
        </Form.Item>
        <Form.Item name="title" label={t('models.fields.title')} required>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={300} data-testid="model-form-title" />
        </Form.Item>
        {kind === 'individual' ? (
          <Form.Item name="personId" label={t('models.fields.person')} required>
            <Select showSearch={{ filterOption: false, onSearch: setQ }} options={personOptions} data-testid="model-form-person" />
          </Form.Item>
        ) : (
          <Form.Item name="unitId" label={t('models.fields.unit')} required>
            <TreeSelect showSearch treeDefaultExpandAll treeData={unitData} filterTreeNode={filterUnitNode} data-testid="model-form-unit" />
          </Form.Item>
        )}
        <Form.Item name="movementContent" label={t('models.fields.movementContent')}>
          <Input maxLength={1000} data-testid="model-form-content" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="from" label={t('models.fields.from')} style={{ flex: '1 1 150px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="to" label={t('models.fields.to')} style={{ flex: '1 1 150px' }}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="story" label={t('models.fields.story')}>
          <Input.TextArea autoSize={{ minRows: 5, maxRows: 16 }} maxLength={20000} data-testid="model-form-story" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
