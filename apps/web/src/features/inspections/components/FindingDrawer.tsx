import { useEffect, useRef } from 'react';
import { Button, DatePicker, Drawer, Flex, Form, Grid, Input, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { inspectionFindingInput, type InspectionDetail } from '@tds/contracts';
import { useInspectionAct } from '../api';
import { EvidenceFields, evidenceOf, type EvidenceValues } from './EvidenceFields';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso } from '../../../lib/format';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { validateWith } from '../../../lib/forms';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  unitId?: string;
  text: string;
  evidence?: EvidenceValues;
  recommendations: { text: string; dueOn: Dayjs | null }[];
}

const newKey = () => `finding-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** Record a finding at one unit of the visit, its evidence and the recommendations made to the unit. A retry records it once. */
export function FindingDrawer({ inspection, open, onClose }: { inspection: InspectionDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const act = useInspectionAct(inspection.communeId, inspection.id);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;
  const opKey = useRef(newKey());

  useEffect(() => {
    if (!open) return;
    reset();
    opKey.current = newKey();
    form.resetFields();
    form.setFieldsValue({ unitId: inspection.units.length === 1 ? inspection.units[0]!.id : undefined, recommendations: [] });
  }, [open, form, reset, inspection.units]);

  const onFinish = (v: Values) => {
    reset();
    const body = {
      unitId: v.unitId ?? null,
      text: (v.text ?? '').trim(),
      evidence: evidenceOf(v.evidence),
      recommendations: (v.recommendations ?? []).map((r) => ({ text: (r?.text ?? '').trim(), dueOn: dayjsToIso(r?.dueOn) ?? '' })),
      opKey: opKey.current,
    };
    const input = validateWith(inspectionFindingInput, body, form);
    if (!input) return;
    act.mutate({ kind: 'record', input }, feedback.callbacks(false, onClose));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('inspections.act.record')}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('inspections.act.cancel')}</Button>
          <Button type="primary" loading={act.isPending} onClick={() => form.submit()} data-testid="finding-form-submit">
            {t('inspections.act.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="unitId" label={t('inspections.field.unit')} required>
          <Select options={inspection.units.map((u) => ({ value: u.id, label: u.name }))} data-testid="finding-form-unit" />
        </Form.Item>
        <Form.Item name="text" label={t('inspections.field.findingText')} required>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={4000} data-testid="finding-form-text" />
        </Form.Item>
        <EvidenceFields communeId={inspection.communeId} inspectionId={inspection.id} testId="finding-evidence" />
        <Form.List name="recommendations">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} wrap align="flex-start" style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
                  <Form.Item name={[f.name, 'text']} label={`${t('inspections.field.recText')} ${i + 1}`} required style={{ flex: '1 1 260px' }}>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={2000} data-testid={`finding-rec-text-${i}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} label={t('inspections.field.recDue')} required style={{ flex: '1 1 140px' }}>
                    <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} data-testid={`finding-rec-due-${i}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('inspections.act.remove')} onClick={() => remove(f.name)} style={{ marginTop: 30 }} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ text: '', dueOn: null })} data-testid="finding-rec-add">
                {t('inspections.act.addRecommendation')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
