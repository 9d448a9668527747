import { useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Input, Modal } from 'antd';
import { CopyOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../../lib/api';
import { errorText } from '../../../../lib/errors';

/**
 * The autosave was refused because the report changed meanwhile. The user's text is still in the form;
 * they choose: take the new version, save theirs over it (only for a plain version clash), or copy
 * their text first.
 */
export function ConflictAlert({
  error,
  onReload,
  onKeepMine,
  copyText,
}: {
  error: unknown;
  onReload: () => Promise<void>;
  onKeepMine: () => Promise<void>;
  copyText: () => string;
}) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const [busy, setBusy] = useState<'reload' | 'keep' | null>(null);
  const [copy, setCopy] = useState<string | null>(null);
  const versionClash = isApiError(error) && error.code === 'STALE_VERSION';

  const run = (which: 'reload' | 'keep', fn: () => Promise<void>) => {
    setBusy(which);
    void fn().finally(() => setBusy(null));
  };
  const reload = () =>
    modal.confirm({
      title: t('reporting.conflict.reloadConfirm'),
      content: t('reporting.conflict.reloadConfirmHint'),
      okText: t('reporting.conflict.reload'),
      cancelText: t('common.cancel'),
      onOk: () => run('reload', onReload),
    });

  return (
    <>
      <Alert
        type="error"
        showIcon
        role="alert"
        data-testid="report-conflict"
        style={{ marginBottom: 16 }}
        title={versionClash ? t('reporting.conflict.title') : errorText(error)}
        description={
          <Flex vertical gap={8}>
            <span>{t('reporting.conflict.kept')}</span>
            <Flex wrap gap={8}>
              <Button icon={<CopyOutlined />} onClick={() => setCopy(copyText())} data-testid="report-copy-mine">
                {t('reporting.conflict.copy')}
              </Button>
              <Button icon={<ReloadOutlined />} loading={busy === 'reload'} onClick={reload} data-testid="report-reload-latest">
                {t('reporting.conflict.reload')}
              </Button>
              {versionClash ? (
                <Button icon={<SaveOutlined />} loading={busy === 'keep'} onClick={() => run('keep', onKeepMine)} data-testid="report-keep-mine">
                  {t('reporting.conflict.keepMine')}
                </Button>
              ) : null}
            </Flex>
          </Flex>
        }
      />
      <CopyModal text={copy} onClose={() => setCopy(null)} />
    </>
  );
}

/** The user's text to copy: selected in a box, with a button that puts it on the clipboard when it can. */
function CopyModal({ text, onClose }: { text: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const toClipboard = () => {
    if (!text) return;
    navigator.clipboard?.writeText(text).then(
      () => void message.success(t('reporting.conflict.copied')),
      () => void message.info(t('reporting.conflict.copyManually')),
    );
  };
  return (
    <Modal
      open={text !== null}
      onCancel={onClose}
      title={t('reporting.conflict.copyTitle')}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={onClose}>
          {t('common.close')}
        </Button>,
        <Button key="copy" type="primary" icon={<CopyOutlined />} onClick={toClipboard} data-testid="report-copy-clipboard">
          {t('reporting.conflict.toClipboard')}
        </Button>,
      ]}
    >
      <Input.TextArea value={text ?? ''} readOnly autoSize={{ minRows: 6, maxRows: 16 }} onFocus={(e) => e.target.select()} data-testid="report-copy-text" />
    </Modal>
  );
}
