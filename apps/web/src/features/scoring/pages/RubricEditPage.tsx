import { useEffect, useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Checkbox, Col, Collapse, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  aggregations,
  criterionMethods,
  criterionSections,
  defaultClasses,
  maxTotalOf,
  vietnamYear,
  type CriterionInput,
  type RubricInput,
} from '@tds/contracts';
import { draftFromPlan, useIndicators, usePlan, usePlans, useRubric, useSaveRubric, useTemplates, useUnits } from '../api';
import { SCORING_PATHS } from '../paths';
import { errorText } from '../../../lib/errors';
import { isApiError } from '../../../lib/api';
import { selectFilter } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

type FormValues = Omit<RubricInput, 'criteria'> & { criteria: (CriterionInput & { key?: string })[] };

const blankCriterion = (): CriterionInput => ({ title: '', section: 'main', method: 'judgement', maxPoints: 10, evidenceRequired: false, bands: [] });

/** Build or edit a draft rubric: from a plan's participant group, a province template, or by hand. */
export default function RubricEditPage() {
  const { communeId } = useCommune();
  if (!communeId) return <NoCommune />;
  return <RubricEdit key={communeId} communeId={communeId} />;
}

function RubricEdit({ communeId }: { communeId: string }) {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<FormValues>();
  const existing = useRubric(communeId, id);
  const plans = usePlans(communeId);
  const units = useUnits(communeId);
  const indicators = useIndicators(communeId);
  const templates = useTemplates(communeId, true);
  const save = useSaveRubric(communeId);
  const [planId, setPlanId] = useState<string | null>(null);
  const [group, setGroup] = useState<number | null>(null);
  const [templateKey, setTemplateKey] = useState<string | null>(null);
  const plan = usePlan(communeId, planId);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    const r = existing.data;
    if (!r) return;
    form.setFieldsValue({
      planId: r.planId,
      groupName: r.groupName,
      title: r.title,
      year: r.year,
      unitIds: r.units.map((u) => u.id),
      aggregation: r.aggregation,
      classes: r.classes,
      source: r.source,
      criteria: r.criteria.map(({ order: _o, auto: _a, ...c }) => ({ ...c, bands: c.bands ?? [] })),
    });
  }, [existing.data, form]);

  const criteria = Form.useWatch('criteria', form) ?? [];
  const maxTotal = maxTotalOf(criteria.filter(Boolean).map((c) => ({ section: c.section ?? 'main', maxPoints: Number(c.maxPoints) || 0 })));
  const unitOptions = useMemo(() => (units.data?.units ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name })), [units.data]);
  const indicatorOptions = useMemo(() => (indicators.data?.items ?? []).map((i) => ({ value: i.code, label: `${i.name} (${i.measure})` })), [indicators.data]);
  const templateGroups = (templates.data?.items ?? []).flatMap((tpl) =>
    tpl.groups.map((g, gi) => ({ value: `${tpl.id}:${gi}`, label: `${tpl.name} — ${g.name}`, tpl, g })),
  );

  const loadFromPlan = async () => {
    setLoadError(null);
    if (!planId || group === null) return void message.warning(t('scoring.edit.needPlanGroup'));
    try {
      const d = await draftFromPlan(communeId, planId, group, form.getFieldValue('year') ?? vietnamYear());
      form.setFieldsValue({ ...d, criteria: d.criteria.map((c) => ({ ...c, bands: c.bands ?? [] })) });
      message.success(t('scoring.edit.loaded', { count: d.criteria.length }));
    } catch (e) {
      setLoadError(e);
    }
  };
  const loadTemplate = () => {
    const hit = templateGroups.find((x) => x.value === templateKey);
    if (!hit) return;
    form.setFieldsValue({
      groupName: hit.g.name,
      source: `${hit.tpl.name}${hit.tpl.legalBasis ? ` (${hit.tpl.legalBasis})` : ''}`,
      classes: hit.g.classes ?? form.getFieldValue('classes'),
      criteria: hit.g.criteria.map((c) => ({ ...c, bands: c.bands ?? [] })),
    });
    message.success(t('scoring.edit.loaded', { count: hit.g.criteria.length }));
  };

  const onFinish = async (v: FormValues) => {
    const input: RubricInput = {
      ...v,
      planId: v.planId ?? null,
      source: v.source ?? null,
      criteria: v.criteria.map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        title: c.title,
        section: c.section,
        method: c.method,
        maxPoints: Number(c.maxPoints),
        bands: c.method === 'bands' ? (c.bands ?? []).map((b) => ({ min: Number(b.min), points: Number(b.points) })) : undefined,
        indicatorCode: c.method === 'judgement' ? null : (c.indicatorCode ?? null),
        denominatorCode: c.method === 'formula' ? (c.denominatorCode ?? null) : null,
        factor: c.method === 'formula' ? (c.factor ?? null) : null,
        evidenceRequired: !!c.evidenceRequired,
        evidenceHint: c.evidenceHint || null,
      })),
    };
    try {
      const r = await save.mutateAsync({ id, input: id ? { ...input, version: existing.data!.version } : input });
      message.success(t('scoring.edit.saved'));
      void navigate(SCORING_PATHS.rubric(r.id));
    } catch (e) {
      if (isApiError(e) && e.details.length)
        form.setFields(
          e.details
            .filter((d) => d.field)
            .map((d) => ({ name: d.field!.split('.').map((p) => (/^\d+$/u.test(p) ? Number(p) : p)) as never, errors: [d.message] })),
        );
    }
  };

  return (
    <div>
      <PageHeader title={id ? t('scoring.edit.titleEdit') : t('scoring.edit.titleNew')} />
      {existing.error ? <ErrorAlert error={existing.error} /> : null}
      {!id ? (
        <Collapse
          style={{ marginBottom: 16 }}
          defaultActiveKey={['plan']}
          items={[
            {
              key: 'plan',
              label: t('scoring.edit.fromPlan'),
              children: (
                <Flex wrap gap={8} align="end">
                  <Select
                    style={{ minWidth: 240, flex: '1 1 240px' }}
                    placeholder={t('scoring.edit.plan')}
                    aria-label={t('scoring.edit.plan')}
                    value={planId}
                    onChange={(v) => {
                      setPlanId(v);
                      setGroup(null);
                    }}
                    options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
                    data-testid="plan-select"
                    showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
                  />
                  <Select
                    style={{ minWidth: 240, flex: '1 1 240px' }}
                    placeholder={t('scoring.edit.group')}
                    aria-label={t('scoring.edit.group')}
                    value={group}
                    onChange={setGroup}
                    options={(plan.data?.doc.participantGroups ?? []).map((g, i) => ({ value: i, label: g.name }))}
                    data-testid="group-select"
                  />
                  <Button onClick={() => void loadFromPlan()} data-testid="load-from-plan">
                    {t('scoring.edit.load')}
                  </Button>
                  {loadError ? <Typography.Text type="danger">{errorText(loadError)}</Typography.Text> : null}
                </Flex>
              ),
            },
            {
              key: 'template',
              label: t('scoring.edit.fromTemplate'),
              children: templateGroups.length ? (
                <Flex wrap gap={8}>
                  <Select
                    style={{ minWidth: 260, flex: '1 1 260px' }}
                    placeholder={t('scoring.edit.template')}
                    aria-label={t('scoring.edit.template')}
                    value={templateKey}
                    onChange={setTemplateKey}
                    options={templateGroups.map(({ value, label }) => ({ value, label }))}
                  />
                  <Button onClick={loadTemplate}>{t('scoring.edit.load')}</Button>
                </Flex>
              ) : (
                <Typography.Text type="secondary">{t('scoring.edit.noTemplates')}</Typography.Text>
              ),
            },
          ]}
        />
      ) : null}
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void onFinish(v)}
        initialValues={{ year: vietnamYear(), aggregation: 'mean', classes: defaultClasses, criteria: [blankCriterion()], unitIds: [] }}
        scrollToFirstError
      >
        <Form.Item name="planId" hidden>
          <Input />
        </Form.Item>
        <Form.Item name="source" hidden>
          <Input />
        </Form.Item>
        <Card size="small" style={{ marginBottom: 16 }}>
          <Row gutter={12}>
            <Col xs={24} md={16}>
              <Form.Item name="title" label={t('scoring.edit.name')} rules={[{ required: true, message: t('scoring.edit.name') }]}>
                <Input maxLength={300} data-testid="rubric-title" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="year" label={t('scoring.year')} rules={[{ required: true }]}>
                <InputNumber min={2020} max={2100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="groupName" label={t('scoring.edit.groupName')} rules={[{ required: true, message: t('scoring.edit.groupName') }]}>
                <Input maxLength={300} data-testid="rubric-group" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="aggregation" label={t('scoring.edit.aggregation')}>
                <Select options={aggregations.map((a) => ({ value: a, label: t(`scoring.aggregations.${a}`) }))} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="unitIds" label={t('scoring.edit.units')} rules={[{ required: true, message: t('scoring.edit.units') }]}>
                <Select
                  mode="multiple"
                  options={unitOptions}
                  showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
                  data-testid="rubric-units"
                />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Text strong>{t('scoring.edit.classes')}</Typography.Text>
          <Form.List name="classes">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ marginTop: 8 }}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} wrap align="start">
                    <Form.Item
                      name={[f.name, 'label']}
                      rules={[{ required: true, message: t('scoring.edit.classLabel') }]}
                      style={{ flex: '1 1 200px', marginBottom: 4 }}
                    >
                      <Input placeholder={t('scoring.edit.classLabel')} aria-label={t('scoring.edit.classLabel')} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'min']} rules={[{ required: true, message: t('scoring.edit.classMin') }]} style={{ width: 120, marginBottom: 4 }}>
                      <InputNumber min={0} placeholder={t('scoring.edit.classMin')} aria-label={t('scoring.edit.classMin')} style={{ width: '100%' }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label={t('scoring.edit.remove')} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <div>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add({ label: '', min: 0 })}>
                    {t('scoring.edit.addClass')}
                  </Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </Card>
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('scoring.edit.criteria')}
          </Typography.Title>
          <Typography.Text data-testid="max-total">{t('scoring.edit.maxTotal', { total: maxTotal })}</Typography.Text>
        </Flex>
        <Form.List name="criteria">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={12}>
              {fields.map((f, i) => (
                <CriterionCard
                  key={f.key}
                  name={f.name}
                  index={i}
                  count={fields.length}
                  indicatorOptions={indicatorOptions}
                  onRemove={() => remove(f.name)}
                  onMove={(d) => move(i, i + d)}
                />
              ))}
              <div>
                <Button icon={<PlusOutlined />} onClick={() => add(blankCriterion())} data-testid="add-criterion">
                  {t('scoring.edit.addCriterion')}
                </Button>
              </div>
            </Flex>
          )}
        </Form.List>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Space style={{ marginTop: 16 }} wrap>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-rubric">
            {t('scoring.edit.save')}
          </Button>
          <Button onClick={() => void navigate(id ? SCORING_PATHS.rubric(id) : SCORING_PATHS.list)}>{t('scoring.edit.cancel')}</Button>
        </Space>
      </Form>
    </div>
  );
}

