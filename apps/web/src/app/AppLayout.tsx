import { useMemo, useState, type ReactNode } from 'react';
import { Avatar, Button, Drawer, Dropdown, Flex, Grid, Layout, Menu, Modal, Select, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { GlobalOutlined, HomeOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCommune, useCurrentMe } from '../lib/session';
import { activeEntry } from './nav';
import type { MenuEntry } from '../lib/feature';
import { features } from '../features';
import { ChangePasswordForm, useLogout } from '../features/auth';
import { NotificationBell } from '../features/reporting';
import { setLanguage } from '../i18n';
import { selectFilter } from '../lib/format';
import { ErrorBoundary } from './ErrorBoundary';

const { Header, Sider, Content } = Layout;

/** The side menu: home, then every feature's entries in their order. */
const NAV: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'nav.dashboard', icon: HomeOutlined, testId: 'menu-home', order: 0 },
  ...features.flatMap((f) => f.menu),
].sort((a, b) => a.order - b.order);

const activeKey = (pathname: string) => activeEntry(pathname, NAV);

function Brand({ collapsed }: { collapsed?: boolean }) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} style={{ height: 56, padding: '0 16px', overflow: 'hidden', whiteSpace: 'nowrap' }}>
      <TrophyOutlined style={{ fontSize: 22, color: '#ffcd00' }} />
      {collapsed ? null : (
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {t('app.name')}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function CommuneSwitcher({ compact }: { compact?: boolean }) {
  const { t } = useTranslation();
  const { communeId, communes, setCommuneId } = useCommune();
  if (communes.length === 0) return null;
  return (
    <Select
      data-testid="commune-switcher"
      aria-label={t('header.commune')}
      value={communeId ?? undefined}
      placeholder={t('common.chooseCommune')}
      onChange={(v: string) => setCommuneId(v)}
      showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
      style={{ width: compact ? 150 : 260, maxWidth: '45vw' }}
      popupMatchSelectWidth={false}
      options={communes.map((c) => ({
        value: c.id,
        label: c.name,
        searchText: `${c.name} ${c.provinceName}`,
        title: `${c.name} – ${c.provinceName}`,
      }))}
      optionRender={(opt) => (
        <div>
          <div>{opt.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {communes.find((c) => c.id === opt.value)?.provinceName}
          </Typography.Text>
        </div>
      )}
    />
  );
}

export function AppLayout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isMobile = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const logout = useLogout();
  const isEn = i18n.language?.startsWith('en');

  const items: MenuProps['items'] = useMemo(
    () =>
      NAV.filter((n) => !n.permission || me.permissions.includes(n.permission)).map((n) => ({
        key: n.key,
        icon: <n.icon />,
        label: t(n.labelKey),
        'data-testid': n.testId,
      })),
    [me.permissions, t],
  );

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const item = NAV.find((n) => n.key === key);
    if (item) void navigate(item.path);
    setDrawerOpen(false);
  };

  const doLogout = () => logout.mutate();

  const userMenu: MenuProps['items'] = [
    { key: 'name', label: <Typography.Text strong>{me.user.fullName}</Typography.Text>, disabled: true },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: t('header.changePassword'), onClick: () => setPwOpen(true), 'data-testid': 'change-password' },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('header.logout')}</span>, onClick: doLogout, danger: true },
  ];

  const menu = <Menu theme="dark" mode="inline" selectedKeys={[activeKey(location.pathname)]} items={items} onClick={onMenu} />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          <Brand />
          {menu}
        </Drawer>
      ) : (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          breakpoint="lg"
          width={220}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <Brand collapsed={collapsed} />
          {menu}
          {/* Room under the last entry, so the collapse button (48 px, at the bottom) never covers it. */}
          <div style={{ height: 48 }} aria-hidden />
        </Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header
          style={{
            background: '#fff',
            padding: isMobile ? '0 8px' : '0 24px',
            display: 'flex',
            alignItems: 'center',
            gap: isMobile ? 6 : 12,
            position: 'sticky',
            top: 0,
            zIndex: 10,
            boxShadow: '0 1px 4px rgba(0,0,0,0.08)',
            height: 56,
            lineHeight: '56px',
          }}
        >
          {isMobile ? (
            <Button type="text" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} aria-label={t('header.openMenu')} data-testid="menu-toggle" />
          ) : null}
          {screens.lg ? (
            <Typography.Text type="secondary" ellipsis style={{ flex: '0 1 auto', minWidth: 0 }}>
              {t('app.shortSubtitle')}
            </Typography.Text>
          ) : null}
          <div style={{ flex: 1 }} />
          <CommuneSwitcher compact={isMobile} />
          <NotificationBell />
          <Button
            type="text"
            icon={<GlobalOutlined />}
            onClick={() => setLanguage(isEn ? 'vi' : 'en')}
            // The visible code (EN/VI) is part of the name, as WCAG 2.5.3 asks.
            aria-label={isMobile ? t('header.language') : `${isEn ? 'VI' : 'EN'} – ${t('header.language')}`}
            title={t('header.switchTo')}
            data-testid="lang-switch"
          >
            {isMobile ? null : isEn ? 'VI' : 'EN'}
          </Button>
          <Dropdown menu={{ items: userMenu }} trigger={['click']} placement="bottomRight">
            <Button type="text" style={{ paddingInline: 4 }} data-testid="user-menu" aria-label={me.user.fullName}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b71c1c' }} />
              {screens.lg ? <span style={{ marginInlineStart: 6 }}>{me.user.fullName}</span> : null}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
        </Content>
      </Layout>
      <Modal open={pwOpen} title={t('auth.changeTitle')} footer={null} onCancel={() => setPwOpen(false)} destroyOnHidden>
        {/* useChangePassword shows the success message. */}
        <ChangePasswordForm onDone={() => setPwOpen(false)} />
      </Modal>
    </Layout>
  );
}
