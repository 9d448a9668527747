import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Drawer, Flex, Form, Grid, Input, InputNumber, Select, Skeleton, Switch, TreeSelect, App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { genders, personInput, personUpdateInput, type Person } from '@tds/contracts';
import { usePerson, useSavePerson } from '../api';
import type { UnitTreeItem } from '../../org/api';
import { filterUnitNode, unitTreeSelectData } from '../../org/unitOptions';
import { blankToNull } from '../../../lib/format';
import { applyApiError, validateWith } from '../../../lib/forms';
import { isApiError } from '../../../lib/api';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';

interface Values {
  fullName: string;
  gender: Person['gender'] | undefined;
  birthYear: number | null;
  position: string;
  unitId: string;
  active: boolean;
}

const FIELDS = ['fullName', 'gender', 'birthYear', 'position', 'unitId', 'active'];

export function PersonFormDrawer({ communeId, open, personId, defaultUnitId, treeUnits, readOnly, onClose }: {
  communeId: string;
  open: boolean;
  personId: string | null;
  defaultUnitId?: string;
  treeUnits: UnitTreeItem[] | undefined;
  readOnly?: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const person = usePerson(communeId, open ? personId : null);
  const save = useSavePerson(communeId);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const isEdit = !!personId;

  useEffect(() => {
    if (!open) return;
    setError(null);
    setStale(false);
    form.resetFields();
    if (!isEdit) form.setFieldsValue({ unitId: defaultUnitId, active: true });
  }, [open, isEdit, defaultUnitId, form]);

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
    setError(null);
    setStale(false);
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
    save.mutate(
      { id: personId ?? undefined, input },
      {
        onSuccess: () => {
          void message.success(isEdit ? t('common.saved') : t('common.created'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'STALE_VERSION') setStale(true);
          setError(applyApiError(e, form, FIELDS));
        },
      },
    );
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
      {error ? (
        <Alert
          type="error"
          showIcon
          title={error}
          description={stale ? t('common.staleHint') : undefined}
          style={{ marginBottom: 16 }}
          action={stale ? <Button size="small" onClick={() => void person.refetch()}>{t('common.reload')}</Button> : undefined}
        />
      ) : null}
      <Form form={form} layout="vertical" onFinish={onFinish} disabled={readOnly} hidden={isEdit && !person.data}>
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
    </Drawer>
  );
}
