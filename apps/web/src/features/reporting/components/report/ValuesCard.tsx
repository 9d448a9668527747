import { Card, Col, Flex, Form, Input, InputNumber, List, Row, Tooltip, Typography } from 'antd';
import { CalculatorOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { derivedSourceLabelsVi, formatDateTimeVi, type ReportComputedFigure, type ReportFormIndicator } from '@tds/contracts';
import { entryIssues, fieldMessage, formatValue, groupByPillar, ratioValue, type Msg, type ValueEntry, type ValuePart } from '../../reportForm';

type ServerErrors = Record<string, Partial<Record<ValuePart, string>>>;

/** The indicator figures, grouped by pillar; then the figures computed from records, read-only. */
export function ValuesCard({
  form,
  computed,
  readOnly,
  errors,
}: {
  form: ReportFormIndicator[];
  computed: ReportComputedFigure[];
  readOnly: boolean;
  errors: ServerErrors;
}) {
  if (form.length === 0 && computed.length === 0) return null;
  return (
    <>
      {form.length > 0 ? <FormValues form={form} readOnly={readOnly} errors={errors} /> : null}
      {computed.length > 0 ? <ComputedFigures figures={computed} /> : null}
    </>
  );
}

/** "Số liệu tính tự động": each computed indicator, its figure (or numerator / denominator) and where it comes from. */
function ComputedFigures({ figures }: { figures: ReportComputedFigure[] }) {
  const { t, i18n } = useTranslation();
  const vi = !i18n.language || i18n.language.startsWith('vi');
  const source = (key: string) =>
    vi
      ? (derivedSourceLabelsVi[key] ?? t('training.computed.otherSource'))
      : t(`training.computed.sources.${key.replace(/\W/gu, '_')}`, { defaultValue: t('training.computed.otherSource') });
  const percent = (f: ReportComputedFigure) => (f.measure.trim() === '%' ? ' %' : ` ${f.measure}`);
  return (
    <Card
      size="small"
      title={
        <span>
          <CalculatorOutlined /> {t('training.computed.title')}
        </span>
      }
      style={{ marginBottom: 16 }}
      data-testid="report-computed"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('training.computed.hint')}
      </Typography.Paragraph>
      <List<ReportComputedFigure>
        size="small"
        dataSource={figures}
        rowKey="code"
        renderItem={(f) => (
          <List.Item style={{ paddingInline: 0, display: 'block' }} data-testid={`report-computed-${f.code}`}>
            <Flex justify="space-between" gap={12} wrap align="baseline">
              <Typography.Text strong style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                {f.name}
              </Typography.Text>
              <Typography.Text data-testid={`report-computed-${f.code}-value`}>
                {f.value === null ? (
                  <Typography.Text type="secondary">{t('training.computed.notYet')}</Typography.Text>
                ) : (
                  <>
                    <strong>
                      {formatValue(f.value)}
                      {percent(f)}
                    </strong>
                    {f.ratio && f.numerator !== null && f.denominator !== null ? (
                      <Typography.Text type="secondary">
                        {' '}
                        ({t('training.computed.ratioParts', { numerator: formatValue(f.numerator, 0), denominator: formatValue(f.denominator, 0) })})
                      </Typography.Text>
                    ) : null}
                  </>
                )}
              </Typography.Text>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {source(f.source)}
              {f.updatedAt ? ` · ${t('training.computed.updatedAt', { time: formatDateTimeVi(f.updatedAt) })}` : ''}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Card>
  );
}

/** The figures the unit types, grouped by pillar. */
function FormValues({ form, readOnly, errors }: { form: ReportFormIndicator[]; readOnly: boolean; errors: ServerErrors }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('reporting.form.values')} style={{ marginBottom: 16 }}>
      {groupByPillar(form).map((g) => (
        <div key={g.pillar} style={{ marginBottom: 8 }} data-testid={`report-pillar-${g.pillar}`}>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            {t(`reporting.pillars.${g.pillar}`, { defaultValue: g.pillar })}
          </Typography.Title>
          {g.items.map((ind) => (
            <IndicatorField key={ind.code} ind={ind} readOnly={readOnly} server={errors[ind.code]} />
          ))}
        </div>
      ))}
    </Card>
  );
}

