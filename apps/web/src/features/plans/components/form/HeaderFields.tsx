import { Card, Col, DatePicker, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddButton, PlanField, RemoveButton, StringList } from './PlanField';
import { DATE_FORMAT, DATE_PLACEHOLDER } from '../../../../lib/format';

/** Issuer, number, date, place, title, movements and the legal bases of the preamble. */
export function HeaderFields() {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('plans.sections.header')} id="plan-section-header" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <PlanField name={['issuer', 'parent']} path="plan.issuer.parent" label={t('plans.issuerParent')}>
              <Input />
            </PlanField>
          </Col>
          <Col xs={24} md={12}>
            <PlanField name={['issuer', 'name']} path="plan.issuer.name" label={t('plans.issuer')}>
              <Input data-testid="plan-field-issuer" />
            </PlanField>
          </Col>
          <Col xs={24} md={8}>
            <PlanField name="number" path="plan.number" label={t('plans.number')} tooltip={t('plans.numberHint')}>
              <Input placeholder="…/KH-UBND" data-testid="plan-field-number" />
            </PlanField>
          </Col>
          <Col xs={12} md={8}>
            <PlanField name="date" path="plan.date" label={t('plans.date')}>
              <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} />
            </PlanField>
          </Col>
          <Col xs={12} md={8}>
            <PlanField name="place" path="plan.place" label={t('plans.place')}>
              <Input />
            </PlanField>
          </Col>
          <Col span={24}>
            <PlanField
              name="title"
              path="plan.title"
              label={t('plans.planTitle')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="plan-field-title" />
            </PlanField>
          </Col>
        </Row>
        <StringList name="movements" path="plan.movements" label={t('plans.movements')} />
      </Card>
      <Card size="small" title={t('plans.legalBases')} id="plan-section-legal" style={{ marginBottom: 16 }}>
        <Form.List name="legalBases">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Row key={f.key} gutter={8} align="top" className="plan-list-row">
                  <Col flex="28px" style={{ paddingTop: 5 }}>
                    {i + 1}.
                  </Col>
                  <Col xs={11} md={4}>
                    <PlanField name={[f.name, 'type']} path={`plan.legalBases.${f.name}.type`} label={t('plans.basisType')}>
                      <Input placeholder="Kế hoạch" />
                    </PlanField>
                  </Col>
                  <Col xs={11} md={4}>
                    <PlanField name={[f.name, 'ref']} path={`plan.legalBases.${f.name}.ref`} label={t('plans.ref')}>
                      <Input placeholder="150/KH-UBND" />
                    </PlanField>
                  </Col>
                  <Col xs={12} md={4}>
                    <PlanField name={[f.name, 'date']} path={`plan.legalBases.${f.name}.date`} label={t('plans.date')}>
                      <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} />
                    </PlanField>
                  </Col>
                  <Col xs={24} md={10} style={{ flex: 1 }}>
                    <PlanField name={[f.name, 'issuer']} path={`plan.legalBases.${f.name}.issuer`} label={t('plans.basisIssuer')}>
                      <Input />
                    </PlanField>
                  </Col>
                  <Col flex="none" style={{ paddingTop: 30 }}>
                    <RemoveButton onClick={() => remove(f.name)} />
                  </Col>
                </Row>
              ))}
              <AddButton onClick={() => add({ ref: null, type: null, date: null, issuer: null, title: null })} />
            </>
          )}
        </Form.List>
      </Card>
    </>
  );
}
