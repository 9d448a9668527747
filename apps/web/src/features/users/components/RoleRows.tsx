import { useMemo } from 'react';
import { Button, Card, Flex, Form, Select, TreeSelect, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { roleScopeLevel, roles, type Role } from '@tds/contracts';
import { useCurrentMe } from '../../../lib/session';
import { useProvinces, useUnitTree, filterUnitNode, unitTreeSelectData } from '../../org';
import { selectFilter } from '../../../lib/format';

export interface RoleRowValue {
  role?: Role;
  provinceId?: string | null;
  communeId?: string | null;
  unitId?: string | null;
}

/** Turn the form rows into the API's role assignments, keeping only the ids the role's level needs. */
export function toRoleAssignments(rows: readonly RoleRowValue[] | undefined) {
  return (rows ?? [])
    .filter((r): r is RoleRowValue & { role: Role } => !!r?.role)
    .map((r) => {
      const level = roleScopeLevel[r.role];
      if (level === 'province') return { role: r.role, provinceId: r.provinceId ?? null };
      if (level === 'commune') return { role: r.role, communeId: r.communeId ?? null };
      if (level === 'unit') return { role: r.role, communeId: r.communeId ?? null, unitId: r.unitId ?? null };
      return { role: r.role };
    });
}

function RoleRow({
  form,
  name,
  onRemove,
  defaultCommuneId,
  grantRoles,
}: {
  form: FormInstance;
  name: number;
  onRemove: () => void;
  defaultCommuneId: string | null;
  grantRoles: readonly Role[];
}) {
  const { t } = useTranslation();
  const me = useCurrentMe();
  const role = Form.useWatch(['roles', name, 'role'], form) as Role | undefined;
  const communeId = Form.useWatch(['roles', name, 'communeId'], form) as string | undefined;
  const level = role ? roleScopeLevel[role] : undefined;
  const provinces = useProvinces({ page: 1, pageSize: 200 }, level === 'province');
  const units = useUnitTree(level === 'unit' ? (communeId ?? null) : null);
  const unitData = useMemo(() => unitTreeSelectData(units.data), [units.data]);

  // Only the roles the server says this user may grant, plus the row's current role (shown, kept if unchanged).
  const roleOptions = roles.filter((r) => grantRoles.includes(r) || r === role).map((r) => ({ value: r, label: t(`users.roleNames.${r}`) }));

  return (
    <Card size="small" style={{ marginBottom: 8 }} styles={{ body: { paddingBottom: 0 } }}>
      <Flex gap={8} align="start">
        <div style={{ flex: 1, minWidth: 0 }}>
          <Form.Item name={[name, 'role']} label={t('users.role')} rules={[{ required: true, message: t('common.required') }]}>
            <Select
              options={roleOptions}
              data-testid={`user-role-${name}`}
              onChange={(r: Role) => {
                if (roleScopeLevel[r] === 'commune' || roleScopeLevel[r] === 'unit') {
                  const cur = form.getFieldValue(['roles', name, 'communeId']) as string | undefined;
                  if (!cur && defaultCommuneId) form.setFieldValue(['roles', name, 'communeId'], defaultCommuneId);
                }
              }}
            />
          </Form.Item>
          {level === 'province' ? (
            <Form.Item name={[name, 'provinceId']} label={t('users.scope')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                placeholder={t('users.pickProvince')}
                showSearch={{ filterOption: (i, o) => selectFilter(i, o) }}
                loading={provinces.isPending}
                options={(provinces.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
              />
            </Form.Item>
          ) : null}
          {level === 'commune' || level === 'unit' ? (
            <Form.Item name={[name, 'communeId']} label={t('users.commune')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                placeholder={t('users.pickCommune')}
                showSearch={{ filterOption: (i, o) => selectFilter(i, o) }}
                options={me.communes.map((c) => ({ value: c.id, label: c.name, searchText: `${c.name} ${c.provinceName}` }))}
                onChange={() => form.setFieldValue(['roles', name, 'unitId'], undefined)}
              />
            </Form.Item>
          ) : null}
          {level === 'unit' ? (
            <Form.Item name={[name, 'unitId']} label={t('users.scope')} rules={[{ required: true, message: t('common.required') }]}>
              <TreeSelect
                placeholder={t('users.pickUnit')}
                showSearch
                treeDefaultExpandAll
                loading={units.isFetching}
                treeData={unitData}
                filterTreeNode={filterUnitNode}
                disabled={!communeId}
              />
            </Form.Item>
          ) : null}
          {level === 'system' ? <Typography.Paragraph type="secondary">{t('users.systemScope')}</Typography.Paragraph> : null}
        </div>
        <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.cancel')} style={{ marginTop: 30 }} />
      </Flex>
    </Card>
  );
}

export function RoleRows({ form, defaultCommuneId, grantRoles }: { form: FormInstance; defaultCommuneId: string | null; grantRoles: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name="roles">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <RoleRow key={f.key} form={form} name={f.name} onRemove={() => remove(f.name)} defaultCommuneId={defaultCommuneId} grantRoles={grantRoles} />
          ))}
          <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({})} data-testid="user-add-role">
            {t('users.addRole')}
          </Button>
        </>
      )}
    </Form.List>
  );
}
