import { useEffect, useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Modal, Select, Table, Tabs, App as AntApp } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { communeInput, communeKinds, provinceInput, type Commune, type Province } from '@tds/contracts';
import { useCommunes, useProvinces, useSaveCommune, useSaveProvince } from '../api';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { DATE_FORMAT, DATE_PLACEHOLDER, dayjsToIso, formatDateVi, isoToDayjs, selectFilter } from '../../../lib/format';
import { applyApiError, clearErrorsOnChange, validateWith } from '../../../lib/forms';

export default function TerritoryPage() {
  const { t } = useTranslation();
  return (
    <div>
      <PageHeader title={t('territory.title')} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'communes', label: t('territory.communes'), children: <CommunesTab /> },
            { key: 'provinces', label: t('territory.provinces'), children: <ProvincesTab /> },
          ]}
        />
      </Card>
    </div>
  );
}

function useAllProvinces() {
  return useProvinces({ page: 1, pageSize: 200 });
}

function ProvincesTab() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const list = useProvinces({ page, pageSize: 20, q: q || undefined });
  const [editing, setEditing] = useState<Province | 'new' | null>(null);
  const columns: TableProps<Province>['columns'] = [
    { title: t('territory.code'), dataIndex: 'code', width: 120 },
    { title: t('territory.name'), dataIndex: 'name', minWidth: 180 },
    { title: t('territory.communeCount'), dataIndex: 'communeCount', width: 140, align: 'right' },
    {
      title: t('common.actions'),
      key: 'a',
      width: 80,
      render: (_, p) => <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(p)} aria-label={t('common.edit')} />,
    },
  ];
  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <SearchInput
          onSearch={(v) => {
            setQ(v);
            setPage(1);
          }}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="province-create">
          {t('territory.createProvince')}
        </Button>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<Province>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 480 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { count: n }),
        }}
      />
      <ProvinceModal value={editing} onClose={() => setEditing(null)} />
    </>
  );
}

function ProvinceModal({ value, onClose }: { value: Province | 'new' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ code: string; name: string }>();
  const save = useSaveProvince();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (value === 'new') form.resetFields();
    else if (value) form.setFieldsValue({ code: value.code, name: value.name });
  }, [value, form]);
  const onFinish = (v: { code: string; name: string }) => {
    const input = validateWith(provinceInput, { code: (v.code ?? '').trim(), name: (v.name ?? '').trim() }, form);
    if (!input) return;
    save.mutate(
      { id: value && value !== 'new' ? value.id : undefined, input },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => setError(applyApiError(e, form)),
      },
    );
  };
  return (
    <Modal
      open={!!value}
      title={value === 'new' ? t('territory.createProvince') : t('territory.editProvince')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={(changed) => clearErrorsOnChange(form, changed)}>
        <Form.Item name="code" label={t('territory.code')} required>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="name" label={t('territory.name')} required>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function CommunesTab() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [provinceId, setProvinceId] = useState<string | undefined>();
  const provinces = useAllProvinces();
  const list = useCommunes({ page, pageSize: 20, q: q || undefined, provinceId });
  const [editing, setEditing] = useState<Commune | 'new' | null>(null);
  const columns: TableProps<Commune>['columns'] = [
    { title: t('territory.code'), dataIndex: 'code', width: 110 },
    { title: t('territory.name'), dataIndex: 'name', minWidth: 180 },
    { title: t('territory.kind'), dataIndex: 'kind', width: 110, render: (k: Commune['kind']) => t(`territory.communeKinds.${k}`) },
    { title: t('territory.province'), dataIndex: 'provinceName', responsive: ['md'] },
    { title: t('territory.activeFrom'), dataIndex: 'activeFrom', width: 120, responsive: ['lg'], render: (d: string | null) => formatDateVi(d) },
    { title: t('territory.activeTo'), dataIndex: 'activeTo', width: 120, responsive: ['lg'], render: (d: string | null) => formatDateVi(d) },
    {
      title: t('common.actions'),
      key: 'a',
      width: 80,
      render: (_, c) => <Button type="text" icon={<EditOutlined />} onClick={() => setEditing(c)} aria-label={t('common.edit')} />,
    },
  ];
  return (
    <>
      <Flex wrap gap={8} justify="space-between" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8}>
          <SearchInput
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <Select
            allowClear
            placeholder={t('territory.allProvinces')}
            aria-label={t('territory.allProvinces')}
            value={provinceId}
            onChange={(v?: string) => {
              setProvinceId(v);
              setPage(1);
            }}
            showSearch={{ filterOption: (i, o) => selectFilter(i, o) }}
            options={(provinces.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: 220, maxWidth: '100%' }}
          />
        </Flex>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="commune-create">
          {t('territory.createCommune')}
        </Button>
      </Flex>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<Commune>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        scroll={{ x: 560 }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { count: n }),
        }}
      />
      <CommuneModal value={editing} provinces={provinces.data?.items ?? []} defaultProvinceId={provinceId} onClose={() => setEditing(null)} />
    </>
  );
}

interface CommuneValues {
  provinceId: string;
  code: string;
  name: string;
  kind: Commune['kind'];
  activeFrom: Dayjs | null;
  activeTo: Dayjs | null;
}

function CommuneModal({
  value,
  provinces,
  defaultProvinceId,
  onClose,
}: {
  value: Commune | 'new' | null;
  provinces: Province[];
  defaultProvinceId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<CommuneValues>();
  const save = useSaveCommune();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (value === 'new') {
      form.resetFields();
      form.setFieldsValue({ provinceId: defaultProvinceId, kind: 'xa' });
    } else if (value) {
      form.setFieldsValue({
        provinceId: value.provinceId,
        code: value.code,
        name: value.name,
        kind: value.kind,
        activeFrom: isoToDayjs(value.activeFrom),
        activeTo: isoToDayjs(value.activeTo),
      });
    }
  }, [value, form, defaultProvinceId]);
  const onFinish = (v: CommuneValues) => {
    const body = {
      provinceId: v.provinceId,
      code: (v.code ?? '').trim(),
      name: (v.name ?? '').trim(),
      kind: v.kind,
      activeFrom: dayjsToIso(v.activeFrom),
      activeTo: dayjsToIso(v.activeTo),
    };
    const input = validateWith(communeInput, body, form);
    if (!input) return;
    save.mutate(
      { id: value && value !== 'new' ? value.id : undefined, input },
      {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError: (e) => setError(applyApiError(e, form)),
      },
    );
  };
  return (
    <Modal
      open={!!value}
      title={value === 'new' ? t('territory.createCommune') : t('territory.editCommune')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      forceRender
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical" onFinish={onFinish} onValuesChange={(changed) => clearErrorsOnChange(form, changed)}>
        <Form.Item name="provinceId" label={t('territory.province')} required>
          <Select showSearch={{ filterOption: (i, o) => selectFilter(i, o) }} options={provinces.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="code" label={t('territory.code')} required style={{ flex: 1 }}>
            <Input maxLength={32} />
          </Form.Item>
          <Form.Item name="kind" label={t('territory.kind')} required style={{ flex: 1 }}>
            <Select options={communeKinds.map((k) => ({ value: k, label: t(`territory.communeKinds.${k}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="name" label={t('territory.name')} required>
          <Input maxLength={200} />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item name="activeFrom" label={t('territory.activeFrom')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="activeTo" label={t('territory.activeTo')} style={{ flex: 1 }}>
            <DatePicker format={DATE_FORMAT} placeholder={DATE_PLACEHOLDER} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
