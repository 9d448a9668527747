import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Grid, Select, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TrainingSession } from '@tds/contracts';
import { downloadSessionsExport, usePopulation, useSessions, useSkillModules, useTeams } from '../api';
import { errorText } from '../../../lib/errors';
import { TrainingNav } from '../components/TrainingNav';
import { EmptyText } from '../components/EmptyText';
import { TrainingYearSelect } from '../components/TrainingYearSelect';
import { SessionFormDrawer } from '../components/SessionFormDrawer';
import { SessionImportDrawer } from '../components/TrainingImportDrawers';
import { moduleNamer, recordVillages, sessionWhen } from '../trainingText';
import { TRAINING_PATHS } from '../paths';
import { useYearParam } from '../useYearParam';
import { usePaging } from '../../../lib/paging';
import { formatNumber, selectFilter } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The sessions held in the commune: newest first, by year and village; a new one for those who record. */
export default function SessionsPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Sessions key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function Sessions({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const compact = !Grid.useBreakpoint().sm;
  const paging = usePaging(20);
  const { page, pageSize, setPage } = paging;
  const [year, setYear] = useYearParam();
  const [chosen, setVillageId] = useState<string | null | undefined>();
  const teams = useTeams(communeId);
  // A village team's member sees their village's sessions first (they can clear the filter).
  const own = recordVillages(teams.data?.items);
  const villageId = chosen === undefined ? (own.length === 1 ? own[0]!.id : undefined) : (chosen ?? undefined);
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const list = useSessions(communeId, { page, pageSize, year, villageId });
  const villages = usePopulation(communeId, year);
  const modules = useSkillModules(communeId);
  const nameOf = moduleNamer(modules.data?.items, t('training.unknownModule'));

  // A session's page (its attendance, personal data) is for those who record for its team and village.
  const when = (s: TrainingSession) =>
    s.can.record ? (
      <Link to={TRAINING_PATHS.session(s.id)} data-testid="session-row-link">
        {sessionWhen(s)}
      </Link>
    ) : (
      <span>{sessionWhen(s)}</span>
    );
  const modulesText = (s: TrainingSession) => s.moduleCodes.map(nameOf).join('; ');

  const compactColumns: TableProps<TrainingSession>['columns'] = [
    {
      key: 's',
      render: (_: unknown, s) => (
        <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }} data-testid="session-row">
          <Flex justify="space-between" gap={8}>
            <strong>{when(s)}</strong>
            <span>{t('training.sessions.attendeesN', { count: s.attendees })}</span>
          </Flex>
          <span>
            {s.villageName} · {s.place}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.teamName}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {modulesText(s)}
          </Typography.Text>
        </Flex>
      ),
    },
  ];
  const columns: TableProps<TrainingSession>['columns'] = [
    { key: 'date', title: t('training.sessions.date'), width: 140, render: (_: unknown, s) => <span data-testid="session-row">{when(s)}</span> },
    { key: 'village', title: t('training.village'), dataIndex: 'villageName', width: 120 },
    {
      key: 'team',
      title: t('training.team'),
      dataIndex: 'teamName',
      responsive: ['xl'],
      render: (n: string) => <div style={{ maxWidth: 150, whiteSpace: 'normal' }}>{n}</div>,
    },
    {
      key: 'place',
      title: t('training.sessions.place'),
      dataIndex: 'place',
      responsive: ['xl'],
      render: (p: string) => <div style={{ maxWidth: 150, whiteSpace: 'normal' }}>{p}</div>,
    },
    {
      key: 'modules',
      title: t('training.sessions.modules'),
      responsive: ['md'],
      render: (_: unknown, s) => (
        <ul style={{ margin: 0, paddingInlineStart: 16, maxWidth: 300, whiteSpace: 'normal', fontSize: 13 }}>
          {s.moduleCodes.map((c) => (
            <li key={c}>{nameOf(c)}</li>
          ))}
        </ul>
      ),
    },
    { key: 'n', title: t('training.sessions.attendees'), dataIndex: 'attendees', align: 'right', width: 110, render: (n: number) => formatNumber(n) },
  ];

  return (
    <div>
      <PageHeader
        title={t('training.sessions.title')}
        subtitle={communeName}
        extra={
          <>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadSessionsExport(communeId, { year, villageId }).catch((e: unknown) => void message.error(errorText(e)))}
              data-testid="session-export"
            >
              {t('training.records.exportExcel')}
            </Button>
            {list.data?.can.create ? (
              <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="session-import-open">
                {t('training.imports.sessions.open')}
              </Button>
            ) : null}
            {list.data?.can.create ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="session-create">
                {t('training.sessions.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <TrainingNav />
      <Card size="small">
        <Flex wrap gap={8} style={{ marginBottom: 12 }}>
          <TrainingYearSelect
            year={year}
            onChange={(y) => {
              setYear(y);
              setPage(1);
            }}
            testId="session-year"
          />
          <Select<string>
            allowClear
            showSearch={{ filterOption: (input, option) => selectFilter(input, option) }}
            placeholder={t('training.allVillages')}
            aria-label={t('training.village')}
            value={villageId}
            onChange={(v) => {
              setVillageId(v ?? null);
              setPage(1);
            }}
            options={(villages.data?.items ?? []).map((v) => ({ value: v.villageId, label: v.villageName }))}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="session-village-filter"
          />
        </Flex>
        {list.error ? <ErrorAlert error={list.error} /> : null}
        <div data-testid="session-table">
          <Table<TrainingSession>
            rowKey="id"
            size="middle"
            columns={compact ? compactColumns : columns}
            showHeader={!compact}
            dataSource={list.data?.items ?? []}
            loading={list.isFetching}
            scroll={compact ? undefined : { x: 'max-content' }}
            pagination={paging.config(list.data?.total)}
            locale={{ emptyText: <EmptyText>{t('training.sessions.empty')}</EmptyText> }}
          />
        </div>
      </Card>
      {list.data?.can.create ? (
        <SessionFormDrawer
          communeId={communeId}
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(s) => {
            setCreating(false);
            void navigate(TRAINING_PATHS.session(s.id));
          }}
        />
      ) : null}
      {list.data?.can.create ? <SessionImportDrawer communeId={communeId} open={importing} onClose={() => setImporting(false)} /> : null}
    </div>
  );
}
