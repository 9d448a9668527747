import { useState } from 'react';
import { Badge, Button, Empty, Flex, List, Popover, Spin, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Notification } from '@tds/contracts';
import { useMarkAllNotificationsRead, useMarkNotificationRead, useUnreadNotifications } from '../api';
import { useCommune } from '../../../lib/session';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { formatDateTimeVi } from '../../../lib/format';

/** An in-app link we can follow with the router; anything else (or nothing) stays put. */
export function appLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/**
 * The header bell: unread in-app notifications (polled every minute); a click marks one read, switches
 * to its commune and follows its link.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const { communeId, communes, setCommuneId } = useCommune();
  const q = useUnreadNotifications();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const count = q.data?.unreadCount ?? 0;
  const items = q.data?.items ?? [];

  const follow = (n: Notification) => {
    markRead.mutate(n.id);
    setOpen(false);
    // The notice concerns another of the user's communes: show that one.
    if (n.communeId !== communeId && communes.some((c) => c.id === n.communeId)) setCommuneId(n.communeId);
    const to = appLink(n.link);
    if (to) void navigate(to);
  };

  const content = (
    <div style={{ width: 'min(360px, calc(100vw - 32px))' }} data-testid="notification-list">
      {q.error ? <ErrorAlert error={q.error} showDetails={false} /> : null}
      {q.isPending ? <Spin /> : null}
      {!q.isPending && items.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.notify.empty')} /> : null}
      {items.length > 0 ? (
        // A scrolling region reachable by keyboard.
        <div style={{ maxHeight: 360, overflow: 'auto' }} tabIndex={0} role="region" aria-label={t('reporting.notify.title')}>
          <List<Notification>
            size="small"
            dataSource={items}
            renderItem={(n) => (
              <List.Item key={n.id} onClick={() => follow(n)} style={{ cursor: 'pointer', paddingInline: 4 }} data-testid={`notification-${n.id}`}>
                <Flex vertical style={{ minWidth: 0 }}>
                  <Typography.Text strong>{n.title}</Typography.Text>
                  <Typography.Text style={{ fontSize: 13 }}>{n.body}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTimeVi(n.createdAt)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        </div>
      ) : null}
    </div>
  );

  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <Flex justify="space-between" align="center" gap={8}>
          <span>{t('reporting.notify.title')}</span>
          <Button
            size="small"
            type="link"
            disabled={count === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
            data-testid="notifications-read-all"
          >
            {t('reporting.notify.readAll')}
          </Button>
        </Flex>
      }
      content={content}
    >
      <Button
        type="text"
        // The badge's number is part of the name (WCAG 2.5.3): "Thông báo: 3 chưa đọc".
        aria-label={count > 0 ? t('reporting.notify.bellUnread', { count }) : t('reporting.notify.title')}
        data-testid="notification-bell"
      >
        <Badge count={count} size="small" overflowCount={99}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Popover>
  );
}
