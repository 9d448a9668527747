import { useEffect } from 'react';
import { Alert, Button, Drawer, Flex, Form, Grid, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { indicatorAggregations, indicatorCreateInput, indicatorDirections, indicatorPatchInput, indicatorPillars, type Indicator } from '@tds/contracts';
import { useSaveIndicator } from '../../api';
import { toBody, toValues, type IndicatorFormValues as Values } from '../../indicatorForm';
import { validateWith } from '../../../../lib/forms';
import { useSaveFeedback } from '../../../../lib/save-feedback';
import { SaveErrorAlert } from '../../../../components/ui/SaveErrorAlert';

/** Add or edit one of the commune's own indicators; the server's messages land on their fields. */
export function IndicatorFormDrawer({
  communeId,
  open,
  indicator,
  onClose,
}: {
  communeId: string;
  open: boolean;
  indicator: Indicator | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveIndicator(communeId);
  const feedback = useSaveFeedback(form);
  const { error, stale, reset } = feedback;
  const isEdit = !!indicator;
  const aggregation = Form.useWatch('aggregation', form);

  useEffect(() => {
    if (!open) return;
    reset();
    form.resetFields();
    form.setFieldsValue(
      indicator ? toValues(indicator) : { pillar: 'gov', direction: 'higher', aggregation: 'sum', integer: false, scoreBands: [], active: true },
    );
  }, [open, indicator, form, reset]);

  const onFinish = (v: Values) => {
    reset();
    const body = toBody(v);
    const input = isEdit
      ? validateWith(indicatorPatchInput, { ...body, active: !!v.active }, form)
      : validateWith(indicatorCreateInput, { ...body, code: (v.code ?? '').trim() }, form);
    if (!input) return;
    save.mutate({ code: indicator?.code, input }, feedback.callbacks(isEdit, onClose));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('progress.indicators.editTitle', { name: indicator.name }) : t('progress.indicators.createTitle')}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="indicator-form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <SaveErrorAlert error={error} stale={stale} onReload={reset} />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange}>
        <Form.Item name="code" label={t('progress.code')} required extra={t('progress.indicators.codeHint')}>
          <Input maxLength={40} disabled={isEdit} autoComplete="off" data-testid="indicator-form-code" />
        </Form.Item>
        <Form.Item name="name" label={t('progress.name')} required>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} data-testid="indicator-form-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="pillar" label={t('progress.indicators.pillar')} required style={{ flex: '1 1 160px' }}>
            <Select options={indicatorPillars.map((p) => ({ value: p, label: t(`progress.pillars.${p}`) }))} data-testid="indicator-form-pillar" />
          </Form.Item>
          <Form.Item name="measure" label={t('progress.measure')} required style={{ flex: '1 1 120px' }}>
            <Input maxLength={30} placeholder="%, buổi, người, hộ…" data-testid="indicator-form-measure" />
          </Form.Item>
        </Flex>
        <Flex gap={12} wrap>
          <Form.Item name="direction" label={t('progress.indicators.direction')} required style={{ flex: '1 1 160px' }}>
            <Select options={indicatorDirections.map((d) => ({ value: d, label: t(`progress.indicators.directions.${d}`) }))} />
          </Form.Item>
          <Form.Item name="aggregation" label={t('progress.indicators.aggregation')} required style={{ flex: '1 1 200px' }}>
            <Select
              options={indicatorAggregations.map((a) => ({ value: a, label: t(`progress.indicators.aggregations.${a}`) }))}
              data-testid="indicator-form-aggregation"
            />
          </Form.Item>
        </Flex>
        {aggregation === 'ratio' ? (
          <>
            <Alert type="info" showIcon title={t('progress.indicators.ratioHint')} style={{ marginBottom: 12 }} />
            <Form.Item name="numeratorLabel" label={t('progress.indicators.numeratorLabel')} required>
              <Input maxLength={200} data-testid="indicator-form-numerator" />
            </Form.Item>
            <Form.Item name="denominatorLabel" label={t('progress.indicators.denominatorLabel')} required>
              <Input maxLength={200} data-testid="indicator-form-denominator" />
            </Form.Item>
          </>
        ) : null}
        <Flex gap={12} wrap>
          <Form.Item name="minValue" label={t('progress.indicators.minValue')} style={{ flex: '1 1 120px' }}>
            <InputNumber style={{ width: '100%' }} decimalSeparator="," />
          </Form.Item>
          <Form.Item name="maxValue" label={t('progress.indicators.maxValue')} style={{ flex: '1 1 120px' }}>
            <InputNumber style={{ width: '100%' }} decimalSeparator="," data-testid="indicator-form-max" />
          </Form.Item>
          <Form.Item name="integer" label={t('progress.indicators.integer')} valuePropName="checked" style={{ flex: '0 0 auto' }}>
            <Switch />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('progress.indicators.scoreBands')}</Typography.Text>
        <Form.List name="scoreBands">
          {(fields, { add, remove }, { errors }) => (
            <div style={{ marginTop: 8, marginBottom: 16 }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item name={[f.name, 'min']} style={{ flex: 1, marginBottom: 8 }}>
                    <InputNumber
                      style={{ width: '100%' }}
                      placeholder={t('progress.indicators.bandMin')}
                      aria-label={t('progress.indicators.bandMin')}
                      decimalSeparator=","
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'score']} style={{ flex: 1, marginBottom: 8 }}>
                    <InputNumber
                      style={{ width: '100%' }}
                      placeholder={t('progress.indicators.bandScore')}
                      aria-label={t('progress.indicators.bandScore')}
                      decimalSeparator=","
                    />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.actions')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} size="small">
                {t('progress.indicators.addBand')}
              </Button>
              <Form.ErrorList errors={errors} />
            </div>
          )}
        </Form.List>
        <Form.Item name="evidence" label={t('progress.indicators.evidence')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
        </Form.Item>
        <Form.Item name="verifier" label={t('progress.indicators.verifier')}>
          <Input maxLength={300} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="sortOrder" label={t('progress.indicators.sortOrder')} style={{ flex: '1 1 120px' }}>
            <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          {isEdit ? (
            <Form.Item name="active" label={t('progress.indicators.active')} valuePropName="checked" style={{ flex: '1 1 120px' }}>
              <Switch data-testid="indicator-form-active" />
            </Form.Item>
          ) : null}
        </Flex>
      </Form>
    </Drawer>
  );
}
