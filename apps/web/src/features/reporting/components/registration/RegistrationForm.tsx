import { useMemo, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Descriptions, Flex, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, formatDateVi, type Indicator, type RegistrationDetail } from '@tds/contracts';
import { useAwardKinds, useIndicators, useRegistration, useSaveRegistration, type AwardKind } from '../../api';
import { usePeople } from '../../../people';
import {
  formToRegistrationInput,
  planYears,
  registrationToForm,
  takenElsewhere,
  type RegistrationFormValues,
  type RegistrationIndicatorRow,
  type RegistrationPersonRow,
  registrationFieldPath,
} from '../../registrationForm';
import { lateKind } from '../../reportForm';
import { LateTag, RegistrationStatusTag } from '../StatusTags';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../../components/ui/FullPageSpin';
import { SaveErrorAlert } from '../../../../components/ui/SaveErrorAlert';
import { isApiError } from '../../../../lib/api';
import { applyApiError, clearErrorsOnChange } from '../../../../lib/forms';
import { selectFilter } from '../../../../lib/format';

/** One unit's registration for a plan and year: loads what it needs, then the form. */
export function RegistrationForm({ communeId, planId, unitId, year }: { communeId: string; planId: string; unitId: string; year: number | undefined }) {
  const { t } = useTranslation();
  const q = useRegistration(communeId, planId, unitId, year);
  const kinds = useAwardKinds();
  const [generation, setGeneration] = useState(0);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (kinds.error) return <ErrorAlert error={kinds.error} />;
  if (!q.data || !kinds.data) return <FullPageSpin height={200} />;
  const reload = async () => {
    await q.refetch();
    setGeneration((g) => g + 1);
  };
  return (
    <div data-testid="registration-form">
      <RegistrationSummary detail={q.data} />
      {!q.data.registrationOpen ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('reporting.registration.closedNotice')} data-testid="registration-closed" />
      ) : null}
      <RegistrationFormBody
        key={`${q.data.id ?? 'new'}:${q.data.year}:${generation}`}
        communeId={communeId}
        detail={q.data}
        kinds={kinds.data}
        onReload={reload}
      />
    </div>
  );
}

function RegistrationSummary({ detail }: { detail: RegistrationDetail }) {
  const { t } = useTranslation();
  const late = detail.deadline ? lateKind({ submittedAt: detail.submittedAt, late: detail.late, lateAfter: detail.deadline.lateAfter }) : null;
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
      <Descriptions.Item label={t('reporting.columns.unit')}>{detail.unitName}</Descriptions.Item>
      <Descriptions.Item label={t('reporting.registration.plan')}>{detail.planTitle}</Descriptions.Item>
      <Descriptions.Item label={t('reporting.registration.year')}>{detail.year}</Descriptions.Item>
      <Descriptions.Item label={t('reporting.columns.deadline')}>{detail.deadline ? formatDateVi(detail.deadline.dueDate) : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('common.status')}>
        <Space size={4} wrap>
          <RegistrationStatusTag status={detail.status} testId="registration-status" />
          {detail.status === 'submitted' || detail.deadline ? (
            <LateTag kind={detail.status === 'submitted' ? (detail.late ? 'late' : null) : late} testId="registration-late" />
          ) : null}
        </Space>
      </Descriptions.Item>
      {detail.submittedAt ? <Descriptions.Item label={t('reporting.columns.submittedAt')}>{formatDateTimeVi(detail.submittedAt)}</Descriptions.Item> : null}
    </Descriptions>
  );
}

function indicatorOptions(items: readonly Indicator[] | undefined, t: (k: string, o?: Record<string, unknown>) => string, taken: Set<string>) {
  const groups = new Map<string, { label: string; value: string; disabled: boolean; searchText: string }[]>();
  for (const i of items ?? []) {
    const list = groups.get(i.pillar) ?? [];
    list.push({ value: i.code, label: `${i.name} (${i.measure})`, disabled: taken.has(i.code), searchText: `${i.code} ${i.name}` });
    groups.set(i.pillar, list);
  }
  return [...groups.entries()].map(([pillar, options]) => ({ label: t(`reporting.pillars.${pillar}`, { defaultValue: pillar }), options }));
}

