import { Alert, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { deadlineQualifiers, isUndated, recurrences } from '@tds/contracts';
import { DATE_FORMAT, DATE_PLACEHOLDER } from '../../../../lib/format';
import { AddButton, PlanField, RemoveButton } from './PlanField';
import { deadlineWording, dueByLabel, type Deadline } from '../../planText';

/** The wording the deadline's values give, the day it is due, and a button to use the wording. */
function DeadlineHint({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const d = Form.useWatch(['deadlines', index], form) as Partial<Deadline> | undefined;
  if (!d) return null;
  const values = { day: d.day ?? null, month: d.month ?? null, year: d.year ?? null, recurrence: d.recurrence ?? 'once', qualifier: d.qualifier ?? 'by' };
  const wording = deadlineWording(values);
  const due = dueByLabel(values);
  return (
    <Flex wrap gap={8} align="center" style={{ marginTop: -8, marginBottom: 8 }}>
      {due ? (
        <Typography.Text type="secondary" data-testid="deadline-due">
          {t(values.recurrence === 'once' ? 'plans.dueBy' : 'plans.dueByRecurring', { date: due, recurrence: t(`plans.recurrences.${values.recurrence}`) })}
        </Typography.Text>
      ) : null}
      {wording && wording !== d.text ? (
        <Button size="small" type="link" onClick={() => form.setFieldValue(['deadlines', index, 'text'], wording)}>
          {t('plans.useWording', { text: wording })}
        </Button>
      ) : null}
    </Flex>
  );
}

/** "Đã xác nhận" for a review's report day; until then the day is only the default the form offers. */
function ReviewConfirm({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const confirmed = Form.useWatch(['milestones', index, 'confirmed'], form) as boolean | undefined;
  const date: unknown = Form.useWatch(['milestones', index, 'dueDate'], form);
  return (
    <Flex gap={6} align="center" wrap style={{ minHeight: 32, marginBottom: 8 }}>
      <Form.Item name={[index, 'confirmed']} valuePropName="checked" noStyle>
        <Checkbox disabled={!date} data-testid="milestone-confirm">
          {t('plans.reviewConfirmed')}
        </Checkbox>
      </Form.Item>
      {!confirmed ? (
        <Tag color="warning" data-testid="milestone-default">
          {t('plans.reviewDefault')}
        </Tag>
      ) : null}
    </Flex>
  );
}

/** The two days a half-yearly deadline without a date is due on, chosen by the officer. */
function HalfDates({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const d = Form.useWatch(['deadlines', index], form) as Partial<Deadline> | undefined;
  if (!d || d.recurrence !== 'half-yearly' || d.month) return null;
  const num = (min: number, max: number, label: string) => <InputNumber aria-label={label} min={min} max={max} placeholder={label} style={{ width: '100%' }} />;
  return (
    <Row gutter={8} data-testid="deadline-halves">
      {[0, 1].map((h) => (
        <Col key={h} xs={24} md={12}>
          <div style={{ marginBottom: 4 }}>{t(h === 0 ? 'plans.firstHalf' : 'plans.secondHalf')}</div>
          <Row gutter={8}>
            <Col span={12}>
              <Form.Item name={[index, 'dates', h, 'day']} style={{ marginBottom: 8 }}>
                {num(1, 31, t('plans.day'))}
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name={[index, 'dates', h, 'month']} style={{ marginBottom: 8 }}>
                {num(1, 12, t('plans.month'))}
              </Form.Item>
            </Col>
          </Row>
        </Col>
      ))}
    </Row>
  );
}

/** A deadline the plan gives no day: it must be dated before the plan can be published. */
function UndatedFlag({ index }: { index: number }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const d = Form.useWatch(['deadlines', index], form) as Partial<Deadline> | undefined;
  if (!d) return null;
  const dates = (d.dates ?? []).filter((x): x is { day: number; month: number } => !!x && !!x.day && !!x.month);
  if (!isUndated({ month: d.month ?? null, recurrence: d.recurrence ?? 'once', dates })) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="deadline-undated"
      title={t(d.recurrence === 'half-yearly' ? 'plans.undatedHalf' : 'plans.undated')}
      style={{ marginBottom: 8 }}
    />
  );
}

/** Phases, mid-term and final milestones, and the deadlines. */
export function TimelineFields() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const num = (min: number, max: number) => <InputNumber min={min} max={max} style={{ width: '100%' }} />;
  return (
    <Card size="small" title={t('plans.sections.timeline')} id="plan-section-timeline" style={{ marginBottom: 16 }}>
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('plans.phases')}</div>
      <Form.List name="phases">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} wrap={false} align="top">
                <Col flex="auto" style={{ minWidth: 0 }}>
                  <PlanField name={[f.name, 'name']} path={`plan.phases.${f.name}.name`} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('plans.phaseName')} />
                  </PlanField>
                </Col>
                <Col flex="100px">
                  <PlanField
                    name={[f.name, 'fromYear']}
                    path={`plan.phases.${f.name}.fromYear`}
                    style={{ marginBottom: 8 }}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber min={2000} max={2100} placeholder={t('plans.fromYear')} style={{ width: '100%' }} />
                  </PlanField>
                </Col>
                <Col flex="100px">
                  <PlanField
                    name={[f.name, 'toYear']}
                    path={`plan.phases.${f.name}.toYear`}
                    style={{ marginBottom: 8 }}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber min={2000} max={2100} placeholder={t('plans.toYear')} style={{ width: '100%' }} />
                  </PlanField>
                </Col>
                <Col flex="none">
                  <RemoveButton onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <AddButton onClick={() => add({ name: '', fromYear: null, toYear: null })} />
          </>
        )}
      </Form.List>
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('plans.milestones')}</div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('plans.reviewDateHelp')}
      </Typography.Paragraph>
      <Form.List name="milestones">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Row key={f.key} gutter={8} align="top" data-testid="milestone-row">
                <Col xs={24} sm={8}>
                  <PlanField name={[f.name, 'kind']} path={`plan.milestones.${f.name}.kind`} style={{ marginBottom: 8 }}>
                    <Select
                      aria-label={t('plans.milestones')}
                      options={(['mid-term', 'final'] as const).map((k) => ({ value: k, label: t(`plans.milestoneKinds.${k}`) }))}
                    />
                  </PlanField>
                </Col>
                <Col xs={8} sm={4}>
                  <PlanField
                    name={[f.name, 'year']}
                    path={`plan.milestones.${f.name}.year`}
                    style={{ marginBottom: 8 }}
                    rules={[{ required: true, message: t('common.required') }]}
                  >
                    <InputNumber aria-label={t('plans.year')} min={2000} max={2100} placeholder={t('plans.year')} style={{ width: '100%' }} />
                  </PlanField>
                </Col>
                <Col xs={14} sm={6}>
                  <PlanField name={[f.name, 'dueDate']} path={`plan.milestones.${f.name}.dueDate`} style={{ marginBottom: 8 }}>
                    <DatePicker
                      aria-label={t('plans.reviewDate')}
                      format={DATE_FORMAT}
                      placeholder={DATE_PLACEHOLDER}
                      style={{ width: '100%' }}
                      // A day the officer picks is a day confirmed (no second click on "Đã xác nhận").
                      onChange={(d) => {
                        if (d) form.setFieldValue(['milestones', f.name, 'confirmed'], true);
                      }}
                      data-testid="milestone-date"
                    />
                  </PlanField>
                </Col>
                <Col xs={2} sm={1}>
                  <RemoveButton onClick={() => remove(f.name)} />
                </Col>
                <Col xs={24} sm={5}>
                  <ReviewConfirm index={f.name} />
                </Col>
              </Row>
            ))}
            <AddButton onClick={() => add({ kind: 'final', year: null, dueDate: null, confirmed: false })} />
          </>
        )}
      </Form.List>
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('plans.deadlines')}</div>
      <Form.List name="deadlines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                style={{ marginBottom: 12 }}
                title={`${i + 1}.`}
                extra={<RemoveButton onClick={() => remove(f.name)} />}
              >
                <PlanField name={[f.name, 'what']} path={`plan.deadlines.${f.name}.what`} label={t('plans.deadlineWhat')}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                </PlanField>
                <Row gutter={8}>
                  <Col xs={24} md={12}>
                    <PlanField name={[f.name, 'from']} path={`plan.deadlines.${f.name}.from`} label={t('plans.deadlineFrom')}>
                      <Input />
                    </PlanField>
                  </Col>
                  <Col xs={24} md={12}>
                    <PlanField name={[f.name, 'to']} path={`plan.deadlines.${f.name}.to`} label={t('plans.deadlineTo')}>
                      <Input />
                    </PlanField>
                  </Col>
                  <Col xs={12} md={6}>
                    <PlanField name={[f.name, 'qualifier']} path={`plan.deadlines.${f.name}.qualifier`} label={t('plans.qualifier')}>
                      <Select options={deadlineQualifiers.map((q) => ({ value: q, label: t(`plans.qualifiers.${q}`) }))} />
                    </PlanField>
                  </Col>
                  <Col xs={12} md={6}>
                    <PlanField name={[f.name, 'recurrence']} path={`plan.deadlines.${f.name}.recurrence`} label={t('plans.recurrence')}>
                      <Select options={recurrences.map((r) => ({ value: r, label: t(`plans.recurrences.${r}`) }))} />
                    </PlanField>
                  </Col>
                  <Col xs={8} md={4}>
                    <PlanField name={[f.name, 'day']} path={`plan.deadlines.${f.name}.day`} label={t('plans.day')}>
                      {num(1, 31)}
                    </PlanField>
                  </Col>
                  <Col xs={8} md={4}>
                    <PlanField name={[f.name, 'month']} path={`plan.deadlines.${f.name}.month`} label={t('plans.month')}>
                      {num(1, 12)}
                    </PlanField>
                  </Col>
                  <Col xs={8} md={4}>
                    <PlanField name={[f.name, 'year']} path={`plan.deadlines.${f.name}.year`} label={t('plans.year')}>
                      {num(2000, 2100)}
                    </PlanField>
                  </Col>
                </Row>
                <HalfDates index={f.name} />
                <PlanField name={[f.name, 'text']} path={`plan.deadlines.${f.name}.text`} label={t('plans.deadlineText')}>
                  <Input />
                </PlanField>
                <DeadlineHint index={f.name} />
                <UndatedFlag index={f.name} />
              </Card>
            ))}
            <AddButton
              onClick={() => add({ what: '', from: null, to: null, day: null, month: null, year: null, recurrence: 'yearly', qualifier: 'before', text: '' })}
            />
          </>
        )}
      </Form.List>
    </Card>
  );
}
