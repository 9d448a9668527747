import { Alert, Button, Form, Input } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { loginInput } from '@tds/contracts';
import { useLogin, useMe } from '../api';
import { AuthShell } from '../components/AuthShell';
import { applyApiError, clearErrorsOnChange, validateWith } from '../../../lib/forms';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';

interface Values {
  username: string;
  password: string;
}

/** Only same-site paths are accepted as the place to return to after login. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const next = safeNext(params.get('next'));

  if (me.isPending) return <FullPageSpin />;
  if (me.data && !login.isPending) {
    return <Navigate to={me.data.user.mustChangePassword ? '/change-password' : next} replace />;
  }

  const onFinish = (values: Values) => {
    setError(null);
    const payload = validateWith(loginInput, { username: (values.username ?? '').trim(), password: values.password ?? '' }, form);
    if (!payload) return;
    login.mutate(payload, {
      onSuccess: (data) => {
        void navigate(data.user.mustChangePassword ? '/change-password' : next, { replace: true });
      },
      onError: (e) => setError(applyApiError(e, form)),
    });
  };

  return (
    <AuthShell title={t('auth.loginTitle')}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={(changed) => clearErrorsOnChange(form, changed)} requiredMark={false}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true, message: t('common.required') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="none" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
          {t('auth.submit')}
        </Button>
      </Form>
    </AuthShell>
  );
}