function CriterionCard(props: {
  name: number;
  index: number;
  count: number;
  indicatorOptions: { value: string; label: string }[];
  onRemove: () => void;
  onMove: (d: number) => void;
}) {
  const { t } = useTranslation();
  const { name, index } = props;
  const form = Form.useFormInstance<FormValues>();
  const method = Form.useWatch(['criteria', name, 'method'], form);
  return (
    <Card
      size="small"
      data-testid={`criterion-${index}`}
      title={`${index + 1}.`}
      extra={
        <Space size={4}>
          <Button size="small" icon={<ArrowUpOutlined />} aria-label={t('scoring.edit.up')} disabled={index === 0} onClick={() => props.onMove(-1)} />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            aria-label={t('scoring.edit.down')}
            disabled={index === props.count - 1}
            onClick={() => props.onMove(1)}
          />
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('scoring.edit.remove')} onClick={props.onRemove} />
        </Space>
      }
    >
      <Form.Item name={[name, 'id']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={[name, 'title']} label={t('scoring.edit.criterionTitle')} rules={[{ required: true, message: t('scoring.edit.criterionTitle') }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'section']} label={t('scoring.edit.section')}>
            <Select options={criterionSections.map((s) => ({ value: s, label: t(`scoring.sections.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name={[name, 'method']} label={t('scoring.edit.method')}>
            <Select options={criterionMethods.map((m) => ({ value: m, label: t(`scoring.methods.${m}`) }))} data-testid={`criterion-${index}-method`} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={6}>
          <Form.Item name={[name, 'maxPoints']} label={t('scoring.edit.maxPoints')} rules={[{ required: true, message: t('scoring.edit.maxPoints') }]}>
            <InputNumber min={0.01} max={1000} style={{ width: '100%' }} data-testid={`criterion-${index}-max`} />
          </Form.Item>
        </Col>
      </Row>
      {method === 'bands' ? (
        <>
          <Form.Item name={[name, 'indicatorCode']} label={t('scoring.edit.indicator')}>
            <Select
              allowClear
              placeholder={t('scoring.edit.indicatorNone')}
              options={props.indicatorOptions}
              showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            />
          </Form.Item>
          <Typography.Text type="secondary">{t('scoring.edit.bandsHelp')}</Typography.Text>
          <Form.List name={[name, 'bands']}>
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ marginTop: 4, marginBottom: 8 }}>
                {fields.map((b) => (
                  <Flex key={b.key} gap={8} align="center" wrap>
                    <span>{t('scoring.edit.from')}</span>
                    <Form.Item name={[b.name, 'min']} rules={[{ required: true, message: t('scoring.edit.from') }]} style={{ marginBottom: 0 }}>
                      <InputNumber style={{ width: 90 }} aria-label={t('scoring.edit.from')} />
                    </Form.Item>
                    <span>→</span>
                    <Form.Item name={[b.name, 'points']} rules={[{ required: true, message: t('scoring.edit.pointsShort') }]} style={{ marginBottom: 0 }}>
                      <InputNumber min={0} style={{ width: 90 }} aria-label={t('scoring.edit.pointsShort')} />
                    </Form.Item>
                    <span>{t('scoring.edit.pointsShort')}</span>
                    <Button size="small" icon={<DeleteOutlined />} aria-label={t('scoring.edit.remove')} onClick={() => remove(b.name)} />
                  </Flex>
                ))}
                <div>
                  <Button size="small" icon={<PlusOutlined />} onClick={() => add({ min: 0, points: 0 })} data-testid={`criterion-${index}-add-band`}>
                    {t('scoring.edit.addBand')}
                  </Button>
                </div>
              </Flex>
            )}
          </Form.List>
        </>
      ) : null}
      {method === 'formula' ? (
        <Row gutter={12}>
          <Col xs={24} md={9}>
            <Form.Item name={[name, 'indicatorCode']} label={t('scoring.edit.numerator')} rules={[{ required: true, message: t('scoring.edit.numerator') }]}>
              <Select options={props.indicatorOptions} showSearch={{ filterOption: (input, option) => selectFilter(input, option) }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name={[name, 'denominatorCode']} label={t('scoring.edit.denominator')}>
              <Select allowClear options={props.indicatorOptions} showSearch={{ filterOption: (input, option) => selectFilter(input, option) }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name={[name, 'factor']} label={t('scoring.edit.factor')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'evidenceRequired']} valuePropName="checked">
            <Checkbox>{t('scoring.edit.evidenceRequired')}</Checkbox>
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={[name, 'evidenceHint']} label={t('scoring.edit.evidenceHint')}>
            <Input maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
