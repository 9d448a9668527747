import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Flex, Grid, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { FileExcelOutlined, FileWordOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { vietnamYear, type Model, type ModelSummary } from '@tds/contracts';
import { downloadModelsExport, useModels } from '../api';
import { ModelFormDrawer } from '../components/ModelFormDrawer';
import { ModelDetailDrawer } from '../components/ModelDetailDrawer';
import { useUnitTree } from '../../org';
import { usePaging } from '../../../lib/paging';
import { useIdParam } from '../../../lib/url-params';
import { errorText } from '../../../lib/errors';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The commune's exemplary models: search, year and status, record, publish, the yearly list. */
export default function ModelsPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Models key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

const YEARS = Array.from({ length: vietnamYear() - 2020 + 2 }, (_, i) => vietnamYear() + 1 - i);

function Models({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const compact = !Grid.useBreakpoint().md;
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<'draft' | 'published' | undefined>();
  // The unit and the open model live in the address bar: a unit's page links here (?unitId=…, ?open=…).
  const [unitId, setUnitId] = useIdParam('unitId');
  const [openId, setOpenId] = useIdParam('open');
  const list = useModels(communeId, { page, pageSize, q: q || undefined, year, status, unitId });
  const tree = useUnitTree(communeId);
  const unitName = unitId ? tree.data?.find((u) => u.id === unitId)?.name : undefined;
  const [form, setForm] = useState<{ open: boolean; model: Model | null }>({ open: false, model: null });
  const exportYear = year ?? vietnamYear();
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
  const holder = (m: ModelSummary) => (m.personName ? `${m.personName} (${m.unitName})` : m.unitName);
  const statusTag = (m: ModelSummary) => <Tag color={m.status === 'published' ? 'green' : undefined}>{t(`models.statuses.${m.status}`)}</Tag>;
  const link = (m: ModelSummary) => (
    <Typography.Link onClick={() => setOpenId(m.id)} data-testid="model-row-link" style={{ whiteSpace: 'normal' }}>
      {m.title}
    </Typography.Link>
  );
  const columns: TableProps<ModelSummary>['columns'] = useMemo(
    () =>
      compact
        ? [
            {
              key: 'card',
              render: (_: unknown, m: ModelSummary) => (
                <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="model-row">
                  <strong>{link(m)}</strong>
                  <span>{holder(m)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`models.kinds.${m.kind}`)} · {m.year}
                  </Typography.Text>
                  <span>{statusTag(m)}</span>
                </Flex>
              ),
            },
          ]
        : [
            {
              key: 'title',
              title: t('models.fields.title'),
              render: (_: unknown, m: ModelSummary) => (
                <div style={{ maxWidth: 360 }} data-testid="model-row">
                  {link(m)}
                </div>
              ),
            },
            {
              key: 'holder',
              title: t('models.fields.holder'),
              render: (_: unknown, m: ModelSummary) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{holder(m)}</div>,
            },
            { key: 'kind', title: t('models.fields.kind'), width: 100, render: (_: unknown, m: ModelSummary) => t(`models.kinds.${m.kind}`) },
            {
              key: 'content',
              title: t('models.fields.movementContent'),
              responsive: ['xl'],
              render: (_: unknown, m: ModelSummary) => <div style={{ maxWidth: 260, whiteSpace: 'normal' }}>{m.movementContent}</div>,
            },
            { key: 'year', title: t('models.fields.year'), dataIndex: 'year', width: 80 },
            { key: 'status', title: t('common.status'), width: 140, render: (_: unknown, m: ModelSummary) => statusTag(m) },
          ],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the cells only read t and the row
    [compact, t],
  );

  return (
    <div>
      <PageHeader
        title={t('models.title')}
        subtitle={communeName}
        extra={
          <>
            {list.data?.can.export ? (
              <>
                <Button
                  icon={<FileExcelOutlined />}
                  onClick={() => void downloadModelsExport(communeId, exportYear, 'xlsx').catch((e: unknown) => void message.error(errorText(e)))}
                  data-testid="model-export-xlsx"
                >
                  {t('models.exportExcel')} {exportYear}
                </Button>
                <Button
                  icon={<FileWordOutlined />}
                  onClick={() => void downloadModelsExport(communeId, exportYear, 'docx').catch((e: unknown) => void message.error(errorText(e)))}
                  data-testid="model-export-docx"
                >
                  {t('models.exportWord')} {exportYear}
                </Button>
              </>
            ) : null}
            {list.data?.can.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, model: null })} data-testid="model-create">
                {t('models.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput testId="model-search" placeholder={t('models.searchPlaceholder')} onSearch={filtered(setQ)} />
          <Select<number>
            allowClear
            placeholder={t('models.allYears')}
            aria-label={t('models.fields.year')}
            value={year}
            onChange={filtered(setYear)}
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 140, maxWidth: '100%' }}
          />
          <Select<'draft' | 'published'>
            allowClear
            placeholder={t('models.allStatuses')}
            aria-label={t('common.status')}
            value={status}
            onChange={filtered(setStatus)}
            options={(['draft', 'published'] as const).map((s) => ({ value: s, label: t(`models.statuses.${s}`) }))}
            style={{ width: 180, maxWidth: '100%' }}
          />
          {unitId ? (
            <Tag closable onClose={() => filtered(setUnitId)(null)} color="blue" style={{ alignSelf: 'center' }} data-testid="model-unit-filter">
              {unitName ? t('models.filteredByUnit', { name: unitName }) : t('models.filteredByUnitUnknown')}
            </Tag>
          ) : null}
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="model-table">
          <Table<ModelSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            showHeader={!compact}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={compact ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: t('models.empty') }}
          />
        </div>
      </Card>
      <ModelFormDrawer
        communeId={communeId}
        open={form.open}
        model={form.model}
        units={tree.data}
        onClose={() => setForm({ open: false, model: null })}
        onSaved={(m) => setOpenId(m.id)}
      />
      <ModelDetailDrawer communeId={communeId} id={openId ?? null} onClose={() => setOpenId(null)} onEdit={(m) => setForm({ open: true, model: m })} />
    </div>
  );
}
