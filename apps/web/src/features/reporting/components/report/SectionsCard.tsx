import { Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '@tds/contracts';

/** The narrative sections, one text box each; `errors` are the server's messages by section index. */
export function SectionsCard({ report, readOnly, errors }: { report: ReportDetail; readOnly: boolean; errors: Record<number, string> }) {
  const { t } = useTranslation();
  if (report.sections.length === 0) return null;
  return (
    <Card size="small" title={t('reporting.form.sections')} style={{ marginBottom: 16 }}>
      {report.sections.map((s, i) => (
        <Form.Item key={s.key} name={['sections', i]} label={s.title} validateStatus={errors[i] ? 'error' : undefined} help={errors[i]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 20 }} readOnly={readOnly} maxLength={50_000} data-testid={`report-section-${i}`} />
        </Form.Item>
      ))}
    </Card>
  );
}
