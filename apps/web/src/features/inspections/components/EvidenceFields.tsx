import { useState } from 'react';
import { App as AntApp, Button, DatePicker, Flex, Form, Input, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { InspectionFile } from '@tds/contracts';
import { uploadEvidence } from '../api';
import { errorText } from '../../../lib/errors';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso } from '../../../lib/format';

/** What the evidence fields hold in a form (under `evidence`). */
export interface EvidenceValues {
  number?: string;
  date?: Dayjs | null;
  summary?: string;
  fileId?: string | null;
}

/** The evidence input of a form's values: null when nothing is given. */
export function evidenceOf(v: EvidenceValues | undefined) {
  if (!v) return null;
  const e = { number: v.number?.trim() || null, date: dayjsToIso(v.date) ?? null, summary: v.summary?.trim() || null, fileId: v.fileId ?? null };
  return e.number || e.date || e.summary || e.fileId ? e : null;
}

/** A document (number, date, summary) and an optional file, uploaded at once for the inspection. */
export function EvidenceFields({ communeId, inspectionId, testId }: { communeId: string; inspectionId: string; testId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const form = Form.useFormInstance();
  const [file, setFile] = useState<InspectionFile | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Flex gap={12} wrap>
        <Form.Item name={['evidence', 'number']} label={t('inspections.field.evidenceNumber')} style={{ flex: '1 1 150px' }}>
          <Input maxLength={60} data-testid={`${testId}-number`} />
        </Form.Item>
        <Form.Item name={['evidence', 'date']} label={t('inspections.field.evidenceDate')} style={{ flex: '1 1 150px' }}>
          <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name={['evidence', 'summary']} label={t('inspections.field.evidenceSummary')}>
        <Input maxLength={1000} />
      </Form.Item>
      <Form.Item name={['evidence', 'fileId']} label={t('inspections.field.evidenceFile')}>
        <Flex gap={8} align="center" wrap>
          <Upload
            showUploadList={false}
            accept=".pdf,.docx,.doc,.odt,.xlsx,.jpg,.jpeg,.png"
            customRequest={({ file: f }) => {
              setBusy(true);
              uploadEvidence(communeId, inspectionId, f as File)
                .then((up) => {
                  setFile(up);
                  form.setFieldValue(['evidence', 'fileId'], up.id);
                  void message.success(t('inspections.uploaded', { name: up.name }));
                })
                .catch((e: unknown) => void message.error(errorText(e)))
                .finally(() => setBusy(false));
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid={`${testId}-file`}>
              {t('inspections.act.upload')}
            </Button>
          </Upload>
          {file ? (
            <Typography.Text style={{ overflowWrap: 'anywhere' }}>
              <PaperClipOutlined /> {file.name}
            </Typography.Text>
          ) : null}
        </Flex>
      </Form.Item>
    </>
  );
}
