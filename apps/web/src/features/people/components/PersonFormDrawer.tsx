import { Suspense, useEffect, useMemo } from 'react';
import { Button, Drawer, Flex, Form, Grid, Input, InputNumber, Select, Skeleton, Switch, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { genders, personInput, personUpdateInput, type Person } from '@tds/contracts';
import { usePerson, useSavePerson } from '../api';
import { type UnitTreeItem, filterUnitNode, unitTreeSelectData } from '../../org';
import { blankToNull } from '../../../lib/format';
import { validateWith } from '../../../lib/forms';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';
import { InitiativesCard } from '../../initiatives';

interface Values {
  fullName: string;
  gender: Person['gender'] | undefined;
  birthYear: number | null;
  position: string;
  unitId: string;
  active: boolean;
}

export function PersonFormDrawer({
  communeId,
  open,
  personId,
  defaultUnitId,
  treeUnits,
  canCreate,
  onClose,
}: {
  communeId: string;
  open: boolean;
  personId: string | null;
  defaultUnitId?: string;
  treeUnits: UnitTreeItem[] | undefined;
  /** The list's `can.create`: whether a new person may be added here. */
  canCreate: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const person = usePerson(communeId, open ? personId : null);
  const save = useSavePerson(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset: resetFeedback } = feedback;
  const isEdit = !!personId;
  // An existing person is editable only when the server says so for this person (its `can`).
  const readOnly = isEdit ? person.data?.can.edit !== true : !canCreate;

  useEffect(() => {
    if (!open) return;
    resetFeedback();
    form.resetFields();
    if (!isEdit) form.setFieldsValue({ unitId: defaultUnitId, active: true });
  }, [open, isEdit, defaultUnitId, form, resetFeedback]);

  useEffect(() => {
    const p = person.data;
    if (open && isEdit && p) {
      form.setFieldsValue({
        fullName: p.fullName,
        gender: p.gender ?? undefined,
        birthYear: p.birthYear,
        position: p.position ?? '',
        unitId: p.unitId,
        active: p.active,
      });
    }
  }, [open, isEdit, person.data, form]);

  const unitData = useMemo(() => unitTreeSelectData(treeUnits, { keep: person.data?.unitId ?? null }), [treeUnits, person.data?.unitId]);

  const onFinish = (v: Values) => {
    resetFeedback();
    const body = {
      unitId: v.unitId,
      fullName: (v.fullName ?? '').trim(),
      gender: v.gender ?? null,
      birthYear: typeof v.birthYear === 'number' ? v.birthYear : null,
      position: blankToNull(v.position),
    };
    const input = isEdit
      ? validateWith(personUpdateInput, { ...body, active: v.active, version: person.data?.version ?? 0 }, form)
      : validateWith(personInput, body, form);
    if (!input) return;
    save.mutate({ id: personId ?? undefined, input }, feedback.callbacks(isEdit, onClose));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('people.editPerson') : t('people.createPerson')}
      size={screens.md ? 480 : '100%'}
      forceRender
      footer={
        readOnly ? null : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} disabled={isEdit && !person.data} data-testid="person-form-submit">
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      {isEdit && person.isPending ? <Skeleton active /> : null}
      {person.error ? <ErrorAlert error={person.error} /> : null}
      <SaveErrorAlert
        error={error}
        stale={stale}
        onReload={() => {
          resetFeedback();
          void person.refetch();
        }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange} disabled={readOnly} hidden={isEdit && !person.data}>
        <Form.Item name="fullName" label={t('people.fullName')} required>
          <Input maxLength={120} autoComplete="off" data-testid="person-form-fullName" />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="gender" label={t('people.gender')} style={{ flex: 1 }}>
            <Select allowClear options={genders.map((g) => ({ value: g, label: t(`people.genders.${g}`) }))} data-testid="person-form-gender" />
          </Form.Item>
          <Form.Item name="birthYear" label={t('people.birthYear')} style={{ flex: 1 }}>
            <InputNumber min={1900} max={2100} style={{ width: '100%' }} controls={false} data-testid="person-form-birthYear" />
          </Form.Item>
        </Flex>
        <Form.Item name="position" label={t('people.position')}>
          <Input maxLength={120} data-testid="person-form-position" />
        </Form.Item>
        <Form.Item name="unitId" label={t('people.unit')} required>
          <TreeSelect showSearch treeDefaultExpandAll treeData={unitData} filterTreeNode={filterUnitNode} data-testid="person-form-unit" />
        </Form.Item>
        {isEdit ? (
          <Form.Item name="active" label={t('people.activeSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : null}
      </Form>
      {open && isEdit && person.data ? (
        // The initiatives this person is an author of (hidden from those who may not read the register).
        <Suspense fallback={null}>
          <InitiativesCard communeId={communeId} personId={person.data.id} />
        </Suspense>
      ) : null}
    </Drawer>
  );
}
