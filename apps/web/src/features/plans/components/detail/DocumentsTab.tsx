import { useState } from 'react';
import { App as AntApp, Alert, Button, Card, Col, Flex, Row } from 'antd';
import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { downloadPlanFile, planHtmlUrl, type PlanFile } from '../../api';
import { errorText } from '../../../../lib/errors';

/** Word files of the plan and of the decision issuing it (final or draft), and the printable HTML. */
export function DocumentsTab({ communeId, planId }: { communeId: string; planId: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [busy, setBusy] = useState<string | null>(null);

  const download = (file: PlanFile, draft: boolean) => {
    const key = `${file}:${draft}`;
    setBusy(key);
    const name = `${file === 'document.docx' ? 'ke-hoach' : 'quyet-dinh'}${draft ? '-du-thao' : ''}.docx`;
    downloadPlanFile(communeId, planId, file, draft, name)
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setBusy(null));
  };
  const open = (which: 'document' | 'decision') => window.open(planHtmlUrl(communeId, planId, which), '_blank', 'noopener');

  const block = (file: PlanFile, html: 'document' | 'decision', title: string, testId?: string) => (
    <Card size="small" title={title} style={{ height: '100%' }}>
      <Flex vertical gap={8} align="flex-start">
        <Button type="primary" icon={<FileWordOutlined />} loading={busy === `${file}:false`} onClick={() => download(file, false)} data-testid={testId}>
          {t('plans.documents.docx')}
        </Button>
        <Button
          icon={<FileWordOutlined />}
          loading={busy === `${file}:true`}
          onClick={() => download(file, true)}
          data-testid={testId ? `${testId}-draft` : undefined}
        >
          {t('plans.documents.draftDocx')}
        </Button>
        <Button icon={<PrinterOutlined />} onClick={() => open(html)} data-testid={`plan-print-${html}`}>
          {t('plans.documents.html')}
        </Button>
      </Flex>
    </Card>
  );

  return (
    <>
      <Alert type="info" showIcon title={t('plans.documents.hint')} style={{ marginBottom: 16 }} />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          {block('document.docx', 'document', t('plans.documents.plan'), 'plan-download-docx')}
        </Col>
        <Col xs={24} md={12}>
          {block('decision.docx', 'decision', t('plans.documents.decision'), 'plan-download-decision')}
        </Col>
      </Row>
    </>
  );
}
