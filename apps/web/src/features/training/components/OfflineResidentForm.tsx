import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, InputNumber, List, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { cleanText, genders, vietnamYear, type Resident } from '@tds/contracts';
import { sameResident, type RosterPerson } from '../offline';

export interface OfflineResident {
  fullName: string;
  birthYear: number;
  gender: Resident['gender'];
}

/**
 * Adding a resident with no network: the three things a team member can ask at the door (name,
 * birth year, gender), checked against the village's saved roster for the same name and birth
 * year. The rest (phone, ID, group) is added later from the residents page; the server sorts out
 * two members adding the same person offline.
 */
export function OfflineResidentForm({
  initialName,
  people,
  onAdd,
  onPick,
  onCancel,
}: {
  initialName: string;
  people: readonly RosterPerson[];
  onAdd: (r: OfflineResident) => void;
  onPick: (p: RosterPerson) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ fullName: string; birthYear: number | null; gender?: Resident['gender'] }>();
  const [same, setSame] = useState<{ values: OfflineResident; found: RosterPerson[] } | null>(null);
  const year = vietnamYear();

  const submit = (v: { fullName: string; birthYear: number | null; gender?: Resident['gender'] }) => {
    const values: OfflineResident = { fullName: cleanText(v.fullName ?? ''), birthYear: v.birthYear ?? 0, gender: v.gender ?? 'other' };
    const found = sameResident(people, values.fullName, values.birthYear);
    if (found.length) setSame({ values, found });
    else onAdd(values);
  };

  return (
    <div data-testid="offline-resident-form">
      {same ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('training.offline.maybeSame')}
          data-testid="offline-resident-same"
          description={
            <>
              <List
                size="small"
                dataSource={same.found}
                rowKey="id"
                renderItem={(p) => (
                  <List.Item
                    style={{ paddingInline: 0, flexWrap: 'wrap', gap: 8 }}
                    actions={[
                      <Button key="pick" size="small" type="primary" onClick={() => onPick(p)} data-testid="offline-resident-pick">
                        {t('training.offline.pickThis')}
                      </Button>,
                    ]}
                  >
                    <span style={{ overflowWrap: 'anywhere' }}>
                      <strong>{p.fullName}</strong> ({p.birthYear})
                    </span>
                  </List.Item>
                )}
              />
              <Button onClick={() => onAdd(same.values)} data-testid="offline-resident-add-anyway">
                {t('training.offline.addAnyway')}
              </Button>
            </>
          }
        />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ fullName: initialName }} onFinish={submit} onValuesChange={() => setSame(null)} requiredMark={false}>
        <Form.Item
          name="fullName"
          label={t('training.offline.fullName')}
          rules={[{ required: true, whitespace: true, message: t('training.offline.fullNameRequired') }, { max: 120 }]}
        >
          <Input size="large" autoComplete="off" data-testid="offline-resident-name" />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="birthYear"
            label={t('training.offline.birthYear')}
            rules={[{ required: true, type: 'integer', min: 1900, max: year, message: t('training.offline.birthYearInvalid', { year }) }]}
            style={{ flex: '1 1 120px' }}
          >
            <InputNumber size="large" inputMode="numeric" controls={false} style={{ width: '100%' }} data-testid="offline-resident-year" />
          </Form.Item>
          <Form.Item
            name="gender"
            label={t('training.offline.gender')}
            rules={[{ required: true, message: t('training.offline.genderRequired') }]}
            style={{ flex: '2 1 200px' }}
          >
            <Radio.Group optionType="button" buttonStyle="solid" size="large" data-testid="offline-resident-gender">
              {genders.map((g) => (
                <Radio.Button key={g} value={g}>
                  {t(`people.genders.${g}`)}
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" size="large" data-testid="offline-resident-submit">
            {t('training.session.addSubmit')}
          </Button>
          <Button size="large" onClick={onCancel}>
            {t('training.offline.cancel')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