function RegistrationFormBody({
  communeId,
  detail,
  kinds,
  onReload,
}: {
  communeId: string;
  detail: RegistrationDetail;
  kinds: AwardKind[];
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RegistrationFormValues>();
  const [initial] = useState(() => registrationToForm(detail, kinds));
  const save = useSaveRegistration(communeId, detail.planId, detail.unitId);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const readOnly = !detail.canEdit;
  const years = planYears(detail.fromYear, detail.toYear);
  const indicators = useIndicators(communeId);
  const people = usePeople(communeId, { page: 1, pageSize: 200, unitId: detail.unitId });
  const indicatorRows = Form.useWatch('indicators', form) as RegistrationIndicatorRow[] | undefined;
  const personRows = Form.useWatch('people', form) as RegistrationPersonRow[] | undefined;

  const forms = kinds.filter((k) => k.kind === 'form').map((k) => ({ value: k.code, label: k.name }));
  const titles = kinds.filter((k) => k.kind === 'title').map((k) => ({ value: k.code, label: k.name }));
  const personOptions = useMemo(() => {
    const opts = new Map<string, string>((people.data?.items ?? []).map((p) => [p.id, p.position ? `${p.fullName} – ${p.position}` : p.fullName]));
    for (const p of detail.people) if (!opts.has(p.personId)) opts.set(p.personId, p.personName);
    return [...opts.entries()].map(([value, label]) => ({ value, label }));
  }, [people.data, detail.people]);

  const submit = (submitNow: boolean) => {
    setError(null);
    setStale(false);
    const values = form.getFieldsValue(true) as Partial<RegistrationFormValues>;
    const input = formToRegistrationInput(values, { year: detail.year, version: detail.version, years }, submitNow);
    save.mutate(input, {
      onSuccess: () => void message.success(submitNow ? t('reporting.registration.submitted') : t('reporting.registration.saved')),
      onError: (e) => {
        setStale(isApiError(e) && e.code === 'STALE_VERSION');
        setError(applyApiError(e, form, (field) => registrationFieldPath(field, values, input)));
      },
    });
  };

  return (
    <Form<RegistrationFormValues>
      form={form}
      layout="vertical"
      initialValues={initial}
      disabled={readOnly}
      onValuesChange={(changed) => clearErrorsOnChange(form, changed)}
    >
      <SaveErrorAlert error={error} stale={stale} onReload={() => void onReload()} />
      <Card size="small" title={t('reporting.registration.commitments')} style={{ marginBottom: 16 }}>
        <Form.Item name="commitments" style={{ marginBottom: 0 }}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 16 }}
            maxLength={20_000}
            placeholder={t('reporting.registration.commitmentsHint')}
            data-testid="registration-commitments"
          />
        </Form.Item>
      </Card>

      <Card size="small" title={t('reporting.registration.awards')} style={{ marginBottom: 16 }}>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="awardForms" label={t('reporting.registration.awardForms')}>
              <Select
                mode="multiple"
                allowClear
                options={forms}
                showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
                data-testid="registration-award-forms"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="awardTitles" label={t('reporting.registration.awardTitles')}>
              <Select
                mode="multiple"
                allowClear
                options={titles}
                showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
                data-testid="registration-award-titles"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('reporting.registration.indicators')} style={{ marginBottom: 16 }}>
        {indicators.error ? <ErrorAlert error={indicators.error} /> : null}
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div
                  key={field.key}
                  style={{ borderTop: index ? '1px solid #f0f0f0' : undefined, paddingTop: index ? 8 : 0 }}
                  data-testid={`registration-indicator-${index}`}
                >
                  <Flex gap={8} align="flex-start">
                    <Form.Item
                      name={[field.name, 'code']}
                      style={{ flex: 1, minWidth: 0 }}
                      rules={[{ required: true, message: t('reporting.registration.chooseIndicator') }]}
                    >
                      <Select
                        showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
                        placeholder={t('reporting.registration.chooseIndicator')}
                        options={indicatorOptions(
                          indicators.data,
                          t,
                          takenElsewhere(indicatorRows, (r) => r.code, index),
                        )}
                        loading={indicators.isPending}
                        data-testid={`registration-indicator-code-${index}`}
                      />
                    </Form.Item>
                    {!readOnly ? <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('reporting.registration.remove')} /> : null}
                  </Flex>
                  <Row gutter={8}>
                    {years.map((y) => (
                      <Col key={y} xs={12} sm={8} md={4}>
                        <Form.Item name={[field.name, 'targets', String(y)]} label={t('reporting.registration.targetYear', { year: y })}>
                          <InputNumber style={{ width: '100%' }} decimalSeparator="," data-testid={`registration-target-${index}-${y}`} />
                        </Form.Item>
                      </Col>
                    ))}
                  </Row>
                </div>
              ))}
              {!readOnly ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ targets: {} })} data-testid="registration-add-indicator">
                  {t('reporting.registration.addIndicator')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Card>

      <Card size="small" title={t('reporting.registration.people')} style={{ marginBottom: 16 }}>
        {people.error ? <ErrorAlert error={people.error} /> : null}
        <Form.List name="people">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Row key={field.key} gutter={8} data-testid={`registration-person-row-${index}`}>
                  <Col xs={24} md={8}>
                    <Form.Item name={[field.name, 'personId']} rules={[{ required: true, message: t('reporting.registration.choosePerson') }]}>
                      <Select
                        showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
                        placeholder={t('reporting.registration.choosePerson')}
                        options={personOptions.map((o) => ({ ...o, disabled: takenElsewhere(personRows, (r) => r.personId, index).has(o.value) }))}
                        loading={people.isPending}
                        data-testid={`registration-person-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'titleCode']}>
                      <Select
                        allowClear
                        placeholder={t('reporting.registration.personTitle')}
                        options={titles}
                        data-testid={`registration-person-title-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={9}>
                    <Form.Item name={[field.name, 'commitment']}>
                      <Input
                        placeholder={t('reporting.registration.personCommitment')}
                        maxLength={2000}
                        data-testid={`registration-person-commitment-${index}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    {!readOnly ? <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('reporting.registration.remove')} /> : null}
                  </Col>
                </Row>
              ))}
              {!readOnly ? (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="registration-add-person">
                  {t('reporting.registration.addPerson')}
                </Button>
              ) : null}
            </>
          )}
        </Form.List>
      </Card>

      {!readOnly ? (
        <Flex wrap gap={8} justify="flex-end">
          {detail.status !== 'submitted' ? (
            <Button icon={<SaveOutlined />} loading={save.isPending && !save.variables?.submit} onClick={() => submit(false)} data-testid="registration-save">
              {t('reporting.registration.saveDraft')}
            </Button>
          ) : null}
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={save.isPending && !!save.variables?.submit}
            onClick={() =>
              void form.validateFields().then(
                () => submit(true),
                () => undefined,
              )
            }
            data-testid="registration-submit"
          >
            {detail.status === 'submitted' ? t('reporting.registration.update') : t('reporting.registration.submit')}
          </Button>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('reporting.registration.readOnly')}</Typography.Text>
      )}
    </Form>
  );
}
