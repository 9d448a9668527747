import { useMemo, useState } from 'react';
import { App as AntApp, Button, Card, Drawer, Flex, Grid, Popover, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import {
  DownloadOutlined,
  EditOutlined,
  FilePdfOutlined,
  MergeCellsOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Resident } from '@tds/contracts';
import { downloadResidentsExport, useIssueCertificate, useResidents, useSkillModules, useTeams } from '../api';
import { ResidentImportDrawer } from '../components/ResidentImportDrawer';
import { CompletionImportDrawer } from '../components/TrainingImportDrawers';
import { errorText } from '../../../lib/errors';
import { TrainingNav } from '../components/TrainingNav';
import { EmptyText } from '../components/EmptyText';
import { ResidentForm } from '../components/ResidentForm';
import { MergeModal } from '../components/MergeModal';
import { CompletionModal } from '../components/CompletionModal';
import { idTail, moduleNamer, recordVillages } from '../trainingText';
import { usePaging } from '../../../lib/paging';
import { selectFilter } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { SearchInput } from '../../../components/ui/SearchInput';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The residents the user's team serves (the whole commune for its admin): search, correct, merge, certificates. */
export default function ResidentsPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Residents key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function Residents({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const screens = Grid.useBreakpoint();
  const compact = !screens.sm;
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [q, setQ] = useState('');
  const [villageId, setVillageId] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ resident: Resident | null } | null>(null);
  const [merging, setMerging] = useState<Resident | null>(null);
  const [certifying, setCertifying] = useState<Resident | null>(null);
  const [importing, setImporting] = useState(false);
  const [importingCompletions, setImportingCompletions] = useState(false);
  const issue = useIssueCertificate(communeId);
  const certify = (r: Resident) =>
    issue.mutate(r.id, {
      onSuccess: (c) => void message.success(t('training.certificate.done', { code: c.code })),
      onError: (e) => void message.error(errorText(e)),
    });
  const list = useResidents(communeId, { page, pageSize, q: q || undefined, villageId });
  const teams = useTeams(communeId);
  const modules = useSkillModules(communeId);
  const villages = useMemo(() => recordVillages(teams.data?.items), [teams.data]);
  const nameOf = moduleNamer(modules.data?.items, t('training.unknownModule'));

  const completed = (r: Resident) =>
    r.completedModules.length ? (
      <Popover
        trigger="click"
        title={t('training.residents.completedTitle', { name: r.fullName })}
        content={
          <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 320 }}>
            {r.completedModules.map((c) => (
              <li key={c}>{nameOf(c)}</li>
            ))}
          </ul>
        }
      >
        <Button type="link" size="small" style={{ paddingInline: 0 }} data-testid="resident-completed">
          {t('training.residents.modulesN', { count: r.completedModules.length })}
        </Button>
      </Popover>
    ) : (
      <Typography.Text type="secondary">{t('training.residents.noModules')}</Typography.Text>
    );

  // On a phone the actions are short words under the resident; in the table, icons named by their tooltip.
  const action = (key: string, short: string, label: string, icon: React.ReactNode, onClick: () => void) => {
    const button = (
      <Button key={key} type="link" size="small" icon={icon} onClick={onClick} aria-label={label} data-testid={`resident-${key}`}>
        {compact ? short : null}
      </Button>
    );
    return compact ? (
      button
    ) : (
      <Tooltip key={key} title={label}>
        {button}
      </Tooltip>
    );
  };
  const actions = (r: Resident) => (
    <Space size={compact ? 8 : 0} wrap>
      {r.can.edit ? action('edit', t('common.edit'), t('training.residents.editTitle'), <EditOutlined />, () => setEditing({ resident: r })) : null}
      {r.can.edit
        ? action('certify', t('training.completion.short'), t('training.completion.title'), <SafetyCertificateOutlined />, () => setCertifying(r))
        : null}
      {r.can.edit && r.completedModules.length
        ? action('certificate', t('training.certificate.short'), t('training.certificate.issue'), <FilePdfOutlined />, () => certify(r))
        : null}
      {r.can.merge ? action('merge', t('training.merge.short'), t('training.merge.title'), <MergeCellsOutlined />, () => setMerging(r)) : null}
    </Space>
  );
  const details = (r: Resident) =>
    [String(r.birthYear), t(`people.genders.${r.gender}`), r.villageName, t(`training.learnerGroups.${r.learnerGroup}`), idTail(r.idLast4)]
      .filter(Boolean)
      .join(' · ');

  const compactColumns: TableProps<Resident>['columns'] = [
    {
      key: 'r',
      render: (_: unknown, r) => (
        <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="resident-row">
          <strong>{r.fullName}</strong>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {details(r)}
          </Typography.Text>
          <span>{completed(r)}</span>
          {actions(r)}
        </Flex>
      ),
    },
  ];
  const columns: TableProps<Resident>['columns'] = [
    { key: 'name', title: t('training.residents.fullName'), dataIndex: 'fullName', render: (n: string) => <span data-testid="resident-row">{n}</span> },
    { key: 'birthYear', title: t('training.residents.birthYear'), dataIndex: 'birthYear', width: 90 },
    {
      key: 'gender',
      title: t('training.gender'),
      dataIndex: 'gender',
      width: 90,
      render: (g: Resident['gender']) => t(`people.genders.${g}`),
      responsive: ['md'],
    },
    { key: 'village', title: t('training.village'), dataIndex: 'villageName', width: 140 },
    {
      key: 'group',
      title: t('training.learnerGroup'),
      dataIndex: 'learnerGroup',
      render: (g: Resident['learnerGroup']) => <div style={{ maxWidth: 200, whiteSpace: 'normal' }}>{t(`training.learnerGroups.${g}`)}</div>,
      responsive: ['lg'],
    },
    { key: 'id', title: t('training.residents.idShort'), dataIndex: 'idLast4', width: 110, render: (v: string | null) => idTail(v) || '—', responsive: ['lg'] },
    { key: 'done', title: t('training.residents.completed'), width: 130, render: (_: unknown, r) => completed(r) },
  ];
  if (list.data?.items.some((r) => r.can.edit || r.can.merge))
    columns.push({ key: 'a', title: t('common.actions'), width: 120, render: (_: unknown, r) => actions(r) });

  return (
    <div>
      <PageHeader
        title={t('training.residents.title')}
        subtitle={communeName}
        extra={
          list.data?.can.create ? (
            <Space wrap>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void downloadResidentsExport(communeId).catch((e: unknown) => void message.error(errorText(e)))}
                data-testid="resident-export"
              >
                {t('training.import.export')}
              </Button>
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="resident-import-open">
                {t('training.import.open')}
              </Button>
              <Button icon={<SafetyCertificateOutlined />} onClick={() => setImportingCompletions(true)} data-testid="completion-import-open">
                {t('training.imports.completions.open')}
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ resident: null })} data-testid="resident-create">
                {t('training.residents.add')}
              </Button>
            </Space>
          ) : null
        }
      />
      <TrainingNav />
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('training.residents.privacy')}
      </Typography.Paragraph>
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <SearchInput
            testId="resident-search"
            placeholder={t('training.residents.searchPlaceholder')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          {villages.length > 1 ? (
            <Select<string>
              allowClear
              showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
              placeholder={t('training.allVillages')}
              aria-label={t('training.village')}
              value={villageId}
              onChange={(v) => {
                setVillageId(v);
                setPage(1);
              }}
              options={villages.map((v) => ({ value: v.id, label: v.name }))}
              style={{ width: 220, maxWidth: '100%' }}
              data-testid="resident-village-filter"
            />
          ) : null}
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="resident-table">
          <Table<Resident>
            rowKey="id"
            size="middle"
            columns={compact ? compactColumns : columns}
            showHeader={!compact}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={compact ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: <EmptyText>{q ? t('training.residents.noneFound') : t('training.residents.empty')}</EmptyText> }}
          />
        </div>
      </Card>
      <Drawer
        open={!!editing}
        onClose={() => setEditing(null)}
        title={editing?.resident ? t('training.residents.editTitle') : t('training.residents.add')}
        size={screens.md ? 480 : '100%'}
        destroyOnHidden
      >
        {editing ? (
          <ResidentForm
            communeId={communeId}
            resident={editing.resident}
            villages={villages}
            submitLabel={t('common.save')}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              void message.success(editing.resident ? t('common.saved') : t('common.created'));
              setEditing(null);
            }}
            onReload={() => {
              const id = editing.resident?.id;
              void list.refetch().then((r) => {
                const fresh = r.data?.items.find((x) => x.id === id);
                if (fresh) setEditing({ resident: fresh });
              });
            }}
          />
        ) : null}
      </Drawer>
      <MergeModal communeId={communeId} resident={merging} onClose={() => setMerging(null)} />
      <CompletionModal communeId={communeId} resident={certifying} onClose={() => setCertifying(null)} />
      <ResidentImportDrawer communeId={communeId} open={importing} onClose={() => setImporting(false)} />
      {list.data?.can.create ? (
        <CompletionImportDrawer communeId={communeId} open={importingCompletions} onClose={() => setImportingCompletions(false)} />
      ) : null}
    </div>
  );
}
