import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Flex, Grid, Select, Table, Tag, TreeSelect, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { initiativeDomains, vietnamYear, type Initiative, type InitiativeSummary } from '@tds/contracts';
import { downloadInitiativesExport, useInitiatives } from '../api';
import { InitiativeFormDrawer } from '../components/InitiativeFormDrawer';
import { InitiativeDetailDrawer } from '../components/InitiativeDetailDrawer';
import { filterUnitNode, unitTreeSelectData, useUnitTree } from '../../org';
import { usePaging } from '../../../lib/paging';
import { useIdParam } from '../../../lib/url-params';
import { errorText } from '../../../lib/errors';
import { formatDateVi } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The commune's register of initiatives: search without diacritics, filters, register, recognitions, export. */
export default function InitiativesPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Register key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

const YEARS = Array.from({ length: vietnamYear() - 2020 + 2 }, (_, i) => vietnamYear() + 1 - i);

function Register({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const compact = !Grid.useBreakpoint().md;
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [year, setYear] = useState<number | undefined>();
  // The unit, the author and the open initiative live in the address bar: a person's or a unit's
  // page links here (?personId=…, ?unitId=…, ?open=…).
  const [unitId, setUnitId] = useIdParam('unitId');
  const [personId, setPersonId] = useIdParam('personId');
  const [openId, setOpenId] = useIdParam('open');
  const [domain, setDomain] = useState<string | undefined>();
  const [recognized, setRecognized] = useState<'true' | 'false' | undefined>();
  const filters = { q: q || undefined, year, unitId, personId, domain, recognized };
  const list = useInitiatives(communeId, { page, pageSize, ...filters });
  const tree = useUnitTree(communeId);
  const unitData = useMemo(() => unitTreeSelectData(tree.data, { includeInactive: true }), [tree.data]);
  const [form, setForm] = useState<{ open: boolean; initiative: Initiative | null }>({ open: false, initiative: null });
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  const recognizedTag = (i: InitiativeSummary) =>
    i.recognizedLevel ? <Tag color="green">{t(`initiatives.levels.${i.recognizedLevel}`)}</Tag> : <Tag>{t('initiatives.notRecognized')}</Tag>;
  const titleLink = (i: InitiativeSummary) => (
    <Typography.Link onClick={() => setOpenId(i.id)} data-testid="initiative-row-link" style={{ whiteSpace: 'normal' }}>
      {i.title}
    </Typography.Link>
  );
  const authorName = personId ? list.data?.items.flatMap((i) => i.authors).find((a) => a.personId === personId)?.fullName : undefined;
  const authors = (i: InitiativeSummary) => i.authors.map((a) => a.fullName).join('; ');
  const columns: TableProps<InitiativeSummary>['columns'] = compact
    ? [
        {
          key: 'card',
          render: (_: unknown, i) => (
            <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="initiative-row">
              <strong>{titleLink(i)}</strong>
              <span>{authors(i)}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {i.unitName} · {t(`initiatives.domains.${i.domain}`)} · {i.year}
              </Typography.Text>
              <span>{recognizedTag(i)}</span>
            </Flex>
          ),
        },
      ]
    : [
        {
          key: 'title',
          title: t('initiatives.fields.title'),
          render: (_: unknown, i) => (
            <div style={{ maxWidth: 360 }} data-testid="initiative-row">
              {titleLink(i)}
            </div>
          ),
        },
        {
          key: 'authors',
          title: t('initiatives.fields.authors'),
          render: (_: unknown, i) => <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>{authors(i)}</div>,
        },
        {
          key: 'unit',
          title: t('initiatives.fields.unit'),
          dataIndex: 'unitName',
          render: (n: string) => <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{n}</div>,
        },
        { key: 'domain', title: t('initiatives.fields.domain'), responsive: ['lg'], render: (_: unknown, i) => t(`initiatives.domains.${i.domain}`) },
        {
          key: 'applied',
          title: t('initiatives.fields.firstAppliedOn'),
          responsive: ['xl'],
          width: 120,
          render: (_: unknown, i) => formatDateVi(i.firstAppliedOn),
        },
        { key: 'rec', title: t('initiatives.recognitions'), width: 150, render: (_: unknown, i) => recognizedTag(i) },
      ];

  return (
    <div>
      <PageHeader
        title={t('initiatives.title')}
        subtitle={communeName}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadInitiativesExport(communeId, filters).catch((e: unknown) => void message.error(errorText(e)))}
              data-testid="initiative-export"
            >
              {t('initiatives.export')}
            </Button>
            {list.data?.can.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({ open: true, initiative: null })} data-testid="initiative-create">
                {t('initiatives.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput testId="initiative-search" placeholder={t('initiatives.searchPlaceholder')} onSearch={filtered(setQ)} />
          <Select<number>
            allowClear
            placeholder={t('initiatives.allYears')}
            aria-label={t('initiatives.fields.year')}
            value={year}
            onChange={filtered(setYear)}
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 140, maxWidth: '100%' }}
          />
          <TreeSelect
            allowClear
            showSearch
            treeDefaultExpandAll
            placeholder={t('initiatives.allUnits')}
            aria-label={t('initiatives.fields.unit')}
            value={unitId}
            onChange={filtered(setUnitId)}
            treeData={unitData}
            filterTreeNode={filterUnitNode}
            style={{ width: 260, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
          />
          <Select<string>
            allowClear
            placeholder={t('initiatives.allDomains')}
            aria-label={t('initiatives.fields.domain')}
            value={domain}
            onChange={filtered(setDomain)}
            options={initiativeDomains.map((d) => ({ value: d, label: t(`initiatives.domains.${d}`) }))}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Select<'true' | 'false'>
            allowClear
            placeholder={t('initiatives.recognizedAny')}
            aria-label={t('initiatives.recognitions')}
            value={recognized}
            onChange={filtered(setRecognized)}
            options={[
              { value: 'true', label: t('initiatives.recognizedYes') },
              { value: 'false', label: t('initiatives.recognizedNo') },
            ]}
            style={{ width: 190, maxWidth: '100%' }}
            data-testid="initiative-recognized-filter"
          />
          {personId ? (
            <Tag closable onClose={() => filtered(setPersonId)(null)} color="blue" style={{ alignSelf: 'center' }} data-testid="initiative-person-filter">
              {authorName ? t('initiatives.filteredByPerson', { name: authorName }) : t('initiatives.filteredByPersonUnknown')}
            </Tag>
          ) : null}
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="initiative-table">
          <Table<InitiativeSummary>
            rowKey="id"
            size="middle"
            columns={columns}
            showHeader={!compact}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={compact ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: t('initiatives.empty') }}
          />
        </div>
      </Card>
      <InitiativeFormDrawer
        communeId={communeId}
        open={form.open}
        initiative={form.initiative}
        units={tree.data}
        onClose={() => setForm({ open: false, initiative: null })}
        onSaved={(i) => setOpenId(i.id)}
      />
      <InitiativeDetailDrawer
        communeId={communeId}
        id={openId ?? null}
        onClose={() => setOpenId(null)}
        onEdit={(i) => setForm({ open: true, initiative: i })}
      />
    </div>
  );
}
