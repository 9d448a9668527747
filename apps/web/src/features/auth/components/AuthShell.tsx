import { Button, Card, Flex, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../../i18n';

/** Centered card with the product name, used by the login and forced password pages. */
export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const isEn = i18n.language?.startsWith('en');
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16, background: 'linear-gradient(160deg, #fff5f5 0%, #fffbe6 100%)' }}>
      <Card style={{ width: '100%', maxWidth: 400 }} styles={{ body: { padding: 24 } }}>
        <Flex justify="flex-end">
          <Button size="small" type="text" onClick={() => setLanguage(isEn ? 'vi' : 'en')} data-testid="lang-switch">
            {t('header.switchTo')}
          </Button>
        </Flex>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 16, textAlign: 'center' }}>
          <TrophyOutlined style={{ fontSize: 40, color: '#b71c1c' }} />
          <Typography.Title level={2} style={{ margin: 0, color: '#b71c1c' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
        </Flex>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {children}
      </Card>
      <Typography.Text type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('auth.footer')}
      </Typography.Text>
    </Flex>
  );
}
