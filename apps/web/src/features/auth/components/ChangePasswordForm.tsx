import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordInput } from '@tds/contracts';
import { useChangePassword, useMe } from '../api';
import { applyApiError, clearErrorsOnChange, validateWith } from '../../../lib/forms';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm({ onDone, submitText }: { onDone: () => void; submitText?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const username = useMe().data?.user.username ?? '';
  const [error, setError] = useState<string | null>(null);

  const onFinish = (values: Values) => {
    setError(null);
    const payload = validateWith(changePasswordInput, { currentPassword: values.currentPassword ?? '', newPassword: values.newPassword ?? '' }, form);
    if (!payload) return;
    change.mutate(payload, {
      onSuccess: () => {
        form.resetFields();
        onDone();
      },
      onError: (e) => setError(applyApiError(e, form)),
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      onValuesChange={(changed) => clearErrorsOnChange(form, changed)}
      requiredMark={false}
      autoComplete="off"
    >
      {/* For password managers: whose password this is. */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden aria-hidden="true" tabIndex={-1} />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="current-password" data-testid="cp-current" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('auth.newPassword')} extra={t('auth.passwordRule')} rules={[{ required: true, message: t('common.required') }]}>
        <Input.Password autoComplete="new-password" data-testid="cp-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('common.required') },
          ({ getFieldValue }) => ({
            validator: (_, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('auth.mismatch')))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" data-testid="cp-confirm" />
      </Form.Item>
      {/* Room between the last field's error message and the button (padding: a margin would collapse into the field's). */}
      <Form.Item style={{ paddingTop: 12, marginBottom: 0 }}>
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="cp-submit">
          {submitText ?? t('auth.changeTitle')}
        </Button>
      </Form.Item>
    </Form>
  );
}
