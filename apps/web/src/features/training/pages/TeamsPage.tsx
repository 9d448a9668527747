import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Grid, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { vietnamYear, type TrainingTeam } from '@tds/contracts';
import { downloadTeamsExport, usePopulation, useTeams } from '../api';
import { errorText } from '../../../lib/errors';
import { TrainingNav } from '../components/TrainingNav';
import { EmptyText } from '../components/EmptyText';
import { TeamFormDrawer } from '../components/TeamFormDrawer';
import { formatDateVi } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { NoCommune } from '../../../components/ui/Forbidden';

/** The community digital teams: who they belong to, the villages they serve, their members and founding decision. */
export default function TeamsPage() {
  const { communeId, commune } = useCommune();
  if (!communeId) return <NoCommune />;
  return <Teams key={communeId} communeId={communeId} communeName={commune?.name ?? ''} />;
}

function Teams({ communeId, communeName }: { communeId: string; communeName: string }) {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().md;
  const { message } = AntApp.useApp();
  const teams = useTeams(communeId);
  // The commune's villages, for the villages a team serves.
  const villages = usePopulation(communeId, vietnamYear());
  const [editing, setEditing] = useState<TrainingTeam | null>(null);
  const items = teams.data?.items ?? [];
  const canEdit = items.some((x) => x.can.edit);

  const decision = (x: TrainingTeam) =>
    x.decisionNo || x.decisionDate ? (
      [
        x.decisionNo ? t('training.teams.decisionNoN', { no: x.decisionNo }) : null,
        x.decisionDate ? t('training.teams.decisionOn', { date: formatDateVi(x.decisionDate) }) : null,
      ]
        .filter(Boolean)
        .join(' ')
    ) : (
      <Typography.Text type="secondary">{t('training.teams.noDecision')}</Typography.Text>
    );
  const villageTags = (x: TrainingTeam) =>
    x.villages.length ? (
      <Flex wrap gap={4}>
        {x.villages.map((v) => (
          <Tag key={v.id} style={{ marginInlineEnd: 0 }}>
            {v.name}
          </Tag>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary">{t('training.teams.noVillages')}</Typography.Text>
    );
  const members = (x: TrainingTeam) =>
    x.members.length ? x.members.map((m) => m.fullName).join(', ') : <Typography.Text type="secondary">{t('training.teams.noMembers')}</Typography.Text>;
  const edit = (x: TrainingTeam) =>
    x.can.edit ? (
      <Button
        type="link"
        size="small"
        icon={<EditOutlined />}
        onClick={() => setEditing(x)}
        aria-label={t('training.teams.editTitle', { name: x.name })}
        data-testid="team-edit"
      >
        {t('common.edit')}
      </Button>
    ) : null;

  const name = (x: TrainingTeam) => (
    <Flex vertical style={{ minWidth: 0 }}>
      <strong data-testid="team-row">{x.name}</strong>
      {x.parentName ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('training.teams.parent', { name: x.parentName })}
        </Typography.Text>
      ) : null}
    </Flex>
  );

  const compactColumns: TableProps<TrainingTeam>['columns'] = [
    {
      key: 'team',
      render: (_: unknown, x) => (
        <Flex vertical gap={4} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
          {name(x)}
          <div>
            <Typography.Text type="secondary">{t('training.teams.villages')}: </Typography.Text>
            {villageTags(x)}
          </div>
          <div>
            <Typography.Text type="secondary">{t('training.teams.members')}: </Typography.Text>
            {members(x)}
          </div>
          <div>
            <Typography.Text type="secondary">{t('training.teams.decision')}: </Typography.Text>
            {decision(x)}
          </div>
          {edit(x)}
        </Flex>
      ),
    },
  ];
  const columns: TableProps<TrainingTeam>['columns'] = [
    { key: 'name', title: t('training.team'), render: (_: unknown, x) => name(x) },
    { key: 'villages', title: t('training.teams.villages'), render: (_: unknown, x) => villageTags(x) },
    { key: 'members', title: t('training.teams.members'), render: (_: unknown, x) => members(x) },
    { key: 'decision', title: t('training.teams.decision'), render: (_: unknown, x) => decision(x) },
    ...(canEdit ? [{ key: 'a', title: t('common.actions'), width: 90, render: (_: unknown, x: TrainingTeam) => edit(x) }] : []),
  ];

  return (
    <div>
      <PageHeader
        title={t('training.teams.title')}
        subtitle={communeName}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void downloadTeamsExport(communeId).catch((e: unknown) => void message.error(errorText(e)))}
            data-testid="team-export"
          >
            {t('training.records.exportExcel')}
          </Button>
        }
      />
      <TrainingNav />
      {teams.error ? <ErrorAlert error={teams.error} /> : null}
      <Card size="small">
        <Table<TrainingTeam>
          rowKey="unitId"
          size="middle"
          columns={compact ? compactColumns : columns}
          showHeader={!compact}
          dataSource={items}
          loading={teams.isFetching}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyText>{t('training.teams.empty')}</EmptyText> }}
        />
      </Card>
      {canEdit ? (
        <TeamFormDrawer
          communeId={communeId}
          team={editing}
          villages={(villages.data?.items ?? []).map((v) => ({ id: v.villageId, name: v.villageName }))}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </div>
  );
}
