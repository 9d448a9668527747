import { useMemo, useState } from 'react';
import { usePaging } from '../../../lib/paging';
import { Button, Card, Col, Dropdown, Flex, Grid, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography, App as AntApp } from 'antd';
import type { TableProps } from 'antd';
import {
  DownloadOutlined,
  EditOutlined,
  FileExcelOutlined,
  MergeCellsOutlined,
  MoreOutlined,
  PlusOutlined,
  StopOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { unitKinds, type Unit, type UnitKind } from '@tds/contracts';
import { downloadUnitExport, downloadUnitTemplate, useUnits, useUnitTree } from '../api';
import { UnitTree } from '../components/UnitTree';
import { UnitFormDrawer } from '../components/UnitFormDrawer';
import { UnitLifecycleModal } from '../components/UnitLifecycleModal';
import { ImportWizard } from '../components/ImportWizard';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';
import { formatDateVi } from '../../../lib/format';
import { errorText } from '../../../lib/errors';

export default function OrgPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <OrgPageInner key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function OrgPageInner({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const compact = !screens.md;
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<UnitKind | undefined>();
  const [includeInactive, setIncludeInactive] = useState(false);
  const [parentId, setParentId] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<{ open: boolean; unitId: string | null }>({ open: false, unitId: null });
  const [lifecycle, setLifecycle] = useState<{ unit: Unit | null; mode: 'close' | 'merge' }>({ unit: null, mode: 'close' });
  const [importOpen, setImportOpen] = useState(false);

  const tree = useUnitTree(communeId);
  const list = useUnits(communeId, { page, pageSize, q: q || undefined, kind, parentId: parentId ?? undefined, includeInactive });
  // What this user may do comes with the list and each unit (never from permissions held somewhere).
  const listCan = list.data?.can;
  const anyEdit = !!list.data?.items.some((u) => u.can.edit);
  const byId = useMemo(() => new Map((tree.data ?? []).map((u) => [u.id, u])), [tree.data]);
  const parentName = parentId ? byId.get(parentId)?.name : undefined;

  const resetPage = () => setPage(1);

  const statusTag = (u: Unit) =>
    u.active ? (
      <Tag color="green">{t('common.active')}</Tag>
    ) : (
      <Tooltip title={u.mergedIntoId ? `${t('org.mergedInto')}: ${byId.get(u.mergedIntoId)?.name ?? ''}` : undefined}>
        <Tag>{u.activeTo ? t('org.validTo', { date: formatDateVi(u.activeTo) }) : t('common.inactive')}</Tag>
      </Tooltip>
    );

  // Phones: the name column gets the width; code, kind (and a closed unit's status) go under the
  // name, and the actions collapse into one "..." menu.
  const columns: TableProps<Unit>['columns'] = [
    ...(compact ? [] : [{ title: t('org.code'), dataIndex: 'code', width: 110, ellipsis: true }]),
    {
      title: t('org.name'),
      dataIndex: 'name',
      minWidth: compact ? undefined : 220,
      render: (name: string, u) => (
        <Flex vertical align="flex-start">
          <Typography.Link onClick={() => setDrawer({ open: true, unitId: u.id })} data-testid="unit-row-name">
            {name}
          </Typography.Link>
          {compact ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="unit-row-meta">
              {u.code} · {t(`org.kinds.${u.kind}`)}
            </Typography.Text>
          ) : null}
          {u.parentId && byId.get(u.parentId) ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {byId.get(u.parentId)?.name}
            </Typography.Text>
          ) : null}
          {compact && !u.active ? <div style={{ marginTop: 2 }}>{statusTag(u)}</div> : null}
        </Flex>
      ),
    },
    ...(compact
      ? []
      : [
          { title: t('org.kind'), dataIndex: 'kind', width: 170, render: (k: UnitKind) => t(`org.kinds.${k}`) },
          { title: t('common.status'), key: 'status', width: 150, render: (_: unknown, u: Unit) => statusTag(u) },
        ]),
    { title: t('org.activeFrom'), dataIndex: 'activeFrom', width: 120, responsive: ['xxl'], render: (d: string | null) => formatDateVi(d) },
  ];
  if (anyEdit && compact) {
    columns.push({
      title: <span className="tds-sr-only">{t('common.actions')}</span>,
      key: 'actions',
      width: 48,
      align: 'center',
      render: (_, u) =>
        !u.can.edit ? null : (
          <Dropdown
            trigger={['click']}
            placement="bottomRight"
            menu={{
              items: [
                {
                  key: 'edit',
                  icon: <EditOutlined />,
                  label: t('common.edit'),
                  onClick: () => setDrawer({ open: true, unitId: u.id }),
                  'data-testid': 'unit-edit',
                },
                ...(u.active
                  ? [
                      {
                        key: 'close',
                        icon: <StopOutlined />,
                        label: t('org.closeUnit'),
                        onClick: () => setLifecycle({ unit: u, mode: 'close' }),
                        'data-testid': 'unit-close',
                      },
                      {
                        key: 'merge',
                        icon: <MergeCellsOutlined />,
                        label: t('org.mergeUnit'),
                        onClick: () => setLifecycle({ unit: u, mode: 'merge' }),
                        'data-testid': 'unit-merge',
                      },
                    ]
                  : []),
              ],
            }}
          >
            <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} data-testid="unit-actions" />
          </Dropdown>
        ),
    });
  } else if (anyEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_, u) =>
        !u.can.edit ? null : (
          <Space size={0}>
            <Tooltip title={t('common.edit')}>
              <Button
                type="text"
                icon={<EditOutlined />}
                onClick={() => setDrawer({ open: true, unitId: u.id })}
                aria-label={t('common.edit')}
                data-testid="unit-edit"
              />
            </Tooltip>
            {u.active ? (
              <>
                <Tooltip title={t('org.closeUnit')}>
                  <Button
                    type="text"
                    icon={<StopOutlined />}
                    onClick={() => setLifecycle({ unit: u, mode: 'close' })}
                    aria-label={t('org.closeUnit')}
                    data-testid="unit-close"
                  />
                </Tooltip>
                <Tooltip title={t('org.mergeUnit')}>
                  <Button
                    type="text"
                    icon={<MergeCellsOutlined />}
                    onClick={() => setLifecycle({ unit: u, mode: 'merge' })}
                    aria-label={t('org.mergeUnit')}
                    data-testid="unit-merge"
                  />
                </Tooltip>
              </>
            ) : null}
          </Space>
        ),
    });
  }

  const excelItems = [
    ...(listCan?.import ? [{ key: 'template', icon: <DownloadOutlined />, label: t('org.template') }] : []),
    ...(listCan?.export ? [{ key: 'export', icon: <FileExcelOutlined />, label: t('org.export') }] : []),
    ...(listCan?.import ? [{ key: 'import', icon: <UploadOutlined />, label: t('org.import') }] : []),
  ];
  const onExcel = ({ key }: { key: string }) => {
    const fail = (e: unknown) => void message.error(errorText(e));
    if (key === 'export') downloadUnitExport(communeId).catch(fail);
    else if (key === 'template') downloadUnitTemplate(communeId).catch(fail);
    else if (key === 'import') setImportOpen(true);
  };

  return (
    <div>
      <PageHeader
        title={t('org.title')}
        subtitle={communeName}
        extra={
          <>
            {excelItems.length ? (
              <Dropdown menu={{ items: excelItems, onClick: onExcel }} trigger={['click']}>
                <Button icon={<FileExcelOutlined />} data-testid="unit-excel">
                  {t('org.excel')}
                </Button>
              </Dropdown>
            ) : null}
            {listCan?.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer({ open: true, unitId: null })} data-testid="unit-create">
                {t('org.createUnit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8} xl={7}>
          <Card size="small" title={t('org.tree')} styles={{ body: { maxHeight: '70vh', overflow: 'auto' } }}>
            {tree.error ? <ErrorAlert error={tree.error} /> : null}
            <UnitTree
              units={tree.data}
              loading={tree.isPending}
              selectedId={parentId}
              onSelect={(id) => {
                setParentId(id);
                resetPage();
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={16} xl={17}>
          <Card size="small">
            <Flex wrap gap={8} align="center" style={{ marginBottom: 12 }}>
              <SearchInput
                testId="unit-search"
                onSearch={(v) => {
                  setQ(v);
                  resetPage();
                }}
              />
              <Select
                allowClear
                placeholder={t('org.allKinds')}
                aria-label={t('org.allKinds')}
                value={kind}
                onChange={(v?: UnitKind) => {
                  setKind(v);
                  resetPage();
                }}
                options={unitKinds.map((k) => ({ value: k, label: t(`org.kinds.${k}`) }))}
                style={{ width: 220, maxWidth: '100%' }}
                data-testid="unit-kind-filter"
                popupMatchSelectWidth={false}
              />
              <Flex align="center" gap={6}>
                <Switch
                  checked={includeInactive}
                  onChange={(v) => {
                    setIncludeInactive(v);
                    resetPage();
                  }}
                  data-testid="unit-show-inactive"
                  aria-label={t('org.showInactive')}
                />
                <Typography.Text>{t('org.showInactive')}</Typography.Text>
              </Flex>
              {parentId ? (
                <Tag closable onClose={() => setParentId(null)} color="blue" data-testid="unit-parent-filter">
                  {t('org.childrenOf', { name: parentName ?? '' })}
                </Tag>
              ) : null}
            </Flex>
            {list.error ? <ErrorAlert error={list.error} /> : null}
            <div data-testid="unit-table">
              <Table<Unit>
                rowKey="id"
                size="middle"
                columns={columns}
                dataSource={list.data?.items ?? []}
                loading={list.isFetching}
                scroll={compact ? undefined : { x: 760 }}
                rowClassName={(u) => (u.active ? '' : 'tds-row-inactive')}
                pagination={paging.config(list.data?.total)}
              />
            </div>
          </Card>
        </Col>
      </Row>
      <UnitFormDrawer
        communeId={communeId}
        open={drawer.open}
        unitId={drawer.unitId}
        defaultParentId={parentId}
        treeUnits={tree.data}
        canCreate={!!listCan?.create}
        onClose={() => setDrawer({ open: false, unitId: null })}
      />
      <UnitLifecycleModal
        communeId={communeId}
        unit={lifecycle.unit}
        mode={lifecycle.mode}
        treeUnits={tree.data}
        onClose={() => setLifecycle((s) => ({ ...s, unit: null }))}
      />
      {listCan?.import ? <ImportWizard communeId={communeId} open={importOpen} onClose={() => setImportOpen(false)} /> : null}
    </div>
  );
}
