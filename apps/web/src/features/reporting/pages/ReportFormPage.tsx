import { useState } from 'react';
import { Alert, Button, Form, Result, Space, Tabs } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@tds/contracts';
import { useReport } from '../api';
import { clearChangedErrors, detailToForm, mapServerErrors, type ReportFormValues } from '../reportForm';
import { isConflict, useReportAutosave } from '../useReportAutosave';
import { ReportHeader, ReportNotices } from '../components/report/ReportHeader';
import { SaveStatus } from '../components/report/SaveStatus';
import { ConflictAlert } from '../components/report/ConflictAlert';
import { SectionsCard } from '../components/report/SectionsCard';
import { ValuesCard } from '../components/report/ValuesCard';
import { UnitPlanCard } from '../components/report/UnitPlanCard';
import { ReportActions } from '../components/report/ReportActions';
import { VersionsTab } from '../components/report/VersionsTab';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';
import { isApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

/** One report: the form (autosaved draft), submit, and the review actions. */
export default function ReportFormPage() {
  const { communeId } = useCommune();
  const { reportId } = useParams();
  if (!communeId) return <NoCommune />;
  return <ReportLoader key={`${communeId}/${reportId}`} communeId={communeId} id={reportId ?? ''} />;
}

function BackButton() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/reports')} data-testid="report-back">
      {t('common.back')}
    </Button>
  );
}

function ReportLoader({ communeId, id }: { communeId: string; id: string }) {
  const { t } = useTranslation();
  const q = useReport(communeId, id);
  if (q.isPending) return <FullPageSpin height="60vh" />;
  if (q.error || !q.data) {
    if (isApiError(q.error) && q.error.status === 404) return <Result status="404" title={t('reporting.form.notFound')} extra={<BackButton />} />;
    return (
      <>
        <ErrorAlert error={q.error} />
        <Space>
          <BackButton />
          <Button onClick={() => void q.refetch()}>{t('common.reload')}</Button>
        </Space>
      </>
    );
  }
  return <ReportEditor communeId={communeId} report={q.data} refetch={q.refetch} />;
}

/** The autosave failed for another reason than a conflict: what failed, and the messages that name no field. */
function SaveFailedAlert({ error, other }: { error: unknown; other: string[] }) {
  const { t } = useTranslation();
  const passing = isApiError(error) && (error.status === 0 || error.status >= 500);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      style={{ marginBottom: 16 }}
      data-testid="report-save-error"
      title={`${t('reporting.save.failed')}: ${errorText(error)}`}
      description={
        <>
          {other.length ? (
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {other.map((m, i) => (
                <li key={i}>{m}</li>
              ))}
            </ul>
          ) : null}
          {passing ? t('reporting.save.willRetry') : t('reporting.save.fixAndContinue')}
        </>
      }
    />
  );
}

function ReportEditor({ communeId, report, refetch }: { communeId: string; report: ReportDetail; refetch: () => Promise<{ data?: ReportDetail }> }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportFormValues>();
  const [initial] = useState(() => detailToForm(report));
  const [tab, setTab] = useState('content');
  const autosave = useReportAutosave({ communeId, detail: report, form, refetch });
  const { state } = autosave;
  const errors = autosave.errors ?? mapServerErrors([], []);
  const readOnly = !report.can.edit;
  const codes = report.form.map((i) => i.code);

  const content = (
    <>
      <ReportHeader report={report} />
      <Form<ReportFormValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onValuesChange={(changed: Partial<ReportFormValues>) => {
          autosave.setErrors((e) => (e ? clearChangedErrors(e, changed) : e));
          if (!readOnly) autosave.touch();
        }}
        data-testid="report-form"
      >
        <SectionsCard report={report} readOnly={readOnly} errors={errors.sections} />
        {report.kind === 'unit_plan' ? (
          <UnitPlanCard
            communeId={communeId}
            report={report}
            readOnly={readOnly}
            errors={errors}
            beforeUpload={autosave.flush}
            onUploaded={(version) => {
              autosave.setVersion(version);
              autosave.setErrors((e) => (e ? { ...e, file: null } : e));
            }}
          />
        ) : (
          <ValuesCard form={report.form} computed={report.computed} readOnly={readOnly} errors={errors.values} />
        )}
      </Form>
    </>
  );

  return (
    <div style={{ maxWidth: 1100 }}>
      <PageHeader
        title={<span data-testid="report-title">{report.title}</span>}
        subtitle={
          <Space wrap size={12}>
            <span>{report.unitName}</span>
            {readOnly ? null : <SaveStatus state={state} valuesHeld={autosave.held.length > 0} />}
          </Space>
        }
        extra={
          <>
            <BackButton />
            <ReportActions
              communeId={communeId}
              report={report}
              version={autosave.version}
              readyToSubmit={autosave.readyToSubmit}
              onInvalid={(details) => autosave.setErrors(mapServerErrors(details, codes))}
            />
          </>
        }
      />
      {state.status === 'stale' ? (
        <ConflictAlert
          error={state.error}
          onReload={autosave.reloadLatest}
          onKeepMine={autosave.keepMine}
          copyText={() => autosave.copyText({ summary: t('reporting.unitPlan.summary') })}
        />
      ) : null}
      {state.status === 'error' && !isConflict(state.error) ? <SaveFailedAlert error={state.error} other={errors.other} /> : null}
      <ReportNotices report={report} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          { key: 'content', label: <span data-testid="report-tab-content">{t('reporting.form.tabContent')}</span>, children: content },
          {
            key: 'versions',
            label: <span data-testid="report-tab-versions">{t('reporting.form.tabVersions')}</span>,
            children: <VersionsTab communeId={communeId} report={report} />,
          },
        ]}
      />
    </div>
  );
}
