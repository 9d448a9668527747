import { Alert, Descriptions, Space } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, formatDateVi, type ReportDetail } from '@tds/contracts';
import { lateKind } from '../../reportForm';
import { LateTag, ReportStatusTag } from '../StatusTags';
import { CycleText } from '../list/CycleText';

/** Who reports what, by when, and where the report stands. */
export function ReportHeader({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }} style={{ marginBottom: 16 }} data-testid="report-header">
      <Descriptions.Item label={t('reporting.columns.unit')}>
        <span data-testid="report-unit">{report.unitName}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('reporting.columns.deadline')}>
        <span data-testid="report-deadline">{formatDateVi(report.dueDate)}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('reporting.columns.content')}>
        <CycleText title={report.title} planTitle={report.planTitle} cadence={report.cadence} period={report.period} year={report.year} />
      </Descriptions.Item>
      <Descriptions.Item label={t('common.status')}>
        <Space size={4} wrap>
          <ReportStatusTag status={report.status} testId="report-status" />
          <LateTag kind={lateKind(report)} testId="report-late" />
        </Space>
      </Descriptions.Item>
      {report.submittedAt ? <Descriptions.Item label={t('reporting.columns.submittedAt')}>{formatDateTimeVi(report.submittedAt)}</Descriptions.Item> : null}
      <Descriptions.Item label={t('reporting.form.version')}>
        <span data-testid="report-version">{report.version}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The reviewer's comment of a returned report, and the lock of an accepted one. */
export function ReportNotices({ report }: { report: ReportDetail }) {
  const { t } = useTranslation();
  return (
    <>
      {report.status === 'returned' && report.reviewComment ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reporting.form.returnedTitle', { date: formatDateTimeVi(report.reviewedAt) })}
          description={
            <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="report-review-comment">
              {report.reviewComment}
            </div>
          }
        />
      ) : null}
      {report.status === 'accepted' ? (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          style={{ marginBottom: 16 }}
          title={t('reporting.form.lockedTitle', { date: formatDateTimeVi(report.reviewedAt) })}
          description={t('reporting.form.lockedHint')}
          data-testid="report-locked"
        />
      ) : null}
      {report.status === 'submitted' && !report.can.review ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reporting.form.submittedHint')} data-testid="report-submitted-notice" />
      ) : null}
    </>
  );
}
