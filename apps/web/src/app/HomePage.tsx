import { Card, Col, List, Row, Tag, Typography } from 'antd';
import { ApartmentOutlined, AuditOutlined, TeamOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@tds/contracts';
import { useCommune, useCurrentMe } from '../lib/session';
import { MyWork } from './home/MyWork';

const CARDS: { path: string; labelKey: string; icon: React.ReactNode; permission: Permission }[] = [
  { path: '/org', labelKey: 'nav.org', icon: <ApartmentOutlined />, permission: 'org.read' },
  { path: '/people', labelKey: 'nav.people', icon: <TeamOutlined />, permission: 'person.read' },
  { path: '/users', labelKey: 'nav.users', icon: <UsergroupAddOutlined />, permission: 'user.read' },
  { path: '/audit', labelKey: 'nav.audit', icon: <AuditOutlined />, permission: 'audit.read' },
];

export default function HomePage() {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const { commune } = useCommune();
  return (
    <div>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('home.welcome', { name: me.user.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {commune ? `${commune.name} – ${commune.provinceName}. ` : ''}
        {t('home.intro')}
      </Typography.Paragraph>
      <MyWork />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        {CARDS.filter((c) => me.permissions.includes(c.permission)).map((c) => (
          <Col key={c.path} xs={12} md={6}>
            <Link to={c.path}>
              <Card hoverable style={{ textAlign: 'center' }}>
                <div style={{ fontSize: 28, color: '#b71c1c' }}>{c.icon}</div>
                <div>{t(c.labelKey)}</div>
              </Card>
            </Link>
          </Col>
        ))}
      </Row>
      <Card title={t('home.roles')} style={{ marginTop: 16 }}>
        <List
          dataSource={me.roles}
          renderItem={(r) => (
            <List.Item>
              <Tag color="red">{t(`users.roleNames.${r.role}`)}</Tag> {r.scopeName}
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
