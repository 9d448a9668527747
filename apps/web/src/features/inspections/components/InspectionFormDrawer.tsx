import { useEffect, useMemo, useRef } from 'react';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select, TimePicker, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { inspectionInput, todayVn, type InspectionDetail } from '@tds/contracts';
import { useCreateInspection, useInspectionAct, useMemberCandidates, usePlanChoices } from '../api';
import { filterUnitNode, unitTreeSelectData, useUnitTree } from '../../org';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso, isoToDayjs, selectFilter } from '../../../lib/format';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { validateWith } from '../../../lib/forms';
import { newOpKey } from '../../../lib/op-key';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  title: string;
  visitDate: Dayjs | null;
  visitTime: Dayjs | null;
  unitIds: string[];
  memberIds: string[];
  planId?: string | null;
  checklist: string;
  note?: string;
}

/** Plan a visit, or edit one not yet concluded: when, which units, who goes, which contents. */
export function InspectionFormDrawer({
  communeId,
  open,
  editing,
  onClose,
  onSaved,
}: {
  communeId: string;
  open: boolean;
  editing?: InspectionDetail | null;
  onClose: () => void;
  onSaved: (d: InspectionDetail) => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const tree = useUnitTree(open ? communeId : null);
  const members = useMemberCandidates(communeId, open);
  const plans = usePlanChoices(communeId, open);
  const create = useCreateInspection(communeId);
  const act = useInspectionAct(communeId, editing?.id ?? '');
  const feedback = useSaveFeedback(form, (f) => [f.split('.')[0]!]);
  const { error, stale, reset } = feedback;
  const unitData = useMemo(() => unitTreeSelectData(tree.data, { keep: editing?.units.map((u) => u.id) ?? [] }), [tree.data, editing]);

  // One key per opening of the form: a save retried (a double click, a lost answer) plans the visit once.
  const opKey = useRef(newOpKey());
  useEffect(() => {
    if (!open) return;
    opKey.current = newOpKey();
    reset();
    form.resetFields();
    if (editing)
      form.setFieldsValue({
        title: editing.title,
        visitDate: isoToDayjs(editing.visitDate),
        visitTime: editing.visitTime ? dayjs(editing.visitTime, 'HH:mm') : null,
        unitIds: editing.units.map((u) => u.id),
        memberIds: editing.members.map((m) => m.userId),
        planId: editing.plan?.id ?? null,
        checklist: editing.checklist.join('\n'),
        note: editing.note ?? '',
      });
    else form.setFieldsValue({ visitDate: isoToDayjs(todayVn()), unitIds: [], memberIds: [], checklist: '' });
  }, [open, editing, form, reset]);

  const onFinish = (v: Values) => {
    reset();
    const body = {
      title: (v.title ?? '').trim(),
      visitDate: dayjsToIso(v.visitDate) ?? '',
      visitTime: v.visitTime ? v.visitTime.format('HH:mm') : null,
      unitIds: v.unitIds ?? [],
      memberIds: v.memberIds ?? [],
      planId: v.planId ?? null,
      checklist: (v.checklist ?? '')
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
      note: v.note?.trim() || null,
    };
    const input = validateWith(inspectionInput, body, form);
    if (!input) return;
    const done = { onSuccess: onSaved, onError: feedback.callbacks(!!editing, onClose).onError };
    if (editing) act.mutate({ kind: 'edit', input: { ...input, version: editing.version } }, done);
    else create.mutate({ ...input, opKey: opKey.current }, done);
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={editing ? t('inspections.edit') : t('inspections.create')}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('inspections.act.cancel')}</Button>
          <Button type="primary" loading={create.isPending || act.isPending} onClick={() => form.submit()} data-testid="inspection-form-submit">
            {t('inspections.act.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="title" label={t('inspections.field.title')} required>
          <Input maxLength={300} data-testid="inspection-form-title" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="visitDate" label={t('inspections.field.visitDate')} required style={{ flex: '1 1 150px' }}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid="inspection-form-date" />
          </Form.Item>
          <Form.Item name="visitTime" label={t('inspections.field.visitTime')} style={{ flex: '1 1 120px' }}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} placeholder="hh:mm" style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Form.Item name="unitIds" label={t('inspections.field.units')} required>
          <TreeSelect
            multiple
            treeData={unitData}
            showSearch
            filterTreeNode={filterUnitNode}
            treeDefaultExpandAll
            loading={tree.isPending}
            style={{ width: '100%' }}
            data-testid="inspection-form-units"
          />
        </Form.Item>
        <Form.Item name="memberIds" label={t('inspections.field.members')} required>
          <Select
            mode="multiple"
            loading={members.isPending}
            showSearch={{ filterOption: (input, option) => selectFilter(input, option as { label?: unknown }) }}
            options={(members.data?.items ?? []).map((m) => ({
              value: m.userId,
              label: `${m.fullName} – ${m.roles.map((r) => t(`users.roleNames.${r}`)).join(', ')}`,
            }))}
            data-testid="inspection-form-members"
          />
        </Form.Item>
        <Form.Item name="planId" label={t('inspections.field.plan')}>
          <Select
            allowClear
            loading={plans.isPending}
            showSearch={{ filterOption: (input, option) => selectFilter(input, option as { label?: unknown }) }}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            data-testid="inspection-form-plan"
          />
        </Form.Item>
        <Form.Item name="checklist" label={t('inspections.field.checklist')} extra={t('inspections.field.checklistHelp')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="inspection-form-checklist" />
        </Form.Item>
        <Form.Item name="note" label={t('inspections.field.note')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
