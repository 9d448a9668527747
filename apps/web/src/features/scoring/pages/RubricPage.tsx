import { App as AntApp, Alert, Button, Card, Flex, Grid, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateVi, todayVn, type CriterionDto, type RubricDto } from '@tds/contracts';
import { downloadScoresheet, useProgress, useRanking, useRubric, useStepRubric, type RankingDto, type ScoringProgress } from '../api';
import { SCORING_PATHS } from '../paths';
import { RubricStatusTag } from '../components/StatusTag';
import { errorText } from '../../../lib/errors';
import { formatNumber } from '../../../lib/format';
import { useCommune } from '../../../lib/session';
import { PageHeader } from '../../../components/ui/PageHeader';
import { ErrorAlert } from '../../../components/ui/ErrorAlert';
import { FullPageSpin } from '../../../components/ui/FullPageSpin';
import { NoCommune } from '../../../components/ui/Forbidden';

/** One rubric: its criteria, the scoring's progress (self-assessments, the council's sealed scores), and the results. */
export default function RubricPage() {
  const { communeId } = useCommune();
  const { id } = useParams();
  if (!communeId || !id) return <NoCommune />;
  return <Rubric key={`${communeId}:${id}`} communeId={communeId} id={id} />;
}

function Rubric({ communeId, id }: { communeId: string; id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message, modal } = AntApp.useApp();
  const rubric = useRubric(communeId, id);
  const r = rubric.data;
  const started = !!r && r.status !== 'draft';
  const progress = useProgress(communeId, id, started);
  const ranking = useRanking(communeId, id, !!r && (r.status === 'closed' || r.status === 'published'));
  const step = useStepRubric(communeId, id);
  if (rubric.error) return <ErrorAlert error={rubric.error} />;
  if (!r) return <FullPageSpin />;

  const take = (transition: 'open' | 'close' | 'publish') =>
    modal.confirm({
      title: t(`scoring.rubric.${transition}`),
      content: t(`scoring.rubric.confirm${transition[0]!.toUpperCase()}${transition.slice(1)}`),
      okText: t(`scoring.rubric.${transition}`),
      onOk: async () => {
        try {
          await step.mutateAsync({ transition, version: r.version });
          message.success(t('scoring.rubric.done'));
        } catch (e) {
          message.error(errorText(e));
        }
      },
    });
  const actions = (
    <>
      {r.can.edit ? (
        <Button icon={<EditOutlined />} onClick={() => void navigate(SCORING_PATHS.edit(r.id))} data-testid="edit-rubric">
          {t('scoring.rubric.edit')}
        </Button>
      ) : null}
      {(['open', 'close', 'publish'] as const).map((tr) =>
        r.can[tr] ? (
          <Button key={tr} type="primary" onClick={() => take(tr)} loading={step.isPending} data-testid={`rubric-${tr}`}>
            {t(`scoring.rubric.${tr}`)}
          </Button>
        ) : null,
      )}
    </>
  );
  return (
    <div>
      <PageHeader
        title={r.title}
        subtitle={
          <Space wrap size={4}>
            <RubricStatusTag status={r.status} />
            <span>
              {r.groupName} · {t('scoring.year')} {r.year}
            </span>
            {r.planTitle ? <span>· {t('scoring.rubric.plan', { title: r.planTitle })}</span> : null}
            {r.source ? <span>· {t('scoring.rubric.source', { source: r.source })}</span> : null}
          </Space>
        }
        extra={actions}
      />
      {/* A new state opens its own tab: the results once the scores are locked. */}
      <Tabs
        key={r.status}
        defaultActiveKey={r.status === 'published' || r.status === 'closed' ? 'results' : started ? 'progress' : 'criteria'}
        items={[
          { key: 'criteria', label: t('scoring.rubric.tabs.criteria'), children: <CriteriaTable rubric={r} /> },
          ...(started
            ? [
                {
                  key: 'progress',
                  label: t('scoring.rubric.tabs.progress'),
                  children: <ProgressTable rubric={r} progress={progress.data} error={progress.error} />,
                },
              ]
            : []),
          ...(r.status === 'closed' || r.status === 'published'
            ? [
                {
                  key: 'results',
                  label: t('scoring.rubric.tabs.results'),
                  children: <Results communeId={communeId} rubric={r} ranking={ranking.data} error={ranking.error} />,
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}

function CriteriaTable({ rubric }: { rubric: RubricDto }) {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().md;
  const method = (c: CriterionDto) => (
    <Space size={4} wrap>
      <span>{t(`scoring.methods.${c.method}`)}</span>
      {c.auto ? <Tag color="blue">{t('scoring.rubric.auto')}</Tag> : null}
      {c.bands?.length ? (
        <Typography.Text type="secondary">
          {[...c.bands]
            .sort((a, b) => b.min - a.min)
            .map((b) => `≥${formatNumber(b.min)} → ${formatNumber(b.points)}`)
            .join('; ')}
        </Typography.Text>
      ) : null}
    </Space>
  );
  const columns: TableProps<CriterionDto>['columns'] = compact
    ? [
        {
          key: 'c',
          render: (_, c) => (
            <Flex vertical gap={2} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <strong>
                {c.order}. {c.title}
              </strong>
              <span>
                {t(`scoring.sections.${c.section}`)} · {t('scoring.columns.max')} {formatNumber(c.maxPoints)}
              </span>
              {method(c)}
              {c.evidenceRequired ? <Typography.Text type="warning">{c.evidenceHint ?? t('scoring.edit.evidenceRequired')}</Typography.Text> : null}
            </Flex>
          ),
        },
      ]
    : [
        { title: '#', key: 'o', width: 50, render: (_, c) => c.order },
        { title: t('scoring.columns.criterion'), key: 't', render: (_, c) => <span style={{ overflowWrap: 'anywhere' }}>{c.title}</span> },
        { title: t('scoring.edit.section'), key: 's', width: 120, render: (_, c) => t(`scoring.sections.${c.section}`) },
        { title: t('scoring.edit.method'), key: 'm', width: 260, render: (_, c) => method(c) },
        { title: t('scoring.columns.max'), key: 'x', width: 80, align: 'right', render: (_, c) => formatNumber(c.maxPoints) },
        {
          title: t('scoring.columns.evidence'),
          key: 'e',
          width: 200,
          render: (_, c) => (c.evidenceRequired ? (c.evidenceHint ?? t('scoring.edit.evidenceRequired')) : ''),
        },
      ];
  return (
    <Card size="small" extra={<span data-testid="rubric-max-total">{t('scoring.edit.maxTotal', { total: formatNumber(rubric.maxTotal) })}</span>}>
      <Table<CriterionDto> rowKey="id" size="small" columns={columns} dataSource={rubric.criteria} pagination={false} showHeader={!compact} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('scoring.edit.classes')}: {rubric.classes.map((c) => `${c.label} (≥ ${formatNumber(c.min)})`).join('; ')} ·{' '}
        {t(`scoring.aggregations.${rubric.aggregation}`)}
      </Typography.Paragraph>
    </Card>
  );
}

type UnitRow = ScoringProgress['units'][number];

function ProgressTable({ rubric, progress, error }: { rubric: RubricDto; progress: ScoringProgress | undefined; error: unknown }) {
  const { t } = useTranslation();
  const compact = !Grid.useBreakpoint().md;
  const open = rubric.status === 'open';
  const links = (u: UnitRow) => (
    <Space wrap size={4}>
      {rubric.mine.assessUnitIds.includes(u.unitId) ? (
        <Link to={SCORING_PATHS.assessment(rubric.id, u.unitId)} data-testid={`assess-${u.unitId}`}>
          <Button size="small" type="primary">
            {t('scoring.rubric.assess')}
          </Button>
        </Link>
      ) : u.assessmentStatus ? (
        <Link to={SCORING_PATHS.assessment(rubric.id, u.unitId)}>{t('scoring.rubric.viewAssessment')}</Link>
      ) : null}
      {open && rubric.mine.councilMember ? (
        <Link to={SCORING_PATHS.score(rubric.id, u.unitId)} data-testid={`score-${u.unitId}`}>
          <Button size="small">{t('scoring.rubric.score')}</Button>
        </Link>
      ) : null}
    </Space>
  );
  const council = (u: UnitRow) => (
    <Flex vertical gap={2}>
      <span data-testid={`council-progress-${u.unitId}`}>{t('scoring.rubric.submittedOf', { submitted: u.submitted, expected: u.expected })}</span>
      {u.recused ? <Typography.Text type="secondary">{t('scoring.rubric.recused', { count: u.recused })}</Typography.Text> : null}
      {u.members?.length ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {u.members.map((m) => `${m.name}: ${m.total === null ? '—' : formatNumber(m.total)}`).join('; ')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
  const status = (u: UnitRow) => t(`scoring.assessmentStatuses.${u.assessmentStatus ?? 'none'}`);
  const columns: TableProps<UnitRow>['columns'] = compact
    ? [
        {
          key: 'u',
          render: (_, u) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <strong style={{ overflowWrap: 'anywhere' }}>{u.unitName}</strong>
              <span>
                {t('scoring.columns.selfAssessment')}: {status(u)}
              </span>
              {council(u)}
              {links(u)}
            </Flex>
          ),
        },
      ]
    : [
        { title: t('scoring.columns.unit'), key: 'u', render: (_, u) => u.unitName },
        { title: t('scoring.columns.selfAssessment'), key: 'a', width: 150, render: (_, u) => status(u) },
        { title: t('scoring.columns.council'), key: 'c', width: 280, render: (_, u) => council(u) },
        { title: t('scoring.columns.actions'), key: 'x', width: 220, render: (_, u) => links(u) },
      ];
  return (
    <Card size="small">
      {error ? <ErrorAlert error={error} /> : null}
      <Alert type="info" showIcon message={t('scoring.rubric.sealed')} style={{ marginBottom: 8 }} />
      <Table<UnitRow> rowKey="unitId" size="small" columns={columns} dataSource={progress?.units ?? []} pagination={false} showHeader={!compact} />
    </Card>
  );
}

function Results({ communeId, rubric, ranking, error }: { communeId: string; rubric: RubricDto; ranking: RankingDto | undefined; error: unknown }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const compact = !Grid.useBreakpoint().sm;
  type Row = RankingDto['rows'][number];
  const download = (f: 'xlsx' | 'docx') => downloadScoresheet(communeId, rubric.id, f).catch((e: unknown) => message.error(errorText(e)));
  const name = (r: Row) => (
    <Link to={SCORING_PATHS.result(rubric.id, r.unitId)} style={{ overflowWrap: 'anywhere' }}>
      {r.unitName}
    </Link>
  );
  const columns: TableProps<Row>['columns'] = compact
    ? [
        {
          key: 'r',
          render: (_, r) => (
            <Flex gap={8} align="start">
              <strong style={{ minWidth: 24 }}>{r.rank ?? '—'}</strong>
              <Flex vertical style={{ minWidth: 0 }}>
                {name(r)}
                <span>
                  {formatNumber(r.total)} · {r.classLabel || t('scoring.result.unscored')}
                </span>
              </Flex>
            </Flex>
          ),
        },
      ]
    : [
        { title: t('scoring.columns.rank'), key: 'k', width: 70, render: (_, r) => r.rank ?? '—' },
        { title: t('scoring.columns.unit'), key: 'u', render: (_, r) => name(r) },
        { title: t('scoring.columns.total'), key: 't', width: 110, align: 'right', render: (_, r) => formatNumber(r.total) },
        { title: t('scoring.columns.class'), key: 'c', width: 240, render: (_, r) => r.classLabel || t('scoring.result.unscored') },
      ];
  return (
    <Card
      size="small"
      title={rubric.status === 'published' ? null : <Typography.Text type="warning">{t('scoring.rubric.notPublished')}</Typography.Text>}
      extra={
        <Space wrap>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('xlsx')} data-testid="download-xlsx">
            {t('scoring.rubric.downloadXlsx')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download('docx')} data-testid="download-docx">
            {t('scoring.rubric.downloadDocx')}
          </Button>
        </Space>
      }
    >
      {error ? <ErrorAlert error={error} /> : null}
      {ranking?.closedAt ? (
        <Typography.Paragraph type="secondary">
          {t('scoring.rubric.closedOn', { date: formatDateVi(todayVn(new Date(ranking.closedAt))) })}
        </Typography.Paragraph>
      ) : null}
      <div data-testid="ranking-table">
        <Table<Row>
          rowKey="unitId"
          size="small"
          columns={columns}
          dataSource={ranking?.rows ?? []}
          pagination={false}
          showHeader={!compact}
          locale={{ emptyText: t('scoring.rubric.noResults') }}
        />
      </div>
    </Card>
  );
}