/** "Từ 0 đến 100 %", "Từ 0 buổi", "Số nguyên". */
function rangeHint(ind: ReportFormIndicator, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  const measure = ind.measure;
  if (ind.minValue !== null && ind.maxValue !== null) parts.push(t('reporting.form.range', { min: ind.minValue, max: ind.maxValue, measure }));
  else if (ind.minValue !== null) parts.push(t('reporting.form.rangeMin', { min: ind.minValue, measure }));
  else if (ind.maxValue !== null) parts.push(t('reporting.form.rangeMax', { max: ind.maxValue, measure }));
  if (ind.integer) parts.push(t('reporting.form.integer'));
  return parts.join(' · ');
}

/** One indicator: a value, or numerator and denominator with the resulting figure; its note. */
function IndicatorField({ ind, readOnly, server }: { ind: ReportFormIndicator; readOnly: boolean; server: Partial<Record<ValuePart, string>> | undefined }) {
  const { t } = useTranslation();
  const entry = Form.useWatch(['values', ind.code]) as Partial<ValueEntry> | undefined;
  const local = entryIssues(ind, entry);
  const tr = (m: Msg | undefined) => (m ? t(`reporting.${m.key}`, m.params) : undefined);
  const message = (part: ValuePart) => fieldMessage(server, part, ind.ratio) ?? tr(local[part]);
  const status = (part: ValuePart) => (message(part) ? ('error' as const) : undefined);
  const hint = rangeHint(ind, t);
  const testId = `report-value-${ind.code}`;
  const number = (part: ValuePart, label: string | null, suffix?: string) => (
    <Form.Item name={['values', ind.code, part]} label={label ?? undefined} validateStatus={status(part)} help={message(part)} style={{ marginBottom: 8 }}>
      <InputNumber
        style={{ width: '100%' }}
        decimalSeparator=","
        readOnly={readOnly}
        suffix={suffix}
        aria-label={`${ind.name}${label ? ` – ${label}` : ''}`}
        data-testid={ind.ratio ? `${testId}-${part}` : testId}
      />
    </Form.Item>
  );
  const result = ind.ratio ? ratioValue(entry?.numerator, entry?.denominator, ind.measure) : null;

  return (
    <div style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`${testId}-row`}>
      <Flex gap={6} align="baseline" wrap>
        <Typography.Text strong>{ind.name}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ind.code} · {ind.measure}
          {hint ? ` · ${hint}` : ''}
        </Typography.Text>
        {ind.evidence ? (
          <Tooltip title={t('reporting.form.evidence', { evidence: ind.evidence })}>
            <InfoCircleOutlined aria-label={t('reporting.form.evidenceLabel')} />
          </Tooltip>
        ) : null}
      </Flex>
      <Row gutter={[12, 0]} style={{ marginTop: 6 }} align="bottom">
        {ind.ratio ? (
          <>
            <Col xs={12} md={7}>
              {number('numerator', ind.numeratorLabel ?? t('reporting.form.numerator'))}
            </Col>
            <Col xs={12} md={7}>
              {number('denominator', ind.denominatorLabel ?? t('reporting.form.denominator'))}
            </Col>
            <Col xs={24} md={4}>
              <Form.Item label={t('reporting.form.result')} style={{ marginBottom: 8 }}>
                <Typography.Text strong data-testid={`${testId}-percent`}>
                  {result === null ? '—' : `${formatValue(result)}${ind.measure.trim() === '%' ? ' %' : ''}`}
                </Typography.Text>
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col xs={24} md={8}>
            {number('value', null, ind.measure)}
          </Col>
        )}
        <Col xs={24} md={ind.ratio ? 6 : 16}>
          <Form.Item name={['values', ind.code, 'note']} style={{ marginBottom: 8 }}>
            <Input placeholder={t('reporting.form.note')} readOnly={readOnly} maxLength={1000} data-testid={`report-note-${ind.code}`} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
