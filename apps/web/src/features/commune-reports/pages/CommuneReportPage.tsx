import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Modal, Popconfirm, Spin, Timeline, Typography } from 'antd';
import { ArrowLeftOutlined, CheckOutlined, CloudUploadOutlined, RollbackOutlined, SaveOutlined, SyncOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, formatDateVi, type CommuneReportDetail } from '@tds/contracts';
import { useCommuneReport, useCommuneReportAct, type CommuneReportAct } from '../api';
import { SectionCard } from '../components/SectionCard';
import { LateMark, StandingTag } from '../components/StandingTag';
import { dayVi } from '../dates';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { useCan } from '../../../lib/session';

/** One report of the commune to its province: the commune writes and submits it, the province receives or returns it. */
export default function CommuneReportPage() {
  const { communeId = '', reportId = '' } = useParams();
  const report = useCommuneReport(communeId, reportId);
  if (report.error) return <ErrorAlert error={report.error} />;
  if (!report.data) return <Spin />;
  return <ReportView key={`${report.data.id}:${report.data.version}`} report={report.data} />;
}

function ReportView({ report }: { report: CommuneReportDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const act = useCommuneReportAct(report);
  // Which list the page came from: the province's (its officers), else the commune's (a page, not an ability).
  const reviewsForProvince = useCan('commune_report.review');
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(report.sections.map((s) => [s.planId, s.text])));
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const dirty = report.sections.some((s) => (texts[s.planId] ?? '') !== s.text);
  const can = report.can;

  const run = (a: CommuneReportAct) => act.mutateAsync(a);
  const sections = () => report.sections.map((s) => ({ planId: s.planId, text: texts[s.planId] ?? '' }));
  const save = () => run({ kind: 'save', version: report.version, sections: sections() });
  /** Unsaved text goes with the act: saved first, then the act taken from the saved version. */
  const submit = () => run({ kind: 'submit', version: report.version, ...(dirty ? { sections: sections() } : {}) });
  const prepare = () => run({ kind: 'prepare', version: report.version, ...(dirty ? { sections: sections() } : {}) });

  return (
    <div data-testid="commune-report-page" data-status={report.status} data-version={report.version}>
      <PageHeader
        title={report.title}
        subtitle={`${report.communeName} → ${report.provinceName}`}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(reviewsForProvince ? '/province/commune-reports' : '/commune-reports')}>
            {t('communeReports.actions.back')}
          </Button>
        }
      />
      <Flex wrap gap={8} align="center" style={{ marginBottom: 16 }}>
        <StandingTag standing={report.standing} testId="commune-report-status" />
        <LateMark late={report.late} testId="commune-report-late" />
        <Typography.Text type="secondary">{t('communeReports.dueOn', { date: formatDateVi(report.dueDate) })}</Typography.Text>
        {report.submittedAt ? <Typography.Text type="secondary">{t('communeReports.submittedOn', { date: dayVi(report.submittedAt) })}</Typography.Text> : null}
        <Typography.Text type="secondary">{t('communeReports.detail.version', { version: report.version })}</Typography.Text>
      </Flex>
      {report.reviewComment && report.status !== 'submitted' ? (
        <Alert
          type={report.status === 'accepted' ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="commune-report-review-comment"
          message={report.status === 'accepted' ? t('communeReports.detail.acceptedBy') : t('communeReports.detail.returnedBy')}
          description={
            <>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginBottom: 4, fontSize: 16 }}>
                {report.reviewComment}
              </Typography.Paragraph>
              {report.reviewerName ? (
                <Typography.Text type="secondary">
                  {t('communeReports.detail.reviewer', { name: report.reviewerName })} · {formatDateTimeVi(report.reviewedAt)}
                </Typography.Text>
              ) : null}
            </>
          }
        />
      ) : null}
      {act.error ? <ErrorAlert error={act.error} style={{ marginBottom: 16 }} /> : null}
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        {can.prepare ? (
          <Button icon={<SyncOutlined />} loading={act.isPending} onClick={() => void prepare().catch(() => undefined)} data-testid="commune-report-prepare">
            {t('communeReports.actions.prepare')}
          </Button>
        ) : null}
        {can.save ? (
          <Button
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={act.isPending}
            onClick={() => void save().catch(() => undefined)}
            data-testid="commune-report-save"
          >
            {t('communeReports.actions.save')}
          </Button>
        ) : null}
        {can.submit ? (
          <Popconfirm
            title={t('communeReports.actions.submitTitle')}
            description={t('communeReports.actions.submitHint')}
            onConfirm={() => submit().catch(() => undefined)}
            okButtonProps={{ 'data-testid': 'commune-report-submit-confirm' }}
          >
            <Button type="primary" icon={<CloudUploadOutlined />} loading={act.isPending} data-testid="commune-report-submit">
              {t('communeReports.actions.submit')}
            </Button>
          </Popconfirm>
        ) : null}
        {can.accept ? (
          <Popconfirm
            title={t('communeReports.actions.acceptTitle')}
            onConfirm={() => run({ kind: 'accept', version: report.version }).catch(() => undefined)}
            okButtonProps={{ 'data-testid': 'commune-report-accept-confirm' }}
          >
            <Button type="primary" icon={<CheckOutlined />} loading={act.isPending} data-testid="commune-report-accept">
              {t('communeReports.actions.accept')}
            </Button>
          </Popconfirm>
        ) : null}
        {can.return ? (
          <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)} data-testid="commune-report-return">
            {t('communeReports.actions.return')}
          </Button>
        ) : null}
        {can.save && dirty ? <Typography.Text type="warning">{t('communeReports.detail.dirty')}</Typography.Text> : null}
      </Flex>
      {report.sections.length === 0 ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('communeReports.detail.noSections')} /> : null}
      {report.sections.map((s, i) => (
        <SectionCard
          key={s.planId}
          section={s}
          index={i}
          text={texts[s.planId] ?? ''}
          editable={can.save}
          onText={(text) => setTexts((cur) => ({ ...cur, [s.planId]: text }))}
        />
      ))}
      <Card size="small" title={t('communeReports.detail.history')} data-testid="commune-report-history">
        <Timeline
          items={report.versions.map((v) => ({
            key: v.version,
            color: v.action === 'return' ? 'red' : v.action === 'accept' ? 'green' : 'blue',
            children: (
              <div style={{ overflowWrap: 'anywhere' }}>
                <Typography.Text strong>{t(`communeReports.actionsDone.${v.action}`)}</Typography.Text> ·{' '}
                {t('communeReports.detail.version', { version: v.version })} · {formatDateTimeVi(v.createdAt)}
                {v.createdByName ? ` · ${v.createdByName}` : ''}
                {v.comment ? <div style={{ whiteSpace: 'pre-wrap' }}>“{v.comment}”</div> : null}
              </div>
            ),
          }))}
        />
      </Card>
      <Modal
        open={returning}
        title={t('communeReports.actions.returnTitle')}
        okText={t('communeReports.actions.return')}
        okButtonProps={{ danger: true, disabled: !comment.trim(), loading: act.isPending, 'data-testid': 'commune-report-return-confirm' }}
        onCancel={() => setReturning(false)}
        onOk={() =>
          void run({ kind: 'return', version: report.version, comment })
            .then(() => setReturning(false))
            .catch(() => undefined)
        }
      >
        <Form layout="vertical">
          <Form.Item label={t('communeReports.actions.commentLabel')} htmlFor="commune-report-comment" required>
            <Input.TextArea
              id="commune-report-comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              autoSize={{ minRows: 3, maxRows: 10 }}
              maxLength={2000}
              data-testid="commune-report-comment"
            />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
