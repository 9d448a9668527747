import { Suspense, useEffect, useMemo } from 'react';
import { Button, Col, DatePicker, Drawer, Flex, Form, Grid, Input, Row, Select, Skeleton, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { unitInput, unitKinds, unitUpdateInput, type Unit, type UnitKind } from '@tds/contracts';
import { useSaveUnit, useUnit, type UnitTreeItem } from '../api';
import { descendantIds } from '../../../lib/tree';
import { DATE_FORMAT, DATE_PLACEHOLDER, blankToNull, dayjsToIso, isoToDayjs } from '../../../lib/format';
import { validateWith } from '../../../lib/forms';
import { filterUnitNode, unitTreeSelectData } from '../unitOptions';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';
import { InitiativesCard } from '../../initiatives';
import { ModelsCard } from '../../models';

interface Values {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  contactName: string;
  phone: string;
  email: string;
  address: string;
  activeFrom: Dayjs | null;
  activeTo: Dayjs | null;
}

function toValues(u: Unit): Values {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    contactName: u.contactName ?? '',
    phone: u.phone ?? '',
    email: u.email ?? '',
    address: u.address ?? '',
    activeFrom: isoToDayjs(u.activeFrom),
    activeTo: isoToDayjs(u.activeTo),
  };
}

interface Props {
  communeId: string;
  open: boolean;
  unitId: string | null;
  defaultParentId?: string | null;
  treeUnits: UnitTreeItem[] | undefined;
  /** The list's `can.create`: whether a new unit may be added here. */
  canCreate: boolean;
  onClose: () => void;
}

export function UnitFormDrawer({ communeId, open, unitId, defaultParentId, treeUnits, canCreate, onClose }: Props) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const unit = useUnit(communeId, open ? unitId : null);
  const save = useSaveUnit(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset: resetFeedback } = feedback;
  const isEdit = !!unitId;
  // An existing unit is editable only when the server says so for this unit (its `can`).
  const readOnly = isEdit ? unit.data?.can.edit !== true : !canCreate;

  useEffect(() => {
    if (!open) return;
    resetFeedback();
    form.resetFields();
    if (!isEdit) form.setFieldsValue({ parentId: defaultParentId ?? null });
  }, [open, isEdit, defaultParentId, form, resetFeedback]);

  useEffect(() => {
    if (open && isEdit && unit.data) form.setFieldsValue(toValues(unit.data));
  }, [open, isEdit, unit.data, form]);

  const parentData = useMemo(() => {
    const exclude = unitId ? descendantIds(treeUnits ?? [], unitId) : undefined;
    return unitTreeSelectData(treeUnits, { exclude, keep: unit.data?.parentId ?? null });
  }, [treeUnits, unitId, unit.data?.parentId]);

  const onFinish = (v: Values) => {
    resetFeedback();
    const body = {
      code: (v.code ?? '').trim(),
      name: (v.name ?? '').trim(),
      kind: v.kind,
      parentId: v.parentId ?? null,
      contactName: blankToNull(v.contactName),
      phone: blankToNull(v.phone),
      email: blankToNull(v.email),
      address: blankToNull(v.address),
      activeFrom: dayjsToIso(v.activeFrom),
      activeTo: dayjsToIso(v.activeTo),
    };
    const input = isEdit ? validateWith(unitUpdateInput, { ...body, version: unit.data?.version ?? 0 }, form) : validateWith(unitInput, body, form);
    if (!input) return;
    save.mutate({ id: unitId ?? undefined, input }, feedback.callbacks(isEdit, onClose));
  };

  const title = readOnly ? (unit.data?.name ?? t('org.editUnit')) : isEdit ? t('org.editUnit') : t('org.createUnit');

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        readOnly ? null : (
          <Flex justify="flex-end" gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="unit-form-submit" disabled={isEdit && !unit.data}>
              {t('common.save')}
            </Button>
          </Flex>
        )
      }
    >
      {isEdit && unit.isPending ? <Skeleton active /> : null}
      {unit.error ? <ErrorAlert error={unit.error} /> : null}
      <SaveErrorAlert
        error={error}
        stale={stale}
        onReload={() => {
          resetFeedback();
          void unit.refetch().then((r) => r.data && form.setFieldsValue(toValues(r.data)));
        }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange} disabled={readOnly} hidden={isEdit && !unit.data}>
        <Row gutter={12}>
          <Col xs={24} sm={8}>
            <Form.Item name="code" label={t('org.code')} required>
              <Input data-testid="unit-form-code" maxLength={32} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={16}>
            <Form.Item name="name" label={t('org.name')} required>
              <Input data-testid="unit-form-name" maxLength={200} autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="kind" label={t('org.kind')} required>
          <Select data-testid="unit-form-kind" options={unitKinds.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))} placeholder={t('org.kind')} />
        </Form.Item>
        <Form.Item name="parentId" label={t('org.parent')}>
          <TreeSelect
            data-testid="unit-form-parent"
            allowClear
            showSearch
            treeDefaultExpandAll
            treeData={parentData}
            filterTreeNode={filterUnitNode}
            placeholder={t('org.noParent')}
            popupMatchSelectWidth
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="contactName" label={t('org.contactName')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="phone" label={t('org.phone')}>
              <Input maxLength={30} inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="email" label={t('org.email')}>
          <Input maxLength={200} inputMode="email" />
        </Form.Item>
        <Form.Item name="address" label={t('org.address')}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12}>
            <Form.Item name="activeFrom" label={t('org.activeFrom')}>
              <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid="unit-form-activeFrom" />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="activeTo" label={t('org.activeTo')}>
              <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid="unit-form-activeTo" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {open && isEdit && unit.data ? (
        // The unit's initiatives and exemplary models (each card hides itself from those who may not read them).
        <Suspense fallback={null}>
          <InitiativesCard communeId={communeId} unitId={unit.data.id} />
          <ModelsCard communeId={communeId} unitId={unit.data.id} />
        </Suspense>
      ) : null}
    </Drawer>
  );
}
