import { useState } from 'react';
import { usePaging } from '../../../lib/paging';
import { Button, Card, Dropdown, Flex, Space, Switch, Table, Tag, Tooltip, Typography, App as AntApp } from 'antd';
import type { MenuProps, TableProps } from 'antd';
import { EditOutlined, KeyOutlined, LockOutlined, MoreOutlined, PlusOutlined, StopOutlined, UnlockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { User } from '@tds/contracts';
import { isLocked, useSaveUser, useUnlockUser, useUsers } from '../api';
import { UserFormDrawer } from '../components/UserFormDrawer';
import { ResetPasswordModal } from '../components/ResetPasswordModal';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { formatDateTimeVi } from '../../../lib/format';
import { errorText } from '../../../lib/errors';

export default function UsersPage() {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const { communeId, commune } = useCommune();
  const [onlyCommune, setOnlyCommune] = useState(true);
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [drawer, setDrawer] = useState<{ open: boolean; id: string | null }>({ open: false, id: null });
  const [resetFor, setResetFor] = useState<User | null>(null);
  // The switch to every commune's users is shown only when the list says so (listAllCommunes).
  const filterCommune = onlyCommune ? (communeId ?? undefined) : undefined;
  const list = useUsers({ page, pageSize, q: q || undefined, communeId: filterCommune });
  // What this user may do comes with the list and each user (never from permissions held somewhere).
  const listCan = list.data?.can;
  const anyAction = !!list.data?.items.some((u) => u.can.edit || u.can.resetPassword || u.can.unlock || u.can.disable);
  const save = useSaveUser();
  const unlock = useUnlockUser();

  const toggleDisabled = (u: User) => {
    modal.confirm({
      title: u.disabled ? t('users.enable') : t('users.disable'),
      content: t(u.disabled ? 'users.enableConfirm' : 'users.disableConfirm', { name: u.fullName }),
      okButtonProps: { danger: !u.disabled },
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () =>
        save
          .mutateAsync({ id: u.id, input: { disabled: !u.disabled, version: u.version } })
          .then(() => void message.success(t('common.saved')))
          .catch((e: unknown) => void message.error(errorText(e))),
    });
  };

  const doUnlock = (u: User) => {
    unlock.mutate(u.id, {
      onSuccess: () => void message.success(t('users.unlocked')),
      onError: (e) => void message.error(errorText(e)),
    });
  };

  const columns: TableProps<User>['columns'] = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 160,
      render: (v: string, u) => (u.can.edit ? <Typography.Link onClick={() => setDrawer({ open: true, id: u.id })}>{v}</Typography.Link> : v),
    },
    { title: t('users.fullName'), dataIndex: 'fullName', minWidth: 160 },
    {
      title: t('users.roles'),
      key: 'roles',
      minWidth: 200,
      responsive: ['md'],
      render: (_, u) => (
        <Flex wrap gap={4}>
          {u.roles.map((r, i) => (
            <Tooltip key={i} title={r.scopeName}>
              <Tag color="red" bordered={false}>
                {t(`users.roleNames.${r.role}`)}
              </Tag>
            </Tooltip>
          ))}
          {u.outsideRoles > 0 ? (
            <Tooltip title={t('users.outsideRolesHint')}>
              <Tag bordered={false} data-testid="user-outside-roles">
                {t('users.outsideRoles', { count: u.outsideRoles })}
              </Tag>
            </Tooltip>
          ) : null}
        </Flex>
      ),
    },
    {
      title: t('users.status'),
      key: 'status',
      width: 170,
      render: (_, u) => (
        <Flex wrap gap={4}>
          {u.disabled ? <Tag color="default">{t('users.disabled')}</Tag> : <Tag color="green">{t('users.enabled')}</Tag>}
          {isLocked(u) ? (
            <Tag color="orange" icon={<LockOutlined />}>
              {t('users.locked')}
            </Tag>
          ) : null}
          {u.mustChangePassword ? <Tag color="gold">{t('users.mustChange')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('users.lastLogin'), dataIndex: 'lastLoginAt', width: 150, responsive: ['lg'], render: (v: string | null) => formatDateTimeVi(v) },
  ];
  if (anyAction) {
    columns.push({
      title: t('common.actions'),
      key: 'a',
      width: 100,
      fixed: 'right',
      render: (_, u) => {
        const items: MenuProps['items'] = [
          ...(u.can.resetPassword ? [{ key: 'reset', icon: <KeyOutlined />, label: t('users.resetPassword'), onClick: () => setResetFor(u) }] : []),
          ...(u.can.unlock && isLocked(u) ? [{ key: 'unlock', icon: <UnlockOutlined />, label: t('users.unlock'), onClick: () => doUnlock(u) }] : []),
          ...(u.can.disable
            ? [
                {
                  key: 'disable',
                  icon: u.disabled ? <UnlockOutlined /> : <StopOutlined />,
                  danger: !u.disabled,
                  label: u.disabled ? t('users.enable') : t('users.disable'),
                  onClick: () => toggleDisabled(u),
                },
              ]
            : []),
        ];
        if (!u.can.edit && !items.length) return null;
        return (
          <Space size={0}>
            {u.can.edit ? (
              <Button
                type="text"
                icon={<EditOutlined />}
                onClick={() => setDrawer({ open: true, id: u.id })}
                aria-label={t('common.edit')}
                data-testid="user-edit"
              />
            ) : null}
            {items.length ? (
              <Dropdown menu={{ items }} trigger={['click']}>
                <Button type="text" icon={<MoreOutlined />} aria-label={t('common.more')} data-testid="user-more" />
              </Dropdown>
            ) : null}
          </Space>
        );
      },
    });
  }

  return (
    <div>
      <PageHeader
        title={t('users.title')}
        subtitle={filterCommune ? commune?.name : undefined}
        extra={
          listCan?.create ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, id: null })} data-testid="user-create">
              {t('users.createUser')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
          <SearchInput
            testId="user-search"
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          {listCan?.listAllCommunes || !onlyCommune ? (
            <Flex align="center" gap={6}>
              <Switch
                checked={onlyCommune}
                onChange={(v) => {
                  setOnlyCommune(v);
                  setPage(1);
                }}
                aria-label={t('users.onlyThisCommune')}
              />
              <Typography.Text>{t('users.onlyThisCommune')}</Typography.Text>
            </Flex>
          ) : null}
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="user-table">
          <Table<User>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
          />
        </div>
      </Card>
      {listCan?.create || anyAction ? (
        <>
          <UserFormDrawer
            open={drawer.open}
            userId={drawer.id}
            defaultCommuneId={communeId}
            grantRoles={listCan?.grantRoles ?? []}
            onClose={() => setDrawer({ open: false, id: null })}
          />
          <ResetPasswordModal user={resetFor} onClose={() => setResetFor(null)} />
        </>
      ) : null}
    </div>
  );
}
