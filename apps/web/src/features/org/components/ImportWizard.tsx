import { useState } from 'react';
import { Alert, Button, Flex, Modal, Result, Steps, Table, Upload, App as AntApp } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { fieldLabelsEn, fieldLabelsVi, fieldPathLabel, type ImportResult } from '@tds/contracts';
import { downloadUnitTemplate, useImportUnits } from '../api';
import { isApiError } from '../../../lib/api';
import { errorText } from '../../../lib/errors';

interface RowError {
  row?: number;
  field?: string;
  message: string;
}

/** Import units from Excel: pick a file, dry-run it, show row errors, then commit all or nothing. */
export function ImportWizard({ communeId, open, onClose }: { communeId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = AntApp.useApp();
  const imp = useImportUnits(communeId);
  const [file, setFile] = useState<File | null>(null);
  const [check, setCheck] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [errors, setErrors] = useState<RowError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);

  const reset = () => {
    setFile(null);
    setCheck(null);
    setDone(null);
    setErrors([]);
    setFailure(null);
    imp.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const run = (dryRun: boolean) => {
    if (!file) return;
    setFailure(null);
    imp.mutate(
      { file, dryRun },
      {
        onSuccess: (r) => {
          setErrors(r.errors);
          if (dryRun) setCheck(r);
          else if (r.errors.length === 0) setDone(r);
          else setCheck(r);
        },
        onError: (e) => {
          if (isApiError(e) && e.details.length > 0) {
            setErrors(e.details);
            setCheck((c) => c ?? { dryRun, rows: 0, created: 0, updated: 0, errors: e.details.map((d) => ({ ...d, row: d.row ?? 0 })) });
          }
          setFailure(errorText(e));
        },
      },
    );
  };

  const step = done ? 2 : check ? 1 : 0;
  const vi = i18n.language.startsWith('vi');
  const fieldLabel = (f?: string) => (f ? fieldPathLabel(f, vi ? fieldLabelsVi : fieldLabelsEn, vi ? 'thứ' : 'no.') || f : '');

  return (
    <Modal open={open} title={t('org.importTitle')} onCancel={close} footer={null} width={760} destroyOnHidden>
      <Steps
        size="small"
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: t('org.importStepFile') }, { title: t('org.importStepCheck') }, { title: t('org.importStepDone') }]}
      />
      {failure ? <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} /> : null}

      {step === 0 ? (
        <>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setFailure(null);
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
            data-testid="unit-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('org.importPick')}</p>
            <p className="ant-upload-hint">{t('org.importPickHint')}</p>
          </Upload.Dragger>
          <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
            <Button icon={<DownloadOutlined />} onClick={() => downloadUnitTemplate(communeId).catch((e: unknown) => void message.error(errorText(e)))}>
              {t('org.template')}
            </Button>
            <Button type="primary" disabled={!file} loading={imp.isPending} onClick={() => run(true)} data-testid="unit-import-check">
              {t('org.importCheck')}
            </Button>
          </Flex>
        </>
      ) : null}

      {step === 1 && check ? (
        <>
          {errors.length > 0 ? (
            <Alert type="warning" showIcon title={t('org.importHasErrors', { count: errors.length })} style={{ marginBottom: 12 }} />
          ) : (
            <Alert
              type="success"
              showIcon
              title={t('org.importOk')}
              description={t('org.importSummary', { rows: check.rows, created: check.created, updated: check.updated })}
              style={{ marginBottom: 12 }}
            />
          )}
          {errors.length > 0 ? (
            <Table<RowError>
              size="small"
              rowKey={(_, i) => String(i)}
              dataSource={errors}
              pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
              scroll={{ x: 480 }}
              data-testid="unit-import-errors"
              columns={[
                { title: t('common.row'), dataIndex: 'row', width: 70 },
                { title: t('common.field'), dataIndex: 'field', width: 160, render: (f?: string) => fieldLabel(f) },
                { title: t('common.message'), dataIndex: 'message' },
              ]}
            />
          ) : null}
          <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
            <Button onClick={reset}>{t('org.importAgain')}</Button>
            <Button type="primary" disabled={errors.length > 0} loading={imp.isPending} onClick={() => run(false)} data-testid="unit-import-commit">
              {t('org.importCommit')}
            </Button>
          </Flex>
        </>
      ) : null}

      {step === 2 && done ? (
        <Result
          status="success"
          title={t('org.importDone', { created: done.created, updated: done.updated })}
          extra={
            <Button type="primary" onClick={close}>
              {t('common.close')}
            </Button>
          }
        />
      ) : null}
    </Modal>
  );
}
