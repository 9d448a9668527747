import { useState } from 'react';
import { Alert, App as AntApp, Button, Drawer, Flex, Progress, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../../lib/errors';
import { downloadResidentsTemplate, useImportResidents, type ResidentImportResult } from '../api';

/** Residents from Excel: the template, a dry run listing every row's problems, then the commit (all rows or none). */
export function ResidentImportDrawer({ communeId, open, onClose }: { communeId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const imp = useImportResidents(communeId);
  const [file, setFile] = useState<File | null>(null);
  const [dry, setDry] = useState<ResidentImportResult | null>(null);
  const [sent, setSent] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const reset = () => {
    setFile(null);
    setDry(null);
    setSent(0);
    setError(null);
  };
  const run = async (f: File, dryRun: boolean) => {
    setError(null);
    setSent(0);
    try {
      const r = await imp.mutateAsync({ file: f, dryRun, onProgress: setSent });
      if (dryRun) setDry(r);
      else {
        void message.success(t('training.import.done', { created: r.created, unchanged: r.unchanged }));
        reset();
        onClose();
      }
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Drawer
      open={open}
      onClose={() => {
        reset();
        onClose();
      }}
      title={t('training.import.title')}
      width={Math.min(720, window.innerWidth)}
      destroyOnHidden
      data-testid="resident-import"
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('training.import.intro')}</Typography.Paragraph>
        <Flex wrap gap={8}>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadResidentsTemplate(communeId)} data-testid="resident-import-template">
            {t('training.import.template')}
          </Button>
          <Upload
            accept=".xlsx"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => {
              setFile(f);
              setDry(null);
              void run(f, true);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={imp.isPending} data-testid="resident-import-file">
              {t('training.import.pick')}
            </Button>
          </Upload>
        </Flex>
        {imp.isPending ? <Progress percent={Math.round(sent * 100)} status="active" data-testid="resident-import-progress" /> : null}
        {error ? <Alert type="error" showIcon message={error} data-testid="resident-import-error" /> : null}
        {dry ? (
          <>
            <Alert
              type={dry.errorCount ? 'warning' : 'success'}
              showIcon
              data-testid="resident-import-summary"
              message={t('training.import.summary', {
                file: file?.name ?? '',
                rows: dry.rows,
                created: dry.created,
                unchanged: dry.unchanged,
                errors: dry.errorCount,
              })}
            />
            {dry.errors.length ? (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.field ?? ''}-${e.message}`}
                dataSource={dry.errors}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                data-testid="resident-import-errors"
                columns={[
                  { key: 'row', title: t('training.import.row'), dataIndex: 'row', width: 70 },
                  {
                    key: 'message',
                    title: t('training.import.problem'),
                    dataIndex: 'message',
                    render: (m: string) => <span style={{ overflowWrap: 'anywhere' }}>{m}</span>,
                  },
                ]}
              />
            ) : null}
            <Button
              type="primary"
              disabled={!!dry.errorCount || !file || dry.created === 0}
              loading={imp.isPending}
              onClick={() => file && void run(file, false)}
              data-testid="resident-import-commit"
            >
              {t('training.import.commit', { count: dry.created })}
            </Button>
          </>
        ) : null}
      </Flex>
    </Drawer>
  );
}
