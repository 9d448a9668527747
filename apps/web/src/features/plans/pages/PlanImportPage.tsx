import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Flex, Form, Space, Steps } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCreatePlan, useImportPlan, type PlanImportResult } from '../api';
import { docToForm, emptyPlanDoc, formToDoc, type PlanFormValues } from '../planForm';
import { ImportSourceStep } from '../components/import/ImportSourceStep';
import { ImportReviewStep } from '../components/import/ImportReviewStep';
import { PlanLinksFields, type PlanLinks } from '../components/PlanLinksFields';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

export default function PlanImportPage() {
  const { communeId } = useCommune();
  if (!communeId) return <NoCommune />;
  return <PlanImportInner key={communeId} communeId={communeId} />;
}

interface Parsed {
  result: PlanImportResult;
  initial: PlanFormValues;
  /** Bumped on each parse, so the review form starts from the new result. */
  seq: number;
}

/** Import wizard: upload or paste, review beside the source, save as a draft. */
function PlanImportInner({ communeId }: { communeId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const parse = useImportPlan(communeId);
  const create = useCreatePlan(communeId);
  const [form] = Form.useForm<PlanFormValues>();
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [links, setLinks] = useState<PlanLinks>({ parentPlanId: null, ownerUnitId: null });

  const onParse = (input: { file: File } | { text: string }) =>
    parse.mutate(input, {
      onSuccess: (result) => {
        form.resetFields();
        setParsed((p) => ({ result, initial: docToForm(result.plan ?? emptyPlanDoc()), seq: (p?.seq ?? 0) + 1 }));
      },
    });

  const save = () => {
    if (!parsed) return;
    form
      .validateFields()
      .then(() => {
        const doc = formToDoc(form.getFieldsValue(true) as PlanFormValues);
        create.mutate(
          {
            doc,
            source: 'import',
            parentPlanId: links.parentPlanId,
            ownerUnitId: links.ownerUnitId,
            note: parsed.result.fileName ? `Nhập từ ${parsed.result.fileName}`.slice(0, 500) : undefined,
          },
          {
            onSuccess: (p) => {
              void message.success(t('plans.import.saved'));
              void navigate(`/plans/${p.id}`, { replace: true });
            },
          },
        );
      })
      .catch(() => void message.error(t('plans.editor.invalid')));
  };

  const again = () => {
    setParsed(null);
    parse.reset();
    create.reset();
  };

  const step = create.isPending || create.isSuccess ? 2 : parsed ? 1 : 0;
  return (
    <div>
      <PageHeader
        title={t('plans.import.title')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/plans')}>
              {t('common.back')}
            </Button>
            {parsed ? (
              <Button icon={<ReloadOutlined />} onClick={again} data-testid="import-again">
                {t('plans.import.again')}
              </Button>
            ) : null}
          </>
        }
      />
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('plans.import.stepSource') }, { title: t('plans.import.stepReview') }, { title: t('plans.import.stepSave') }]}
      />
      {parse.error ? <ErrorAlert error={parse.error} /> : null}
      {!parsed ? <ImportSourceStep loading={parse.isPending} onParse={onParse} /> : null}
      {parsed ? (
        <>
          {parsed.result.plan ? null : <Alert type="error" showIcon title={t('plans.import.noPlan')} style={{ marginBottom: 12 }} />}
          <Card size="small" style={{ marginBottom: 16 }}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <PlanLinksFields communeId={communeId} value={links} onChange={setLinks} />
              <Button type="primary" icon={<SaveOutlined />} loading={create.isPending} disabled={!parsed.result.plan} onClick={save} data-testid="import-save">
                {t('plans.import.save')}
              </Button>
            </Space>
          </Card>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          <ImportReviewStep key={parsed.seq} result={parsed.result} form={form} initialValues={parsed.initial} />
          <Flex justify="flex-end">
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={create.isPending}
              disabled={!parsed.result.plan}
              onClick={save}
              data-testid="import-save-bottom"
            >
              {t('plans.import.save')}
            </Button>
          </Flex>
        </>
      ) : null}
    </div>
  );
}
