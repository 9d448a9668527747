import { useEffect, useState } from 'react';
import { App as AntApp, Alert, Button, Card, Col, Form, Grid, Input, Row, Space, Tag } from 'antd';
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PlanDoc } from '@tds/contracts';
import { useCreatePlan, usePlan, usePlanTemplate, useUpdatePlan } from '../api';
import { docToForm, formToDoc, type PlanFormValues } from '../planForm';
import { PlanDocForm } from '../components/form/PlanDocForm';
import { PlanSectionsAnchor } from '../components/PlanSectionsAnchor';
import { PlanLinksFields, type PlanLinks } from '../components/PlanLinksFields';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';
import { isApiError } from '../../../lib/api';
import { applyApiError, clearErrorsOnChange, toNamePath } from '../../../lib/forms';

/** /plans/new (from the national template) and /plans/:id/edit (a new version of the plan). */
export default function PlanEditorPage() {
  const { communeId } = useCommune();
  const { id } = useParams();
  if (!communeId) return <NoCommune />;
  return id ? <EditExisting key={`${communeId}/${id}`} communeId={communeId} id={id} /> : <CreateFromTemplate key={communeId} communeId={communeId} />;
}

function CreateFromTemplate({ communeId }: { communeId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const template = usePlanTemplate(communeId);
  const create = useCreatePlan(communeId);
  const [links, setLinks] = useState<PlanLinks>({ parentPlanId: null, ownerUnitId: null });
  if (template.isPending) return <FullPageSpin height="60vh" />;
  if (template.error) return <LoadError error={template.error} onRetry={() => void template.refetch()} />;
  const save = (doc: PlanDoc, note: string) =>
    create.mutate(
      { doc, source: 'template', parentPlanId: links.parentPlanId, ownerUnitId: links.ownerUnitId, note: note || undefined },
      {
        onSuccess: (p) => {
          void message.success(t('plans.editor.created'));
          void navigate(`/plans/${p.id}`, { replace: true });
        },
      },
    );
  return (
    <EditorShell
      title={t('plans.editor.newTitle')}
      doc={template.data}
      saving={create.isPending}
      error={create.error}
      onSave={save}
      onBack={() => void navigate('/plans')}
      top={
        <>
          <Alert type="info" showIcon title={t('plans.editor.templateHint')} style={{ marginBottom: 16 }} />
          <Card size="small" title={t('plans.editor.links')} style={{ marginBottom: 16 }}>
            <PlanLinksFields communeId={communeId} value={links} onChange={setLinks} />
          </Card>
        </>
      }
    />
  );
}

function EditExisting({ communeId, id }: { communeId: string; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const plan = usePlan(communeId, id);
  const update = useUpdatePlan(communeId, id);
  const [formKey, setFormKey] = useState(0);
  if (plan.isPending) return <FullPageSpin height="60vh" />;
  if (plan.error || !plan.data) return <LoadError error={plan.error} onRetry={() => void plan.refetch()} />;
  const stale = isApiError(update.error) && update.error.code === 'STALE_VERSION';
  const save = (doc: PlanDoc, note: string) =>
    update.mutate(
      { doc, version: plan.data.version, note: note || undefined },
      {
        onSuccess: (p) => {
          void message.success(t('plans.editor.saved'));
          void navigate(`/plans/${p.id}`);
        },
      },
    );
  const reloadLatest = () => {
    update.reset();
    void plan.refetch().then(() => setFormKey((k) => k + 1));
  };
  return (
    <EditorShell
      key={formKey}
      title={t('plans.editor.editTitle')}
      subtitle={plan.data.doc.title ?? undefined}
      doc={plan.data.doc}
      saving={update.isPending}
      error={stale ? null : update.error}
      onSave={save}
      onBack={() => void navigate(`/plans/${id}`)}
      top={
        stale ? (
          <Alert
            type="error"
            showIcon
            title={t('plans.editor.stale')}
            style={{ marginBottom: 16 }}
            action={<Button onClick={reloadLatest}>{t('plans.editor.reloadLatest')}</Button>}
            data-testid="plan-stale"
          />
        ) : null
      }
    />
  );
}

function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <ErrorAlert error={error} />
      <Space>
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/plans')}>
          {t('common.back')}
        </Button>
        <Button onClick={onRetry}>{t('common.reload')}</Button>
      </Space>
    </>
  );
}

/** The form's path of a field the API names in the plan document ("doc.participantGroups.1.unitIds"). */
const planFormPath = (field: string) => (field.startsWith('doc.') ? toNamePath(field.slice(4)) : null);

function EditorShell({
  title,
  subtitle,
  doc,
  saving,
  error,
  onSave,
  onBack,
  top,
}: {
  title: string;
  subtitle?: string;
  doc: PlanDoc;
  saving: boolean;
  error: unknown;
  onSave: (doc: PlanDoc, note: string) => void;
  onBack: () => void;
  top?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<PlanFormValues>();
  const [initial] = useState(() => docToForm(doc));
  const [note, setNote] = useState('');
  const [dirty, setDirty] = useState(false);
  // A 400 naming fields of the document: its messages go on those fields (and leave as they are edited).
  useEffect(() => {
    if (error) applyApiError(error, form, planFormPath);
  }, [error, form]);

  const submit = () => {
    form
      .validateFields()
      .then(() => onSave(formToDoc(form.getFieldsValue(true) as PlanFormValues), note.trim()))
      .catch(() => void message.error(t('plans.editor.invalid')));
  };

  const saveBar = (
    <Space wrap>
      {dirty ? <Tag color="orange">{t('plans.editor.unsaved')}</Tag> : null}
      <Input
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('plans.editor.notePlaceholder')}
        aria-label={t('plans.editor.note')}
        maxLength={500}
        style={{ width: 280, maxWidth: '100%' }}
        data-testid="plan-note"
      />
      <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={submit} data-testid="plan-save">
        {t('plans.editor.saveDraft')}
      </Button>
    </Space>
  );

  return (
    <div>
      <PageHeader
        title={title}
        subtitle={subtitle}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('common.back')}
          </Button>
        }
      />
      {top}
      {error ? <ErrorAlert error={error} /> : null}
      <Row gutter={16}>
        <Col xs={24} lg={19}>
          <Card size="small" style={{ marginBottom: 16, position: 'sticky', top: 64, zIndex: 5 }}>
            {saveBar}
          </Card>
          <PlanDocForm
            form={form}
            initialValues={initial}
            onValuesChange={(changed) => {
              setDirty(true);
              clearErrorsOnChange(form, changed);
            }}
          />
        </Col>
        {screens.lg ? (
          <Col lg={5}>
            <PlanSectionsAnchor />
          </Col>
        ) : null}
      </Row>
    </div>
  );
}
