import { App as AntApp, Button, Card, Flex, Form, Input, Typography, Upload } from 'antd';
import { DownloadOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatDateTimeVi, unitPlanFileExtensions, type ReportDetail } from '@tds/contracts';
import { downloadReportFile, useUploadReportFile } from '../../api';
import { ErrorAlert } from '../../../../components/ui/ErrorAlert';
import { errorText } from '../../../../lib/errors';
import { formatNumber } from '../../../../lib/format';

const ACCEPT = unitPlanFileExtensions.map((e) => `.${e}`).join(',');

/**
 * A unit's own plan: its summary and the plan file. Unsaved text is saved before the upload (`beforeUpload`),
 * and the version the upload produced is handed back (`onUploaded`).
 */
export function UnitPlanCard({
  communeId,
  report,
  readOnly,
  errors,
  beforeUpload,
  onUploaded,
}: {
  communeId: string;
  report: ReportDetail;
  readOnly: boolean;
  errors: { summary: string | null; file: string | null };
  beforeUpload: () => Promise<boolean>;
  onUploaded: (version: number) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const upload = useUploadReportFile(communeId, report.id);
  const file = report.file;

  const send = async (f: File) => {
    if (!(await beforeUpload())) return;
    upload.mutate(f, {
      onSuccess: (d) => {
        if (d && typeof d === 'object' && 'version' in d && typeof d.version === 'number') onUploaded(d.version);
        void message.success(t('reporting.unitPlan.uploaded'));
      },
    });
  };
  const download = () => {
    downloadReportFile(communeId, report.id, file?.name ?? 'ke-hoach.docx').catch((e: unknown) => void message.error(errorText(e)));
  };

  return (
    <Card size="small" title={t('reporting.unitPlan.title')} style={{ marginBottom: 16 }}>
      <Form.Item name="summary" label={t('reporting.unitPlan.summary')} validateStatus={errors.summary ? 'error' : undefined} help={errors.summary}>
        <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} readOnly={readOnly} maxLength={10_000} data-testid="report-summary" />
      </Form.Item>
      <Form.Item label={t('reporting.unitPlan.file')} validateStatus={errors.file ? 'error' : undefined} help={errors.file} style={{ marginBottom: 0 }}>
        <Flex wrap gap={8} align="center">
          {file ? (
            <>
              <Typography.Text data-testid="report-file-name">
                <PaperClipOutlined /> {file.name}
              </Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatNumber(Math.ceil(file.size / 1024))} KB · {formatDateTimeVi(file.createdAt)}
              </Typography.Text>
              <Button size="small" icon={<DownloadOutlined />} onClick={download} data-testid="report-file-download">
                {t('common.download')}
              </Button>
            </>
          ) : (
            <Typography.Text type="secondary">{t('reporting.unitPlan.noFile')}</Typography.Text>
          )}
          {!readOnly ? (
            <span data-testid="report-file-upload-area">
              <Upload
                accept={ACCEPT}
                maxCount={1}
                showUploadList={false}
                beforeUpload={(f) => {
                  void send(f);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="report-file-upload">
                  {file ? t('reporting.unitPlan.replace') : t('reporting.unitPlan.upload')}
                </Button>
              </Upload>
            </span>
          ) : null}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('reporting.unitPlan.types', { types: unitPlanFileExtensions.join(', ') })}
        </Typography.Text>
      </Form.Item>
      {upload.error ? <ErrorAlert error={upload.error} style={{ marginTop: 12, marginBottom: 0 }} /> : null}
    </Card>
  );
}
