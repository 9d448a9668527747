import { useEffect } from 'react';
import { Button, Divider, Drawer, Flex, Form, Grid, Input, Select, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { userCreateInput, userUpdateInput, type Role, type User } from '@tds/contracts';
import { useSaveUser, useUser } from '../api';
import { RoleRows, toRoleAssignments, type RoleRowValue } from './RoleRows';
import { useCurrentMe } from '../../../lib/session';
import { blankToNull, selectFilter } from '../../../lib/format';
import { validateWith } from '../../../lib/forms';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { useSaveFeedback } from '../../../lib/save-feedback';
import { SaveErrorAlert } from '../../../components/ui/SaveErrorAlert';

interface Values {
  username: string;
  fullName: string;
  email: string;
  communeId: string | null;
  password: string;
  disabled: boolean;
  roles: RoleRowValue[];
}

function rowsFromUser(u: User): RoleRowValue[] {
  return u.roles.map((r) => ({ role: r.role, provinceId: r.provinceId, communeId: r.communeId, unitId: r.unitId }));
}

export function UserFormDrawer({
  open,
  userId,
  defaultCommuneId,
  grantRoles,
  onClose,
}: {
  open: boolean;
  userId: string | null;
  defaultCommuneId: string | null;
  /** The roles the list says this user may grant (`can.grantRoles`). */
  grantRoles: readonly Role[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const user = useUser(open ? userId : null);
  const save = useSaveUser();
  const feedback = useSaveFeedback(form);
  const { error, stale, reset: resetFeedback } = feedback;
  const isEdit = !!userId;

  useEffect(() => {
    if (!open) return;
    resetFeedback();
    form.resetFields();
    if (!isEdit) {
      form.setFieldsValue({ communeId: defaultCommuneId, roles: [{ role: 'viewer', communeId: defaultCommuneId }] });
    }
  }, [open, isEdit, defaultCommuneId, form, resetFeedback]);

  useEffect(() => {
    const u = user.data;
    if (open && isEdit && u) {
      form.setFieldsValue({
        username: u.username,
        fullName: u.fullName,
        email: u.email ?? '',
        communeId: u.communeId,
        disabled: u.disabled,
        roles: rowsFromUser(u),
      });
    }
  }, [open, isEdit, user.data, form]);

  const onFinish = (v: Values) => {
    resetFeedback();
    const roles = toRoleAssignments(v.roles);
    const input = isEdit
      ? validateWith(
          userUpdateInput,
          { fullName: (v.fullName ?? '').trim(), email: blankToNull(v.email), disabled: !!v.disabled, roles, version: user.data?.version ?? 0 },
          form,
        )
      : validateWith(
          userCreateInput,
          {
            username: (v.username ?? '').trim(),
            fullName: (v.fullName ?? '').trim(),
            email: blankToNull(v.email),
            communeId: v.communeId ?? null,
            password: v.password ?? '',
            roles,
          },
          form,
        );
    if (!input) return;
    save.mutate({ id: userId ?? undefined, input }, feedback.callbacks(isEdit, onClose));
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={isEdit ? t('users.editUser') : t('users.createUser')}
      size={screens.md ? 560 : '100%'}
      forceRender
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} disabled={isEdit && !user.data} data-testid="user-form-submit">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {isEdit && user.isPending ? <Skeleton active /> : null}
      {user.error ? <ErrorAlert error={user.error} /> : null}
      <SaveErrorAlert
        error={error}
        stale={stale}
        onReload={() => {
          resetFeedback();
          void user.refetch();
        }}
      />
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={feedback.onValuesChange} hidden={isEdit && !user.data} autoComplete="off">
        <Form.Item name="username" label={t('users.username')} required={!isEdit}>
          <Input disabled={isEdit} maxLength={60} autoCapitalize="none" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item name="fullName" label={t('users.fullName')} required>
          <Input maxLength={120} data-testid="user-form-fullName" />
        </Form.Item>
        <Form.Item name="email" label={t('users.email')}>
          <Input maxLength={200} inputMode="email" />
        </Form.Item>
        <Form.Item name="communeId" label={t('users.commune')}>
          <Select
            allowClear
            disabled={isEdit}
            showSearch={{ filterOption: (i, o) => selectFilter(i, o) }}
            options={me.communes.map((c) => ({ value: c.id, label: c.name, searchText: `${c.name} ${c.provinceName}` }))}
          />
        </Form.Item>
        {isEdit ? (
          <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        ) : (
          <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHint')} required>
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          <Typography.Text strong>{t('users.roles')}</Typography.Text>
        </Divider>
        <RoleRows form={form} defaultCommuneId={defaultCommuneId} grantRoles={grantRoles} />
      </Form>
    </Drawer>
  );
}
