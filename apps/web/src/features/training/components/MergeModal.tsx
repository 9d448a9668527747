import { useEffect, useState } from 'react';
import { Alert, App as AntApp, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '@tds/contracts';
import { useMergeResident } from '../api';
import { ResidentPicker, residentLabel } from './ResidentPicker';
import { errorText } from '../../../lib/errors';

/**
 * Merge a resident entered twice into the one kept: every attendance, help and certificate of the
 * duplicate moves to the kept resident, and the duplicate leaves the list.
 */
export function MergeModal({ communeId, resident, onClose }: { communeId: string; resident: Resident | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const merge = useMergeResident(communeId);
  const [intoId, setIntoId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setIntoId(null);
    setError(null);
  }, [resident]);

  const ok = () => {
    if (!resident) return;
    if (!intoId) {
      setError(t('training.merge.pickFirst'));
      return;
    }
    merge.mutate(
      { id: resident.id, intoId },
      {
        onSuccess: (kept) => {
          void message.success(t('training.merge.done', { name: kept.fullName }));
          onClose();
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  return (
    <Modal
      open={!!resident}
      title={t('training.merge.title')}
      onCancel={onClose}
      onOk={ok}
      okText={t('training.merge.ok')}
      okButtonProps={{ loading: merge.isPending, danger: true, 'data-testid': 'merge-ok' }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      {resident ? (
        <>
          <Typography.Paragraph>{t('training.merge.intro', { name: residentLabel(resident) })}</Typography.Paragraph>
          {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
          <Form layout="vertical">
            <Form.Item label={t('training.merge.into')} htmlFor="merge-into" required>
              <ResidentPicker
                id="merge-into"
                communeId={communeId}
                exceptId={resident.id}
                value={intoId}
                onChange={(id) => {
                  setIntoId(id);
                  setError(null);
                }}
                testId="merge-into"
              />
            </Form.Item>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('training.merge.hint')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
