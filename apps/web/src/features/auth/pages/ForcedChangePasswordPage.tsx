import { Alert, Button, Flex } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useMe } from '../api';
import { AuthShell } from '../components/AuthShell';
import { ChangePasswordForm } from '../components/ChangePasswordForm';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';

export default function ForcedChangePasswordPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();

  if (me.isPending) return <FullPageSpin />;
  if (!me.data) return <Navigate to="/login" replace />;
  if (!me.data.user.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <AuthShell title={t('auth.forcedTitle')}>
      <Alert type="warning" showIcon title={t('auth.forcedHint')} style={{ marginBottom: 16 }} />
      <ChangePasswordForm
        submitText={t('auth.changeTitle')}
        // The success message comes from useChangePassword; this page usually redirects on its own
        // (the user no longer has to change the password) before onDone runs.
        onDone={() => void navigate('/', { replace: true })}
      />
      <Flex justify="center" style={{ marginTop: 12 }}>
        <Button type="link" onClick={() => logout.mutate()} data-testid="logout">
          {t('header.logout')}
        </Button>
      </Flex>
    </AuthShell>
  );
}
