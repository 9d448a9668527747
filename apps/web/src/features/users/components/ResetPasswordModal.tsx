import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, App as AntApp } from 'antd';
import { useTranslation } from 'react-i18next';
import { resetPasswordInput, type User } from '@tds/contracts';
import { useResetPassword } from '../api';
import { applyApiError, clearErrorsOnChange, validateWith } from '../../../lib/forms';

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (user) {
      setError(null);
      form.resetFields();
    }
  }, [user, form]);

  const onFinish = (v: { newPassword: string }) => {
    if (!user) return;
    const input = validateWith(resetPasswordInput, { newPassword: v.newPassword ?? '' }, form);
    if (!input) return;
    reset.mutate(
      { id: user.id, newPassword: input.newPassword },
      {
        onSuccess: () => {
          void message.success(t('users.resetDone'));
          onClose();
        },
        onError: (e) => setError(applyApiError(e, form)),
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('users.resetTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={(changed) => clearErrorsOnChange(form, changed)} autoComplete="off">
        <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('users.passwordHint')} required>
          <Input.Password autoComplete="new-password" data-testid="user-reset-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
