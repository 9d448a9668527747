import { Card, Col, Flex, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddButton, PlanField, RemoveButton, StringList } from './PlanField';

export const CAPACITIES = ['TM.', 'KT.', 'TL.', 'TUQ.'] as const;

/** Responsibilities of each body, the recipients and the signer. */
export function ClosingFields() {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('plans.sections.responsibilities')} id="plan-section-responsibilities" style={{ marginBottom: 16 }}>
        <Form.List name="responsibilities">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Card key={f.key} size="small" type="inner" style={{ marginBottom: 12 }}>
                  <Flex gap={4} align="start">
                    <PlanField name={[f.name, 'body']} path={`plan.responsibilities.${f.name}.body`} label={t('plans.body')} style={{ flex: 1, minWidth: 0 }}>
                      <Input />
                    </PlanField>
                    <div style={{ paddingTop: 30 }}>
                      <RemoveButton onClick={() => remove(f.name)} />
                    </div>
                  </Flex>
                  <StringList name={[f.name, 'tasks']} path={`plan.responsibilities.${f.name}.tasks`} label={t('plans.tasks')} multiline />
                </Card>
              ))}
              <AddButton onClick={() => add({ body: '', tasks: [] })}>{t('plans.addBody')}</AddButton>
            </>
          )}
        </Form.List>
      </Card>
      <Card size="small" title={t('plans.sections.signature')} id="plan-section-signature" style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <PlanField name={['signer', 'capacity']} path="plan.signer.capacity" label={t('plans.capacity')}>
              <Select allowClear options={CAPACITIES.map((c) => ({ value: c, label: c }))} />
            </PlanField>
          </Col>
          <Col xs={24} md={8}>
            <PlanField name={['signer', 'title']} path="plan.signer.title" label={t('plans.signerTitle')}>
              <Input placeholder="Chủ tịch" />
            </PlanField>
          </Col>
          <Col xs={24} md={10}>
            <PlanField name={['signer', 'name']} path="plan.signer.name" label={t('plans.signerName')}>
              <Input data-testid="plan-field-signer" />
            </PlanField>
          </Col>
        </Row>
        <StringList name="recipients" path="plan.recipients" label={t('plans.recipients')} />
      </Card>
    </>
  );
}
