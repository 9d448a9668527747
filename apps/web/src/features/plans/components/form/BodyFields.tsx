import { Card, Checkbox, Col, Flex, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { GroupUnitsFields } from './GroupUnitsFields';
import { AddButton, PlanField, RemoveButton, StringList } from './PlanField';

export const OCCASIONS = ['yearly', 'mid-term', 'final', 'thematic'] as const;

/** Purposes and requirements, the contents of the movement, and the solutions. */
export function ContentFields() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('plans.sections.contents')} id="plan-section-contents" style={{ marginBottom: 16 }}>
      <StringList name="purposes" path="plan.purposes" label={t('plans.purposes')} multiline />
      <StringList name="requirements" path="plan.requirements" label={t('plans.requirements')} multiline />
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('plans.contents')}</div>
      <Form.List name="contents">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Flex key={f.key} gap={4} align="start">
                <span style={{ width: 24, paddingTop: 5, color: 'rgba(0,0,0,0.45)', flex: 'none' }}>{i + 1}.</span>
                <PlanField name={[f.name, 'text']} path={`plan.contents.${f.name}.text`} style={{ flex: 1, marginBottom: 8, minWidth: 0 }}>
                  <Input.TextArea autoSize={{ minRows: 1, maxRows: 8 }} />
                </PlanField>
                <RemoveButton onClick={() => remove(f.name)} />
              </Flex>
            ))}
            <AddButton onClick={() => add({ order: fields.length + 1, text: '' })} />
          </>
        )}
      </Form.List>
      <StringList name="solutions" path="plan.solutions" label={t('plans.solutions')} multiline />
    </Card>
  );
}

/** Participant groups with their criteria, award forms, occasions and the dossier. */
export function CriteriaFields() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('plans.sections.criteria')} id="plan-section-criteria" style={{ marginBottom: 16 }}>
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('plans.participantGroups')}</div>
      <Form.List name="participantGroups">
        {(groups, { add, remove }) => (
          <>
            {groups.map((g) => (
              <Card key={g.key} size="small" type="inner" style={{ marginBottom: 12 }}>
                <Flex gap={4} align="start">
                  <PlanField
                    name={[g.name, 'name']}
                    path={`plan.participantGroups.${g.name}.name`}
                    label={t('plans.groupName')}
                    style={{ flex: 1, minWidth: 0 }}
                  >
                    <Input />
                  </PlanField>
                  <div style={{ paddingTop: 30 }}>
                    <RemoveButton onClick={() => remove(g.name)} />
                  </div>
                </Flex>
                <GroupUnitsFields group={g.name} />
                <StringList name={[g.name, 'criteria']} path={`plan.participantGroups.${g.name}.criteria`} label={t('plans.criteria')} multiline />
              </Card>
            ))}
            <AddButton testId="plan-add-group" onClick={() => add({ name: '', criteria: [], kinds: [], unitIds: [] })}>
              {t('plans.addGroup')}
            </AddButton>
          </>
        )}
      </Form.List>
      <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('plans.awardForms')}</div>
      <Form.List name="awardForms">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <Row key={f.key} gutter={8} align="top" wrap={false}>
                <Col flex="24px" style={{ paddingTop: 5, color: 'rgba(0,0,0,0.45)' }}>
                  {i + 1}.
                </Col>
                <Col flex="auto" style={{ minWidth: 0 }}>
                  <PlanField name={[f.name, 'name']} path={`plan.awardForms.${f.name}.name`} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('plans.awardName')} />
                  </PlanField>
                </Col>
                <Col flex="140px">
                  <PlanField name={[f.name, 'code']} path={`plan.awardForms.${f.name}.code`} style={{ marginBottom: 8 }}>
                    <Input placeholder={t('plans.awardCode')} />
                  </PlanField>
                </Col>
                <Col flex="none">
                  <RemoveButton onClick={() => remove(f.name)} />
                </Col>
              </Row>
            ))}
            <AddButton onClick={() => add({ name: '', code: null })} />
          </>
        )}
      </Form.List>
      <PlanField name="occasions" path="plan.occasions" label={t('plans.occasions')}>
        <Checkbox.Group options={OCCASIONS.map((o) => ({ value: o, label: t(`plans.occasionLabels.${o}`) }))} />
      </PlanField>
      <StringList name="dossier" path="plan.dossier" label={t('plans.dossier')} />
    </Card>
  );
}
